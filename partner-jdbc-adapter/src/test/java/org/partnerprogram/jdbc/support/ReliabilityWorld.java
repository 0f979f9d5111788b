package org.partnerprogram.jdbc.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;

/**
 * The programme the reliability tests share: a rate card (shared hosting 25 %, VPS 12.5 %), a
 * number of partners with payout accounts and vanity codes, customers referred by each, and host
 * events (orders, payments, refunds) generated from a seed.
 */
public final class ReliabilityWorld {
  /** Whether soak sizes run ({@code -Dpartner.soak=true}); CI runs the small sizes. */
  public static final boolean SOAK = Boolean.getBoolean("partner.soak");

  private ReliabilityWorld() {}

  /** A programme with a seeded random source: for one thread at a time, ids repeat per seed. */
  public static PartnerProgram program(ProgramStorage storage, Clock clock, long seed) {
    return builder(storage, clock).random(new SplittableRandom(seed)).build();
  }

  /**
   * A programme as a host runs it, with its own {@code SecureRandom}: for instances shared by
   * threads, and for several instances on one database (two seeded alike would make the same ids).
   */
  public static PartnerProgram program(ProgramStorage storage, Clock clock) {
    return builder(storage, clock).build();
  }

  public static PartnerProgram.Builder builder(ProgramStorage storage, Clock clock) {
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .clock(clock);
  }

  /** Rate card, partners and their referred customers; returns the partners by index. */
  public static List<PartnerId> populate(
      PartnerProgram program, int partners, int customersPerPartner, Instant at) {
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(
                    Map.of(
                        RateTarget.group("shared-hosting"), Rate.percent("25"),
                        RateTarget.group("vps"), Rate.percent("12.5"))));
    List<PartnerId> ids = new ArrayList<>();
    for (int p = 0; p < partners; p++) {
      PartnerId id =
          program
              .partners()
              .enroll(
                  EnrollPartnerCommand.of("acct-p" + p)
                      .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Partner " + p)))
              .partner()
              .id();
      program.referrals().issueVanityCode(id, code(p));
      for (int c = 0; c < customersPerPartner; c++) {
        String customer = customer(p, c);
        program.referrals().recordTouch(RecordTouchCommand.of(code(p), "v-" + customer));
        program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer(customer).visitor("v-" + customer).at(at));
      }
      ids.add(id);
    }
    return ids;
  }

  public static String code(int partner) {
    return "partner-" + partner;
  }

  public static String customer(int partner, int index) {
    return "c-" + partner + "-" + index;
  }

  public static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  public static Money eur(BigDecimal amount) {
    return Money.of(amount.toPlainString(), "EUR");
  }

  /** A two-line order (shared hosting and VPS). */
  public static Order order(String orderId, String customer, Instant at, Money hosting, Money vps) {
    return new Order(
        OrderId.of(orderId),
        CustomerAccountId.of(customer),
        at,
        List.of(
            new OrderLine(
                1,
                ProductId.of("shared-hosting-product"),
                Optional.of(ProductGroupId.of("shared-hosting")),
                hosting,
                Optional.empty()),
            new OrderLine(
                2,
                ProductId.of("vps-product"),
                Optional.of(ProductGroupId.of("vps")),
                vps,
                Optional.empty())));
  }

  /** A random amount between 1.00 and 200.00 EUR. */
  public static Money amount(SplittableRandom random) {
    return eur(BigDecimal.valueOf(random.nextLong(100, 20_001), 2));
  }

  /** One host event: its id and how to deliver it. */
  public record HostEvent(
      String id, String kind, String orderId, Consumer<PartnerProgram> delivery) {
    public void deliverTo(PartnerProgram program) {
      delivery.accept(program);
    }
  }

  /**
   * The host events of one order: the order, its payment, and (if {@code refund} is given) a
   * whole-order refund after the payment.
   */
  public static List<HostEvent> orderEvents(
      String orderId, String customer, Instant at, Money hosting, Money vps, Money refund) {
    List<HostEvent> events = new ArrayList<>();
    Order order = order(orderId, customer, at, hosting, vps);
    events.add(
        new HostEvent(
            "order-" + orderId,
            "order",
            orderId,
            p ->
                p.commissions()
                    .recordOrder(new RecordOrderCommand(EventId.of("order-" + orderId), order))));
    events.add(
        new HostEvent(
            "pay-" + orderId,
            "payment",
            orderId,
            p ->
                p.commissions()
                    .recordPayment(
                        new RecordPaymentCommand(
                            EventId.of("pay-" + orderId), OrderId.of(orderId), at))));
    if (refund != null) {
      events.add(
          new HostEvent(
              "refund-" + orderId,
              "refund",
              orderId,
              p ->
                  p.commissions()
                      .recordRefund(
                          RecordRefundCommand.wholeOrder(
                              EventId.of("refund-" + orderId), OrderId.of(orderId), at, refund))));
    }
    return events;
  }

  /** Each partner's balance (by index) as the partner page shows it. */
  public static Map<Integer, Balance> balances(PartnerProgram program, List<PartnerId> partners) {
    Map<Integer, Balance> balances = new TreeMap<>();
    for (int p = 0; p < partners.size(); p++) {
      balances.put(p, program.partners().overview(partners.get(p)).orElseThrow().balance());
    }
    return balances;
  }

  /** A pool of its own for one SDK instance, as a host would configure it. */
  public static HikariDataSource pool(DataSource database, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }

  /**
   * The state a host event leaves, canonical and free of generated ids: ledger entries (by the
   * partner's account, order, line, kind, amount and source event), processed events, refunds, paid
   * orders and outbox events by type.
   */
  public static List<String> canonicalState(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    rows.addAll(
        query(
            dataSource,
            "SELECT 'ledger', p.customer_account_id, e.order_id, e.line_number, e.kind, e.amount,"
                + " e.source_event_id, e.occurred_at, e.payable_at FROM pp_ledger_entry e"
                + " JOIN pp_partner p ON p.partner_id = e.partner_id"
                + " ORDER BY e.order_id, e.line_number, e.kind, e.source_event_id"));
    rows.addAll(
        query(
            dataSource,
            "SELECT 'processed', event_id, kind, fingerprint FROM pp_processed_event"
                + " ORDER BY event_id"));
    rows.addAll(
        query(
            dataSource,
            "SELECT 'refund', order_id, line_number, event_id, net_amount FROM pp_refund"
                + " ORDER BY order_id, line_number, event_id"));
    rows.addAll(
        query(dataSource, "SELECT 'order', order_id, paid_at FROM pp_order ORDER BY order_id"));
    rows.addAll(
        query(
            dataSource,
            "SELECT 'outbox', event_type, COUNT(*) FROM pp_outbox GROUP BY event_type"
                + " ORDER BY event_type"));
    return rows;
  }

  /**
   * Empties every {@code pp_} table and, on PostgreSQL, vacuums and analyses them, so that the test
   * classes after a heavy one plan their queries against small tables again, as on a fresh database
   * (the per-run database is shared; its statistics would otherwise carry this test's thousands of
   * rows and change which index a plan test sees).
   */
  public static void emptyAndVacuum(TestDatabase database) throws SQLException {
    DataSource dataSource = database.emptied();
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        return;
      }
      c.setAutoCommit(true);
      try (java.sql.Statement s = c.createStatement()) {
        for (String table : TableChecksums.tables(dataSource)) {
          // The table name comes from the database's own metadata, not from input.
          s.execute("VACUUM ANALYZE " + table);
        }
      }
    }
  }

  public static List<String> query(DataSource dataSource, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          if (i > 1) {
            row.append('|');
          }
          row.append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
