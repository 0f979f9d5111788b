package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.OutboxEntry;
import org.partnerprogram.testkit.Acts;

/** Every wiring example runs here, on H2, so none of them can rot. */
class WiringExamplesTest {
  private static final ProgramTerms TERMS =
      ProgramTerms.builder()
          .referralLinkTemplate(
              ReferralLinkTemplate.of("https://www.example-hosting.nl/?ref={code}"))
          .build();

  private static DataSource migratedDatabase() {
    DataSource h2 = ProgrammeMonth.h2();
    HostFlywayMigrations.migrate(h2, "classpath:db/host", Dialect.H2);
    return h2;
  }

  private static String invoiceStatus(DataSource db, String id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT status FROM host_invoice WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void insertInvoice(DataSource db, String id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO host_invoice (id, status) VALUES (?, 'OPEN')")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  @Test
  void theHostsFlywayMigratesItsOwnTablesAndTheSdksSeparately() throws SQLException {
    DataSource db = migratedDatabase();
    try (Connection c = db.getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(names)
          .contains(
              "host_invoice",
              "flyway_schema_history",
              "pp_schema_history",
              "pp_partner",
              "pp_payout");
    }
  }

  @Test
  void aPaymentIsRecordedWithTheHostsInvoiceUpdateOrNotAtAll() throws Exception {
    DataSource db = migratedDatabase();
    PaymentInHostTransaction host = new PaymentInHostTransaction(db, TERMS);
    PartnerProgram program = host.program();
    var partner =
        new Object() {
          org.partnerprogram.core.domain.PartnerId id;
        };
    host.inTransaction(
        () -> {
          program
              .rates()
              .change(
                  RateChange.programmeWide(Acts.TEST)
                      .setAll(Map.of(RateTarget.group("vps"), Rate.percent("12.5"))));
          partner.id =
              program
                  .partners()
                  .enroll(
                      EnrollPartnerCommand.of("cust-1")
                          .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Jan")))
                  .partner()
                  .id();
          program.referrals().issueVanityCode(partner.id, "jan-web");
          program.referrals().recordTouch(RecordTouchCommand.of("jan-web", "visitor-1"));
          program
              .referrals()
              .attributeSignup(
                  AttributeSignupCommand.newCustomer("cust-2")
                      .visitor("visitor-1")
                      .at(Instant.now()));
          program
              .commissions()
              .recordOrder(
                  new RecordOrderCommand(
                      EventId.of("order-INV-1"),
                      new Order(
                          OrderId.of("INV-1"),
                          CustomerAccountId.of("cust-2"),
                          Instant.now(),
                          List.of(
                              new OrderLine(
                                  1,
                                  org.partnerprogram.core.domain.ProductId.of("vps-m"),
                                  Optional.of(
                                      org.partnerprogram.core.domain.ProductGroupId.of("vps")),
                                  Money.of("80.00", "EUR"),
                                  Optional.empty())))));
        });
    insertInvoice(db, "INV-1");

    assertThatThrownBy(
            () ->
                host.invoicePaid(
                    "INV-1",
                    "psp-evt-1",
                    Instant.now(),
                    () -> {
                      throw new IllegalStateException("the host's own step failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(invoiceStatus(db, "INV-1")).isEqualTo("OPEN");
    assertThat(earned(host, partner.id)).isEqualTo(Money.of("0.00", "EUR"));

    host.invoicePaid("INV-1", "psp-evt-1", Instant.now(), () -> {});
    assertThat(invoiceStatus(db, "INV-1")).isEqualTo("PAID");
    assertThat(earned(host, partner.id)).isEqualTo(Money.of("10.00", "EUR"));
  }

  private static Money earned(
      PaymentInHostTransaction host, org.partnerprogram.core.domain.PartnerId id)
      throws SQLException {
    List<Money> result = new ArrayList<>();
    host.inTransaction(
        () -> result.add(host.program().partners().overview(id).orElseThrow().balance().earned()));
    return result.get(0);
  }

  @Test
  void theRelayDeliversEveryEventOnceAndAcknowledgesIt() {
    DataSource db = migratedDatabase();
    JdbcProgramStorage storage = JdbcProgramStorage.create(db);
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(TERMS)
            .storage(storage)
            .build();
    program
        .partners()
        .enroll(
            EnrollPartnerCommand.of("cust-1")
                .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Jan")));
    List<String> notifications = new ArrayList<>();

    OutboxRelay relay =
        new OutboxRelay(storage.outboxReader(), (OutboxEntry e) -> notifications.add(e.type()));

    assertThat(relay.drain()).isEqualTo(3);
    assertThat(notifications)
        .containsExactly(
            "partner.enrolled", "partner.payout-account-changed", "referral-code.issued");
    assertThat(relay.drain()).isZero();
  }
}
