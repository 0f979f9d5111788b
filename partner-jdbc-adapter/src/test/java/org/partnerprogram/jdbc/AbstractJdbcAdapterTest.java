package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.RateVersionAdded;
import org.partnerprogram.core.domain.event.ReferralCodeIssued;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.jdbc.support.CountingDataSource;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.StoredPartners;

/**
 * What the JDBC adapter promises beyond the port contract: the outbox's JSON and acknowledgement,
 * joining a host's transaction, refusing what it cannot store exactly, and the constraints of its
 * schema. Each database runs it through a subclass.
 */
abstract class AbstractJdbcAdapterTest {
  private static final Instant T0 = Instant.parse("2026-03-15T10:15:30.123456Z");
  private static final StoredPartners PARTNERS = StoredPartners.enrolledAt(T0);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The host's transaction open on this thread, as a host framework keeps it. */
  private static final ThreadLocal<Connection> HOST_TRANSACTION = new ThreadLocal<>();

  private DataSource dataSource;
  private JdbcProgramStorage storage;

  /** The database of the subclass. */
  abstract TestDatabase database();

  /** The dialect the adapter must detect on it. */
  abstract Dialect expectedDialect();

  @BeforeEach
  void emptyDatabase() {
    dataSource = database().emptied();
    storage = JdbcProgramStorage.create(dataSource);
  }

  private static PartnerProgram programOn(JdbcProgramStorage storage) {
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(new Random(7))
        .build();
  }

  private int count(String table) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  // ------------------------------------------------------------------------------ outbox

  @Test
  void publishAllWritesTheEventsInListOrderEachWithItsOwnFields() throws Exception {
    // Ids in descending order, so that an insert sorted by id would show; a partner-less event in
    // the middle, so that a shifted column would show.
    List<ProgramEvent> events = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      UUID id = new UUID(0, 100 - i);
      events.add(
          i == 3
              ? new RateVersionAdded(id, T0.plusSeconds(i), Optional.empty(), i + 1, T0)
              : new ReferralCodeIssued(
                  id,
                  T0.plusSeconds(i),
                  PartnerId.of("p-" + i),
                  ReferralCode.parse("abcd234" + (2 + i)),
                  false));
    }
    storage
        .transactions()
        .execute(
            () -> {
              storage.outboxReader().publishAll(events);
              return null;
            });

    List<OutboxEntry> entries = storage.outboxReader().unacknowledged(10);
    assertThat(entries)
        .extracting(OutboxEntry::eventId)
        .containsExactlyElementsOf(events.stream().map(ProgramEvent::eventId).toList());
    for (int i = 0; i < events.size(); i++) {
      OutboxEntry entry = entries.get(i);
      assertThat(entry.type()).isEqualTo(events.get(i).type());
      assertThat(entry.occurredAt()).isEqualTo(T0.plusSeconds(i));
      assertThat(entry.partnerId()).isEqualTo(events.get(i).partner());
      assertThat(JSON.readTree(entry.payload()).get("eventId").asText())
          .isEqualTo(events.get(i).eventId().toString());
      if (i > 0) {
        assertThat(entry.sequence()).isGreaterThan(entries.get(i - 1).sequence());
      }
    }
  }

  @Test
  void outboxKeepsEachEventAsVersionedJson() throws Exception {
    UUID rateEvent = UUID.randomUUID();
    UUID codeEvent = UUID.randomUUID();
    storage
        .transactions()
        .execute(
            () -> {
              storage
                  .outboxReader()
                  .publish(new RateVersionAdded(rateEvent, T0, Optional.empty(), 3, T0));
              storage
                  .outboxReader()
                  .publish(
                      new ReferralCodeIssued(
                          codeEvent,
                          T0,
                          PartnerId.of("p-1"),
                          ReferralCode.parse("abcd2345"),
                          true));
              return null;
            });

    List<OutboxEntry> entries = storage.outboxReader().unacknowledged(10);
    assertThat(entries).extracting(OutboxEntry::eventId).containsExactly(rateEvent, codeEvent);
    assertThat(entries.get(0).sequence()).isLessThan(entries.get(1).sequence());

    OutboxEntry rate = entries.get(0);
    assertThat(rate.type()).isEqualTo("rate-version.added");
    assertThat(rate.partnerId()).isEmpty();
    assertThat(rate.occurredAt()).isEqualTo(T0);
    assertThat(rate.schemaVersion()).isEqualTo(2);
    JsonNode ratePayload = JSON.readTree(rate.payload());
    assertThat(ratePayload.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(ratePayload.get("type").asText()).isEqualTo("rate-version.added");
    assertThat(ratePayload.get("eventId").asText()).isEqualTo(rateEvent.toString());
    assertThat(ratePayload.get("occurredAt").asText()).isEqualTo("2026-03-15T10:15:30.123456Z");
    assertThat(ratePayload.get("overrideFor").isNull()).isTrue();
    assertThat(ratePayload.get("number").asInt()).isEqualTo(3);

    OutboxEntry code = entries.get(1);
    assertThat(code.partnerId()).contains(PartnerId.of("p-1"));
    JsonNode codePayload = JSON.readTree(code.payload());
    assertThat(codePayload.get("type").asText()).isEqualTo("referral-code.issued");
    assertThat(codePayload.get("partnerId").asText()).isEqualTo("p-1");
    assertThat(codePayload.get("code").asText()).isEqualTo("ABCD2345");
    assertThat(codePayload.get("vanity").asBoolean()).isTrue();
  }

  @Test
  void acknowledgedEventsAreNotReadAgain() {
    PartnerProgram program = programOn(storage);
    program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
    program.partners().enroll(EnrollPartnerCommand.of("cust-2"));
    JdbcOutbox outbox = storage.outboxReader();

    List<OutboxEntry> first = outbox.unacknowledged(3);
    assertThat(first)
        .extracting(OutboxEntry::type)
        .containsExactly("partner.enrolled", "referral-code.issued", "partner.enrolled");
    assertThat(outbox.acknowledge(first.stream().map(OutboxEntry::sequence).toList())).isEqualTo(3);
    assertThat(outbox.acknowledge(List.of(first.get(0).sequence()))).isZero();

    List<OutboxEntry> rest = outbox.unacknowledged(100);
    assertThat(rest).extracting(OutboxEntry::type).containsExactly("referral-code.issued");
    assertThat(rest.get(0).sequence()).isGreaterThan(first.get(2).sequence());
    assertThatThrownBy(() -> outbox.unacknowledged(0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aRejoinIsWrittenToTheOutboxAfterTheLeaveAndBeforeTheFreshCode() throws Exception {
    PartnerProgram program = programOn(storage);
    PartnerId id = program.partners().enroll(EnrollPartnerCommand.of("cust-1")).partner().id();
    program.partners().leave(id);
    JdbcOutbox outbox = storage.outboxReader();
    outbox.acknowledge(outbox.unacknowledged(100).stream().map(OutboxEntry::sequence).toList());

    EnrollmentResult again = program.partners().enroll(EnrollPartnerCommand.of("cust-1"));

    List<OutboxEntry> entries = outbox.unacknowledged(100);
    assertThat(entries)
        .extracting(OutboxEntry::type)
        .containsExactly("partner.rejoined", "referral-code.revoked", "referral-code.issued");
    assertThat(entries).extracting(OutboxEntry::partnerId).containsOnly(Optional.of(id));
    JsonNode rejoined = JSON.readTree(entries.get(0).payload());
    assertThat(rejoined.get("partnerId").asText()).isEqualTo(id.value());
    // Pseudonymous by default: the host, holding the key, can recompute it; the id itself is
    // absent.
    assertThat(rejoined.get("customerPseudonym").asText())
        .isEqualTo(
            PseudonymKey.of(new byte[32]).pseudonymOf(CustomerAccountId.of("cust-1")).value());
    assertThat(rejoined.get("customerAccountId").isNull()).isTrue();
    assertThat(entries.get(0).payload()).doesNotContain("cust-1");
    assertThat(JSON.readTree(entries.get(2).payload()).get("code").asText())
        .isEqualTo(again.issuedCode().orElseThrow().code().value());
  }

  // ------------------------------------------------------------------ host-managed transactions

  @Test
  void enrolmentRolledBackWithTheHostsTransactionLeavesNeitherPartnerNorEvent() throws Exception {
    HostManagedStorage host = new HostManagedStorage(dataSource);
    PartnerProgram program = programOn(host.joined());
    assertThatThrownBy(
            () ->
                host.inHostTransaction(
                    () -> {
                      EnrollmentResult result =
                          program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
                      assertThat(result.outcome()).isEqualTo(EnrollmentResult.Outcome.NEW_PARTNER);
                      throw new IllegalStateException("the host's own work failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(count("pp_partner")).isZero();
    assertThat(count("pp_referral_code")).isZero();
    assertThat(count("pp_outbox")).isZero();

    host.inHostTransaction(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-1")));
    assertThat(count("pp_partner")).isEqualTo(1);
    assertThat(storage.outboxReader().unacknowledged(10))
        .extracting(OutboxEntry::type)
        .containsExactly("partner.enrolled", "referral-code.issued");
  }

  @Test
  void failedUseCaseInsideTheHostsTransactionIsUndoneAndTheHostKeepsItsWork() throws Exception {
    HostManagedStorage host = new HostManagedStorage(dataSource);
    JdbcProgramStorage joined = host.joined();
    boolean hostCommitted =
        host.inHostTransaction(
            () -> {
              joined
                  .transactions()
                  .execute(
                      () ->
                          joined
                              .partners()
                              .insert(PARTNERS.partner("p-host").customer("cust-host").build()));
              assertThatThrownBy(
                      () ->
                          joined
                              .transactions()
                              .execute(
                                  () -> {
                                    joined
                                        .partners()
                                        .insert(
                                            PARTNERS
                                                .partner("p-failed")
                                                .customer("cust-failed")
                                                .build());
                                    throw new IllegalStateException("use case failed");
                                  }))
                  .isInstanceOf(IllegalStateException.class);
              return true;
            });

    assertThat(hostCommitted).isTrue();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT partner_id FROM pp_partner")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("p-host");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void joinedStorageNeverCommitsOrClosesTheHostsConnection() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      JdbcProgramStorage joined = JdbcProgramStorage.joining(() -> Optional.of(c));
      programOn(joined).partners().enroll(EnrollPartnerCommand.of("cust-1"));

      assertThat(c.isClosed()).isFalse();
      assertThat(c.getAutoCommit()).isFalse();
      assertThat(count("pp_partner")).as("not visible before the host commits").isZero();
      c.commit();
    }
    assertThat(count("pp_partner")).isEqualTo(1);
  }

  @Test
  void joiningAConnectionOutsideATransactionIsRefused() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      JdbcProgramStorage joined = JdbcProgramStorage.joining(() -> Optional.of(c));
      assertThatThrownBy(
              () -> programOn(joined).partners().enroll(EnrollPartnerCommand.of("cust-1")))
          .isInstanceOf(HostTransactionRequiredException.class)
          .hasMessageContaining("autocommit");
    }
    assertThat(count("pp_partner")).isZero();
  }

  @Test
  void strictJoiningWithoutAHostTransactionFailsTypedWritesNothingAndTakesNoConnection()
      throws Exception {
    CountingDataSource counted = new CountingDataSource(dataSource);
    // The host's view: a transaction only while one is open on the thread (none now).
    JdbcProgramStorage joined =
        JdbcProgramStorage.joining(() -> Optional.ofNullable(HOST_TRANSACTION.get()));

    assertThatThrownBy(() -> programOn(joined).partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(HostTransactionRequiredException.class)
        .hasMessageContaining("no host transaction is open")
        .hasMessageContaining("joiningOrOwning");
    assertThat(joined.transactions().ownsTransactions()).isFalse();

    assertThat(counted.taken()).as("connections taken").isZero();
    assertThat(count("pp_partner")).isZero();
    assertThat(count("pp_outbox")).isZero();
  }

  @Test
  void joinOrOwnOwnsACommittedTransactionWhenTheHostHasNoneAndClosesItsConnection()
      throws Exception {
    CountingDataSource counted = new CountingDataSource(dataSource);
    JdbcProgramStorage storage =
        JdbcProgramStorage.joiningOrOwning(counted.dataSource(), Optional::empty);
    assertThat(storage.transactions().ownsTransactions()).isTrue();

    programOn(storage).partners().enroll(EnrollPartnerCommand.of("cust-1"));

    assertThat(count("pp_partner")).as("committed by the adapter").isEqualTo(1);
    assertThat(count("pp_outbox")).isEqualTo(2);
    assertThat(counted.taken()).isPositive();
    assertThat(counted.open()).as("connections left open").isZero();
  }

  @Test
  void joinOrOwnJoinsTheHostsOpenTransactionAndTakesNoConnectionOfItsOwn() throws Exception {
    CountingDataSource counted = new CountingDataSource(dataSource);
    JdbcProgramStorage storage =
        JdbcProgramStorage.joiningOrOwning(
            counted.dataSource(), () -> Optional.ofNullable(HOST_TRANSACTION.get()));
    PartnerProgram program = programOn(storage);

    try (Connection host = dataSource.getConnection()) {
      host.setAutoCommit(false);
      HOST_TRANSACTION.set(host);
      try {
        assertThat(storage.transactions().ownsTransactions()).isFalse();
        program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
        assertThat(host.isClosed()).isFalse();
        host.rollback(); // the host changes its mind: the SDK's rows go with its own
      } finally {
        HOST_TRANSACTION.remove();
      }
    }
    assertThat(count("pp_partner")).isZero();
    assertThat(count("pp_outbox")).isZero();
    assertThat(counted.taken()).as("connections the adapter took").isZero();

    // The host's transaction is over: the next call owns its own and commits.
    assertThat(storage.transactions().ownsTransactions()).isTrue();
    program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
    assertThat(count("pp_partner")).isEqualTo(1);
    assertThat(counted.open()).isZero();
  }

  @Test
  void joinOrOwnRefusesAnAutocommitConnectionAsAHostTransaction() throws Exception {
    CountingDataSource counted = new CountingDataSource(dataSource);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      JdbcProgramStorage storage =
          JdbcProgramStorage.joiningOrOwning(counted.dataSource(), () -> Optional.of(c));
      assertThatThrownBy(
              () -> programOn(storage).partners().enroll(EnrollPartnerCommand.of("cust-1")))
          .isInstanceOf(HostTransactionRequiredException.class)
          .hasMessageContaining("autocommit");
    }
    assertThat(count("pp_partner")).isZero();
    assertThat(counted.taken()).isZero();
  }

  // ------------------------------------------------------------------ what cannot be stored

  @Test
  void instantsThatCannotBeStoredExactlyAreRefusedBeforeSql() throws Exception {
    Partner nanos =
        PARTNERS
            .partner("p-1")
            .customer("cust-1")
            .enrolledAt(T0.plusNanos(1))
            .statusChangedAt(T0)
            .build();
    assertThatThrownBy(() -> storage.transactions().execute(() -> storage.partners().insert(nanos)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("microseconds");
    Partner year3000 =
        PARTNERS
            .partner("p-1")
            .customer("cust-1")
            .statusChangedAt(Instant.parse("3000-01-01T00:00:00Z"))
            .build();
    assertThatThrownBy(
            () -> storage.transactions().execute(() -> storage.partners().insert(year3000)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(count("pp_partner")).isZero();
  }

  // ------------------------------------------------------------------ schema

  @Test
  void dialectIsDetectedFromTheConnection() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(Dialect.detect(c)).isEqualTo(expectedDialect());
    }
    assertThat(expectedDialect().migrationLocation()).startsWith("classpath:db/partnerprogram/");
  }

  @Test
  void schemaConstraintsBackTheInvariants() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      insertPartner(c, "p-1", "cust-1", "ACTIVE");
      assertRefused(() -> insertPartner(c, "p-2", "cust-1", "ACTIVE")); // one per account
      assertRefused(() -> insertPartner(c, "p-3", "cust-3", "DORMANT")); // status values
      assertRefused(
          () -> {
            try (Statement s = c.createStatement()) {
              s.executeUpdate(
                  "INSERT INTO pp_rate_version (partner_id, version_number, effective_from,"
                      + " created_at) VALUES ('', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
          }); // numbered from 1
    }
    assertThat(count("pp_partner")).isEqualTo(1);
    assertThat(count("pp_rate_version")).isZero();
  }

  @Test
  void anAbsenceIsStoredWholeOrNotAtAll() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      insertPartner(c, "p-1", "cust-1", "ACTIVE");
      for (String half : List.of("left_at", "rejoined_at")) {
        assertRefused(
            () -> {
              try (Statement s = c.createStatement()) {
                s.executeUpdate(
                    "UPDATE pp_partner SET "
                        + half
                        + " = CURRENT_TIMESTAMP WHERE partner_id = 'p-1'");
              }
            });
      }
      assertRefused(
          () -> {
            try (Statement s = c.createStatement()) {
              s.executeUpdate(
                  "UPDATE pp_partner SET left_at = TIMESTAMP '2026-03-02 00:00:00',"
                      + " rejoined_at = TIMESTAMP '2026-03-01 00:00:00' WHERE partner_id = 'p-1'");
            }
          }); // rejoined before leaving
      try (Statement s = c.createStatement()) {
        assertThat(
                s.executeUpdate(
                    "UPDATE pp_partner SET left_at = TIMESTAMP '2026-03-01 00:00:00',"
                        + " rejoined_at = TIMESTAMP '2026-03-02 00:00:00' WHERE partner_id = 'p-1'"))
            .isEqualTo(1);
      }
    }
  }

  @Test
  void attributionAndCommissionConstraintsBackTheInvariants() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      String line =
          "INSERT INTO pp_commission_line (order_id, line_number, partner_id, product_id,"
              + " net_amount, currency_code, commission_amount, commission_currency, placed_at,"
              + " source_event_id) VALUES ('o-1', %d, 'p-1', 'x', 10.00, 'EUR', %s, 'EUR',"
              + " CURRENT_TIMESTAMP, 'e-1')";
      execute(c, String.format(Locale.ROOT, line, 1, "10.00"));
      assertRefused(() -> execute(c, String.format(Locale.ROOT, line, 1, "1.00"))); // one price
      assertRefused(() -> execute(c, String.format(Locale.ROOT, line, 2, "10.01"))); // <= net
      assertRefused(() -> execute(c, String.format(Locale.ROOT, line, 3, "-0.01"))); // >= 0

      String entry =
          "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
              + " kind, amount, currency_code, base_amount, base_currency, occurred_at,"
              + " payable_at, source_event_id, recorded_at) VALUES ('%s', '%s', 'p-1', 'o-1', 1,"
              + " '%s', %s, 'EUR', 1.00, 'EUR', CURRENT_TIMESTAMP, %s, 'e-1', CURRENT_TIMESTAMP)";
      execute(
          c,
          String.format(Locale.ROOT, entry, "id-1", "k-1", "EARNED", "1.00", "CURRENT_TIMESTAMP"));
      assertRefused( // unique (source event, order, line, kind)
          () ->
              execute(
                  c,
                  String.format(
                      Locale.ROOT, entry, "id-2", "k-2", "EARNED", "1.00", "CURRENT_TIMESTAMP")));
      assertRefused(
          () ->
              execute(c, String.format(Locale.ROOT, entry, "id-3", "k-3", "PAID", "1.00", "NULL")));
      assertRefused(
          () ->
              execute(
                  c, String.format(Locale.ROOT, entry, "id-4", "k-4", "ACCRUED", "-1.00", "NULL")));
      assertRefused( // payable_at exactly for EARNED and REVERSED
          () ->
              execute(
                  c, String.format(Locale.ROOT, entry, "id-5", "k-5", "REVERSED", "1.00", "NULL")));
      assertRefused(
          () ->
              execute(
                  c,
                  String.format(
                      Locale.ROOT, entry, "id-6", "k-6", "ACCRUED", "1.00", "CURRENT_TIMESTAMP")));

      assertRefused( // an attribution names its partner, code, touch and rule
          () ->
              execute(
                  c,
                  "INSERT INTO pp_attribution (customer_account_id, outcome, new_customer,"
                      + " customer_iban_given, signup_at, decided_at) VALUES ('cust-1',"
                      + " 'ATTRIBUTED', TRUE, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
      assertRefused( // an order earns for a partner or has a reason not to, never both
          () ->
              execute(
                  c,
                  "INSERT INTO pp_order (order_id, customer_account_id, placed_at, currency_code,"
                      + " partner_id, not_earning_reason, source_event_id, recorded_at) VALUES"
                      + " ('o-9', 'cust-1', CURRENT_TIMESTAMP, 'EUR', 'p-1', 'PARTNER_LEFT',"
                      + " 'e-9', CURRENT_TIMESTAMP)"));
    }
    assertThat(count("pp_commission_line")).isEqualTo(1);
    assertThat(count("pp_ledger_entry")).isEqualTo(1);
    assertThat(count("pp_attribution")).isZero();
    assertThat(count("pp_order")).isZero();
  }

  @Test
  void payoutConstraintsBackTheInvariants() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      execute(
          c,
          "INSERT INTO pp_period_close (period, closed_at) VALUES ('2026-11', CURRENT_TIMESTAMP)");
      assertRefused( // one close per month
          () ->
              execute(
                  c,
                  "INSERT INTO pp_period_close (period, closed_at)"
                      + " VALUES ('2026-11', CURRENT_TIMESTAMP)"));
      assertRefused( // 'YYYY-MM'
          () ->
              execute(
                  c,
                  "INSERT INTO pp_period_close (period, closed_at)"
                      + " VALUES ('2026-13', CURRENT_TIMESTAMP)"));
      String payout =
          "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
              + " holder_name, status, created_at, status_changed_at, failure_reason) VALUES"
              + " ('%s', 'p-1', '2026-11', %s, 'EUR', 'NL91ABNA0417164300', 'Jan', '%s',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %s)";
      execute(c, String.format(Locale.ROOT, payout, "PO-1", "10.00", "CREATED", "NULL"));
      execute(c, String.format(Locale.ROOT, payout, "PO-2", "10.00", "FAILED", "'AC04'"));
      assertRefused( // amount > 0
          () -> execute(c, String.format(Locale.ROOT, payout, "PO-3", "0.00", "CREATED", "NULL")));
      assertRefused( // status values
          () -> execute(c, String.format(Locale.ROOT, payout, "PO-4", "1.00", "SENT", "NULL")));
      assertRefused( // a failure reason exactly when FAILED
          () -> execute(c, String.format(Locale.ROOT, payout, "PO-5", "1.00", "FAILED", "NULL")));
      assertRefused(
          () -> execute(c, String.format(Locale.ROOT, payout, "PO-6", "1.00", "PAID", "'x'")));

      execute(
          c,
          "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
              + " kind, amount, currency_code, base_amount, base_currency, occurred_at,"
              + " payable_at, source_event_id, recorded_at) VALUES ('id-1', 'k-1', 'p-1', 'o-1',"
              + " 1, 'EARNED', 1.00, 'EUR', 4.00, 'EUR', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
              + " 'e-1', CURRENT_TIMESTAMP)");
      String item =
          "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
              + " VALUES ('%s', '%s', 'p-1', 1.00)";
      execute(c, String.format(Locale.ROOT, item, "id-1", "PO-1"));
      assertRefused( // an entry is paid in at most one payout
          () -> execute(c, String.format(Locale.ROOT, item, "id-1", "PO-2")));
      assertRefused( // of an existing entry
          () -> execute(c, String.format(Locale.ROOT, item, "id-9", "PO-1")));

      String line =
          "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code, payout_id,"
              + " carry_over_reason) VALUES ('2026-11', '%s', 1.00, 'EUR', %s, %s)";
      execute(c, String.format(Locale.ROOT, line, "p-1", "'PO-1'", "NULL"));
      execute(c, String.format(Locale.ROOT, line, "p-2", "NULL", "'BELOW_MINIMUM'"));
      assertRefused( // one line per partner and month
          () -> execute(c, String.format(Locale.ROOT, line, "p-1", "NULL", "'NOT_POSITIVE'")));
      assertRefused( // paid out or carried over, never both or neither
          () -> execute(c, String.format(Locale.ROOT, line, "p-3", "'PO-1'", "'NOT_POSITIVE'")));
      assertRefused(() -> execute(c, String.format(Locale.ROOT, line, "p-4", "NULL", "NULL")));
      assertRefused( // reason values
          () -> execute(c, String.format(Locale.ROOT, line, "p-5", "NULL", "'LATER'")));
    }
    assertThat(count("pp_period_close")).isEqualTo(1);
    assertThat(count("pp_payout")).isEqualTo(2);
    assertThat(count("pp_payout_item")).isEqualTo(1);
    assertThat(count("pp_period_close_line")).isEqualTo(2);
  }

  private static void execute(Connection c, String statement) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void migratingAgainChangesNothing() throws Exception {
    JdbcMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM "
                    + JdbcMigrations.HISTORY_TABLE
                    + " WHERE version IN ('1', '2', '3') AND success = "
                    + (expectedDialect() == Dialect.MARIADB ? "1" : "TRUE"))) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }

  private static void insertPartner(Connection c, String id, String account, String status)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
                + " status_changed_at, version) VALUES (?, ?, ?, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 1)")) {
      ps.setString(1, id);
      ps.setString(2, account);
      ps.setString(3, status);
      ps.executeUpdate();
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void assertRefused(SqlAction action) {
    assertThatThrownBy(action::run).isInstanceOf(SQLException.class);
  }
}
