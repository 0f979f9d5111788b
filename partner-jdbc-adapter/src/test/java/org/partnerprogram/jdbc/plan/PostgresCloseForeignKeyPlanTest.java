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
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * A close checks the foreign keys of the rows it adds ({@code pp_payout_item} and {@code
 * pp_period_close_line} referencing {@code pp_payout}) by index, even on a session whose cached
 * check plan was made while {@code pp_payout} was a page or two.
 *
 * <p>PostgreSQL keeps such a plan per session; as a sequential scan it made every assigned entry
 * scan all payouts so far, and a close of 50,000 partners never finished in the benchmark. The test
 * makes that stale plan first, on the one session of the pool, then closes a month in a host
 * transaction on the same session and reads that transaction's own scan counts of {@code pp_payout}
 * before it commits.
 */
class PostgresCloseForeignKeyPlanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  private static final int PARTNERS = 30;
  private static final YearMonth MONTH = YearMonth.of(2026, 11);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Instant day(YearMonth month, int day) {
    return month.atDay(day).atTime(9, 0).atZone(AMSTERDAM).toInstant();
  }

  @Test
  void aCloseChecksItsForeignKeysByIndexOnASessionThatPlannedThemWhilePayoutsWereFew()
      throws Exception {
    DataSource db = DB.emptied();
    // Analysed while empty, as on a programme's first close: the planner believes pp_payout's
    // size as it is, a few pages while the close is young.
    ReliabilityWorld.emptyAndVacuum(DB);
    MutableClock clock = MutableClock.at(day(MONTH, 1));
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "fk-plans", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);
      PartnerProgram program = ReliabilityWorld.program(host, clock, 11);
      ReliabilityWorld.populate(program, PARTNERS, 1, clock.instant());
      clock.set(day(MONTH, 2)); // the orders happen on the month's second day
      for (int p = 0; p < PARTNERS; p++) {
        ReliabilityWorld.orderEvents(
                "o-p" + p,
                ReliabilityWorld.customer(p, 0),
                day(MONTH, 2),
                ReliabilityWorld.eur("100.00"),
                ReliabilityWorld.eur("40.00"),
                null)
            .forEach(e -> e.deliverTo(program));
      }

      // The stale plan: entries assigned to a one-page pp_payout, more often than the five custom
      // plans PostgreSQL makes before it keeps a generic one; rolled back, the plan stays.
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.executeUpdate(
              "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
                  + " holder_name, status, created_at, status_changed_at) SELECT 'stale',"
                  + " partner_id, '2026-10', 1, 'EUR', 'NL91ABNA0417164300', 'x', 'CREATED',"
                  + " now(), now() FROM pp_partner LIMIT 1");
          try (ResultSet rs =
              s.executeQuery("SELECT entry_id FROM pp_ledger_entry ORDER BY entry_id LIMIT 12")) {
            List<String> entries = new java.util.ArrayList<>();
            while (rs.next()) {
              entries.add(rs.getString(1));
            }
            assertThat(entries).hasSize(12);
            for (String entry : entries) {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id,"
                          + " signed_amount) SELECT entry_id, 'stale', partner_id, amount"
                          + " FROM pp_ledger_entry"
                          + " WHERE entry_id = ?")) {
                ps.setString(1, entry);
                ps.executeUpdate();
              }
            }
          }
        }
        // Precondition: the session's check of pp_payout is now a sequential scan.
        assertThat(payoutScans(c)[0]).as("sequential scans of pp_payout").isGreaterThan(6);
        c.rollback();
      }

      clock.set(day(MONTH.plusMonths(1), 1));
      long[] scans =
          host.inHostTransaction(
              () -> {
                PeriodCloseResult result = program.payouts().close(MONTH, Acts.TEST);
                assertThat(ProgramFixture.payoutsOf(program, result.month())).hasSize(PARTNERS);
                try {
                  return payoutScans(host.currentHostConnection());
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      long items = countOf(pool, "pp_payout_item");
      assertThat(items).isGreaterThanOrEqualTo(PARTNERS);
      // Every item and close line checked its payout by index; the few sequential scans left are
      // the close's own reads of a small table (13 here, against 103 with the stale plan kept).
      assertThat(scans[1])
          .as("index scans of pp_payout in the close")
          .isGreaterThanOrEqualTo(items + PARTNERS);
      assertThat(scans[0]).as("sequential scans of pp_payout in the close").isLessThan(PARTNERS);
    }
  }

  /** This transaction's sequential and index scans of pp_payout, so far. */
  private static long[] payoutScans(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables"
                    + " WHERE relname = 'pp_payout'")) {
      assertThat(rs.next()).isTrue();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private static long countOf(DataSource db, String table) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
