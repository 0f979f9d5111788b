package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.jdbc.support.ThreadConnections;
import org.partnerprogram.testkit.Acts;

/**
 * Issues 4 and 5 on a real database: the same signup or host event delivered by several host
 * instances at once (here: threads with their own connections) has effect exactly once, and no
 * caller fails. Each database runs it through a subclass.
 */
abstract class AbstractConcurrentDeliveryTest {
  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  private static final int THREADS = 8;
  private static final int CUSTOMERS = 100;
  private static final int ORDERS = 100;
  private static final int DELIVERIES = 50;

  private DataSource dataSource;
  private ThreadConnections connections;
  private JdbcProgramStorage storage;
  private PartnerProgram program;
  private PartnerId partner;
  private ExecutorService pool;

  /** The database of the subclass. */
  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    dataSource = database().emptied();
    connections = new ThreadConnections(dataSource);
    storage = JdbcProgramStorage.create(connections);
    // The default SecureRandom: the programme is shared by all threads, as by a host's requests.
    program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(
                    Map.of(
                        RateTarget.group("shared-hosting"), Rate.percent("25"),
                        RateTarget.group("vps"), Rate.percent("12.5"))));
    partner = program.partners().enroll(EnrollPartnerCommand.of("cust-partner")).partner().id();
    program.referrals().issueVanityCode(partner, "jan-hosting");
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    connections.close();
  }

  /** Runs {@code THREADS} callers that start together; returns their results, failing on any. */
  private <T> List<T> atOnce(IntFunction<T> caller) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return caller.apply(index);
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS)); // a caller's exception fails the test here
    }
    return results;
  }

  private long count(String query, String key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static OrderLine line(int number, String group, String net) {
    return new OrderLine(
        number,
        ProductId.of(group + "-product"),
        Optional.of(ProductGroupId.of(group)),
        eur(net),
        Optional.empty());
  }

  @Test
  void aSignupAttributedFromEightThreadsAtOnceIsDecidedOnceAndAlike() throws Exception {
    for (int i = 0; i < CUSTOMERS; i++) {
      String customer = "cust-" + i;
      boolean clicked = i % 4 != 3; // every fourth customer never clicked: NO_TOUCH
      if (clicked) {
        program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-" + customer));
      }

      List<SignupAttribution> results =
          atOnce(
              t ->
                  program
                      .referrals()
                      .attributeSignup(
                          AttributeSignupCommand.newCustomer(customer)
                              .visitor("v-" + customer)
                              .at(NOW)));

      assertThat(results).filteredOn(r -> !r.alreadyDecided()).hasSize(1);
      assertThat(results)
          .extracting(SignupAttribution::decision)
          .containsOnly(results.get(0).decision());
      assertThat(results.get(0).decision())
          .isInstanceOf(
              clicked
                  ? AttributionDecision.Attributed.class
                  : AttributionDecision.NotAttributed.class);
      assertThat(
              count("SELECT COUNT(*) FROM pp_attribution WHERE customer_account_id = ?", customer))
          .isEqualTo(1);
    }
    assertThat(count("SELECT COUNT(*) FROM pp_outbox WHERE event_type = ?", "customer.attributed"))
        .isEqualTo(CUSTOMERS - CUSTOMERS / 4);
  }

  @Test
  void aPaymentDeliveredFiftyTimesFromEightThreadsEarnsOnceAndADuplicateRefundReversesOnce()
      throws Exception {
    List<OrderId> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String customer = "cust-" + i;
      program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-" + customer));
      program
          .referrals()
          .attributeSignup(
              AttributeSignupCommand.newCustomer(customer).visitor("v-" + customer).at(NOW));
      OrderId orderId = OrderId.of("order-" + i);
      program
          .commissions()
          .recordOrder(
              new RecordOrderCommand(
                  EventId.of("order-" + i),
                  new Order(
                      orderId,
                      CustomerAccountId.of(customer),
                      NOW,
                      List.of(line(1, "shared-hosting", "100.00"), line(2, "vps", "40.00")))));
      orders.add(orderId);
    }

    for (OrderId orderId : orders) {
      RecordPaymentCommand payment =
          new RecordPaymentCommand(EventId.of("pay-" + orderId), orderId, NOW);
      List<List<PaymentResult>> perThread =
          atOnce(
              t -> {
                List<PaymentResult> mine = new ArrayList<>();
                // 50 deliveries shared by 8 threads: 7 for the first two, 6 for the others.
                for (int d = t; d < DELIVERIES; d += THREADS) {
                  mine.add(program.commissions().recordPayment(payment));
                }
                return mine;
              });
      List<PaymentResult> results = perThread.stream().flatMap(List::stream).toList();

      assertThat(results).hasSize(DELIVERIES);
      assertThat(results).filteredOn(r -> !r.redelivery()).hasSize(1);
      PaymentResult first = results.stream().filter(r -> !r.redelivery()).findFirst().orElseThrow();
      assertThat(first.entries()).hasSize(2);
      assertThat(results).allSatisfy(r -> assertThat(r.entries()).isEqualTo(first.entries()));
      assertThat(
              count(
                  "SELECT COUNT(*) FROM pp_ledger_entry WHERE order_id = ? AND kind = 'EARNED'",
                  orderId.value()))
          .isEqualTo(2);
    }

    for (OrderId orderId : orders) {
      RecordRefundCommand refund =
          RecordRefundCommand.wholeOrder(
              EventId.of("refund-" + orderId), orderId, NOW, eur("70.00"));
      List<RefundResult> results = atOnce(t -> program.commissions().recordRefund(refund));

      assertThat(results).filteredOn(r -> !r.redelivery()).hasSize(1);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM pp_ledger_entry WHERE order_id = ? AND kind = 'REVERSED'",
                  orderId.value()))
          .isEqualTo(2);
      assertThat(count("SELECT COUNT(*) FROM pp_refund WHERE order_id = ?", orderId.value()))
          .isEqualTo(2);
    }

    // Per order: earned 25.00 + 5.00; half the order refunded reverses 12.50 + 2.50.
    Balance balance = program.partners().overview(partner).orElseThrow().balance();
    assertThat(balance.earned()).isEqualTo(eur("3000.00"));
    assertThat(balance.reversed()).isEqualTo(eur("1500.00"));
    assertThat(balance.payable()).isEqualTo(eur("1500.00"));
    assertThat(balance.pending()).isEqualTo(eur("0.00"));
    assertThat(count("SELECT COUNT(*) FROM pp_outbox WHERE event_type = ?", "commission.earned"))
        .isEqualTo(ORDERS);
    assertThat(count("SELECT COUNT(*) FROM pp_outbox WHERE event_type = ?", "commission.reversed"))
        .isEqualTo(ORDERS);
    assertThat(storage.transactions().execute(() -> storage.ledger().entriesOfOrder(orders.get(0))))
        .extracting(LedgerEntry::kind)
        .containsExactly(
            LedgerEntry.Kind.ACCRUED, // line 1 (one clock: ordered by line, then kind)
            LedgerEntry.Kind.EARNED,
            LedgerEntry.Kind.REVERSED,
            LedgerEntry.Kind.ACCRUED, // line 2
            LedgerEntry.Kind.EARNED,
            LedgerEntry.Kind.REVERSED);
  }
}
