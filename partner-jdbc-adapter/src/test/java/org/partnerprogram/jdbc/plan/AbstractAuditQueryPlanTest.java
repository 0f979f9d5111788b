package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The audit trail's per-partner and per-actor pages read index ranges, not the table: on a trail of
 * {@value #RECORDS} records over {@value #PARTNERS} partners and {@value #ACTORS} actors, with
 * statistics taken, the plan of every statement the adapter runs for {@link AuditStore#ofPartner}
 * and {@link AuditStore#ofActor} (first page and a later one, recorded as sent and explained with
 * the same parameters) reads {@code ix_pp_audit_record_partner} or {@code ix_pp_audit_record_actor}
 * (V19) and scans no table whole; so do the pages of a period ({@link AuditStore#inPeriod}, a
 * month's query) on {@code ix_pp_audit_record_recorded}.
 */
abstract class AbstractAuditQueryPlanTest {
  static final int RECORDS = 20_000;
  static final int PARTNERS = 1000;
  static final int ACTORS = 400;

  /**
   * The page asked for: a partner has {@value #RECORDS}/{@value #PARTNERS} records and an actor
   * {@value #RECORDS}/{@value #ACTORS}, so both have two pages of it. (Few distinct values, each
   * holding a large share of the trail, would let the database rightly prefer the primary key.)
   */
  static final int PAGE = 8;

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  /** The database under test, migrated. */
  abstract TestDatabase db();

  /** Whether instants are bound as UTC local times (MariaDB's DATETIME). */
  abstract boolean localTimes();

  /** Takes the statistics of the audit table. */
  abstract void analyze(Statement s) throws SQLException;

  /** Asserts that a plan reads the table by the index, and nothing whole. */
  abstract void assertReadsByIndex(List<String> plan, String index);

  @AfterEach
  void emptyAgain() throws SQLException {
    try (Connection c = db().emptied().getConnection();
        Statement s = c.createStatement()) {
      analyze(s);
    }
  }

  @Test
  void thePagesOfAPartnerAndOfAnActorAreIndexRanges() throws Exception {
    DataSource data = db().emptied();
    populate(data);
    RecordingDataSource recording = new RecordingDataSource(data);
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());
    PartnerId partner = PartnerId.of("p-007");
    String actor = "ops-007@host.example";
    List<List<Object>> parameters = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    storage
        .transactions()
        .execute(
            () -> {
              List<AuditRecord> first =
                  storage.audit().ofPartner(partner, OptionalLong.empty(), PAGE);
              assertThat(first).hasSize(PAGE); // the data is what the plans are about
              parameters.add(List.of(partner.value(), PAGE));
              indexes.add("ix_pp_audit_record_partner");
              long before = first.get(PAGE - 1).sequence();
              assertThat(storage.audit().ofPartner(partner, OptionalLong.of(before), PAGE))
                  .hasSize(PAGE);
              parameters.add(List.of(partner.value(), before, PAGE));
              indexes.add("ix_pp_audit_record_partner");
              List<AuditRecord> mine = storage.audit().ofActor(actor, OptionalLong.empty(), PAGE);
              assertThat(mine).hasSize(PAGE);
              parameters.add(List.of(actor, PAGE));
              indexes.add("ix_pp_audit_record_actor");
              long earlier = mine.get(PAGE - 1).sequence();
              assertThat(storage.audit().ofActor(actor, OptionalLong.of(earlier), PAGE))
                  .hasSize(PAGE);
              parameters.add(List.of(actor, earlier, PAGE));
              indexes.add("ix_pp_audit_record_actor");
              return null;
            });
    List<String> statements =
        recording.statements().stream().filter(s -> s.contains("FROM pp_audit_record")).toList();
    assertThat(statements).hasSize(parameters.size());
    try (Connection c = data.getConnection()) {
      for (int i = 0; i < statements.size(); i++) {
        assertReadsByIndex(plan(c, statements.get(i), parameters.get(i)), indexes.get(i));
      }
    }
  }

  @Test
  void thePagesOfAPeriodAreARangeOfTheTimeIndex() throws Exception {
    DataSource data = db().emptied();
    populate(data);
    RecordingDataSource recording = new RecordingDataSource(data);
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());
    // one day of a two-week trail: a month of a trail kept for years is as selective
    Instant from = START.plus(java.time.Duration.ofDays(3));
    Instant to = from.plus(java.time.Duration.ofDays(1));
    List<List<Object>> parameters = new ArrayList<>();
    storage
        .transactions()
        .execute(
            () -> {
              List<AuditRecord> first =
                  storage.audit().inPeriod(from, to, java.util.Optional.empty(), PAGE);
              assertThat(first).hasSize(PAGE);
              parameters.add(List.of(from, to, PAGE));
              AuditRecord last = first.get(PAGE - 1);
              assertThat(
                      storage
                          .audit()
                          .inPeriod(
                              from, to, java.util.Optional.of(AuditStore.AuditKey.of(last)), PAGE))
                  .hasSize(PAGE)
                  .allMatch(r -> r.sequence() < last.sequence());
              parameters.add(
                  List.of(from, to, last.recordedAt(), last.recordedAt(), last.sequence(), PAGE));
              return null;
            });
    List<String> statements =
        recording.statements().stream().filter(s -> s.contains("FROM pp_audit_record")).toList();
    assertThat(statements).hasSize(parameters.size());
    try (Connection c = data.getConnection()) {
      for (int i = 0; i < statements.size(); i++) {
        assertReadsByIndex(
            plan(c, statements.get(i), parameters.get(i)), "ix_pp_audit_record_recorded");
      }
    }
  }

  private List<String> plan(Connection c, String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof Instant at) {
          if (localTimes()) {
            ps.setObject(i + 1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
          } else {
            ps.setObject(i + 1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          }
        } else if (value instanceof Long n) {
          ps.setLong(i + 1, n);
        } else if (value instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else {
          ps.setString(i + 1, (String) value);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        return AbstractPartnerPageQueryPlanTest.rows(rs);
      }
    }
  }

  private void populate(DataSource data) throws SQLException {
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO pp_audit_record (sequence_no, recorded_at, actor, action, partner_id,"
                  + " subject, reason, hash) VALUES (?, ?, ?, 'PARTNER_SUSPENDED', ?, '', ?, ?)")) {
        for (int n = 1; n <= RECORDS; n++) {
          Instant at = START.plusSeconds(60L * n);
          insert.setLong(1, n);
          if (localTimes()) {
            insert.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
          } else {
            insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          }
          insert.setString(3, String.format("ops-%03d@host.example", n % ACTORS));
          insert.setString(4, String.format("p-%03d", n % PARTNERS));
          insert.setString(5, "review " + n);
          insert.setString(6, String.format("%064x", n));
          insert.addBatch();
          if (n % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        analyze(s);
      }
    }
  }
}
