package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;

/**
 * A partner's statement of a closed month reads that partner's rows and no one else's: DESIGN rules
 * out month-wide reads for one partner's question.
 *
 * <p>The statement runs in a host transaction, and the test reads that transaction's own row counts
 * per table from {@code pg_stat_xact_user_tables} (rows fetched by index plus rows read by
 * sequential scans) before and after it. Sequential scans are switched off for the transaction, so
 * a query without an index that narrows it to the partner still scans (and counts) the whole table,
 * while a query with one fetches only the partner's rows whatever the planner's estimates of these
 * small tables. The same partner's statement, with the same orders, must then read exactly as many
 * rows per table in a month of 3 partners as in a month of 40.
 */
class PostgresStatementReadsOnePartnerTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("statement-reads");

  private static final YearMonth MONTH = YearMonth.of(2026, 11);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Instant day(YearMonth month, int day) {
    return month.atDay(day).atTime(9, 0).atZone(AMSTERDAM).toInstant();
  }

  @Test
  void theStatementOfOnePartnerReadsTheSameRowsWhetherTheMonthHasFewOrManyPartners()
      throws Exception {
    Reads few = statementOfFirstPartner(3);
    Reads many = statementOfFirstPartner(40);

    assertThat(few.rowsRead().get("pp_ledger_entry")).as("ledger rows read").isPositive();
    assertThat(many.rowsRead())
        .as("rows read per table for the same partner's statement among 40 partners and among 3")
        .isEqualTo(few.rowsRead());
    // Each query reads only the partner's rows; a few read the same entries (the order's lines,
    // the payout's items), so a table is read at most a few times over, never month-wide.
    many.rowsRead()
        .forEach(
            (table, rows) ->
                assertThat(rows)
                    .as("rows of %s read (the partner has %d)", table, many.ownRows(table))
                    .isLessThanOrEqualTo(4 * Math.max(many.ownRows(table), 1)));
  }

  /** What one partner's statement read, in a closed month of {@code partners} alike partners. */
  private static Reads statementOfFirstPartner(int partners) throws SQLException {
    DataSource db = DB.emptied();
    MutableClock clock = MutableClock.at(day(MONTH, 1));
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "statement-reads", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);
      PartnerProgram program = ReliabilityWorld.program(host, clock, 7);
      List<PartnerId> ids = ReliabilityWorld.populate(program, partners, 2, clock.instant());
      clock.set(day(MONTH, 2));
      for (int p = 0; p < partners; p++) {
        for (int c = 0; c < 2; c++) {
          ReliabilityWorld.orderEvents(
                  "o-p" + p + "-" + c,
                  ReliabilityWorld.customer(p, c),
                  day(MONTH, 2),
                  ReliabilityWorld.eur("100.00"),
                  ReliabilityWorld.eur("40.00"),
                  c == 1 ? ReliabilityWorld.eur("140.00") : null)
              .forEach(e -> e.deliverTo(program));
        }
      }
      clock.set(day(MONTH.plusMonths(1), 1));
      program.payouts().close(MONTH, Acts.TEST);
      PartnerId partner = ids.get(0);
      Map<String, Long> ownRows = rowsOfPartner(pool, partner);
      Map<String, Long> read =
          host.inHostTransaction(
              () -> {
                try {
                  Connection c = host.currentHostConnection();
                  try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL enable_seqscan = off");
                  }
                  Map<String, Long> before = rowsRead(c);
                  PartnerStatement statement =
                      program.payouts().statement(StatementQuery.of(partner, MONTH));
                  assertThat(statement.lines()).isNotEmpty();
                  Map<String, Long> after = rowsRead(c);
                  Map<String, Long> delta = new TreeMap<>();
                  after.forEach(
                      (t, n) -> {
                        long d = n - before.getOrDefault(t, 0L);
                        if (d != 0) {
                          delta.put(t, d);
                        }
                      });
                  return delta;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      return new Reads(read, ownRows);
    }
  }

  private record Reads(Map<String, Long> rowsRead, Map<String, Long> ownRows) {
    long ownRows(String table) {
      return ownRows.getOrDefault(table, 0L);
    }
  }

  /** This transaction's rows read so far per table: fetched by index plus read sequentially. */
  private static Map<String, Long> rowsRead(Connection c) throws SQLException {
    Map<String, Long> rows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT relname, COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)"
                    + " FROM pg_stat_xact_user_tables WHERE relname LIKE 'pp\\_%'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }

  /** Per table that carries a partner id, the rows of this partner. */
  private static Map<String, Long> rowsOfPartner(DataSource db, PartnerId partner)
      throws SQLException {
    Map<String, Long> rows = new HashMap<>();
    try (Connection c = db.getConnection()) {
      List<String> tables = new java.util.ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_name FROM information_schema.columns"
                      + " WHERE table_schema = current_schema() AND column_name = 'partner_id'"
                      + " AND table_name LIKE 'pp\\_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE partner_id = ?")) {
          ps.setString(1, partner.value());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            rows.put(table, rs.getLong(1));
          }
        }
      }
    }
    return rows;
  }
}
