package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * A batch of the click purge reads {@code pp_touch} through indexes only (V13's on touched_at for
 * the batch, the primary key for the delete), never by a sequential scan: with millions of clicks
 * kept and a few expired, each batch costs its own rows, not the table. The test runs one batch in
 * a host transaction and reads that transaction's own scan counts of {@code pp_touch}.
 */
class PostgresPurgeReadsTheTimeIndexTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  private static final Instant CUTOFF = Instant.parse("2026-08-09T09:00:00Z");
  private static final int KEPT = 50_000;
  private static final int EXPIRED = 300;

  @Test
  void aPurgeBatchReadsTheClicksByIndexNotByScanningTheTable() throws Exception {
    DataSource db = DB.emptied();
    insertClicks(db);
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "purge-plans", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);

      long[] scans =
          host.inHostTransaction(
              () -> {
                PurgedTouches deleted =
                    host.transactions()
                        .execute(
                            () -> host.touches().deleteTouchedBetween(Instants.MIN, CUTOFF, 100));
                assertThat(deleted.deleted()).isEqualTo(100);
                try {
                  return touchScans(host.currentHostConnection());
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThat(scans[0]).as("sequential scans of pp_touch").isZero();
      assertThat(scans[1]).as("index scans of pp_touch").isPositive();
    }
  }

  /**
   * The keyset: rows deleted and not yet vacuumed leave their entries in the index on touched_at. A
   * batch that starts from the latest instant the batch before it deleted reads none of them; a
   * batch from the oldest click reads every one (the walk that made a purge of 10^7 clicks slower
   * batch after batch). Autovacuum is off for the table, so the dead entries stay for the test.
   */
  @Test
  void aBatchFromTheLatestInstantDeletedReadsNoIndexEntryOfTheRowsDeletedBefore() throws Exception {
    DataSource db = DB.emptied();
    insertClicks(db);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("ALTER TABLE pp_touch SET (autovacuum_enabled = false)");
    }
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "purge-keyset", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);
      PurgedTouches first =
          host.transactions()
              .execute(() -> host.touches().deleteTouchedBetween(Instants.MIN, CUTOFF, 200));
      assertThat(first.deleted()).isEqualTo(200);
      Instant latest = first.latest().orElseThrow();

      long fromLatest = entriesReadByOneBatch(host, latest);
      long fromTheOldest = entriesReadByOneBatch(host, Instants.MIN);

      // the batch's 50 rows and the one deleted entry at its start, whichever way the plan reads
      // them (up to twice here), never the 200 deleted before
      assertThat(fromLatest).as("time-index entries read from the latest instant").isLessThan(200);
      assertThat(fromTheOldest)
          .as("time-index entries read from the oldest click, over the deleted rows'")
          .isGreaterThanOrEqualTo(200 + 50 + 50);
    }
  }

  /**
   * Runs one batch of 50 from an instant in a host transaction; its reads of the time index, as the
   * difference of the backend's counter before and after it (which may still hold the counts of
   * transactions before, not yet flushed). The statement runs with its generic plan, the plan the
   * driver and the server settle on after a few executions of the same statement: planning a custom
   * plan for the bound values reads the ends of the index as well (the planner's estimate of the
   * range, which also counts here), and that is not the batch's own scan.
   */
  private static long entriesReadByOneBatch(HostManagedStorage host, Instant from) {
    return host.inHostTransaction(
        () -> {
          try (Statement s = host.currentHostConnection().createStatement()) {
            s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          long before = timeIndexEntriesRead(host);
          PurgedTouches batch =
              host.transactions()
                  .execute(() -> host.touches().deleteTouchedBetween(from, CUTOFF, 50));
          assertThat(batch.deleted()).isEqualTo(50);
          return timeIndexEntriesRead(host) - before;
        });
  }

  private static long timeIndexEntriesRead(HostManagedStorage host) {
    try (Statement s = host.currentHostConnection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_stat_get_xact_tuples_returned("
                    + "CAST('ix_pp_touch_touched_at' AS regclass))")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #EXPIRED} clicks a second apart before the cutoff, {@link #KEPT} from it on. */
  private static void insertClicks(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at)"
                    + " SELECT 'v-' || (g % 997), 'JAN-HOSTING', 'p-jan', ? + g * interval '1 second'"
                    + " FROM generate_series(1, ?) g")) {
      c.setAutoCommit(true);
      ps.setObject(1, OffsetDateTime.ofInstant(CUTOFF.minusSeconds(EXPIRED + 1), ZoneOffset.UTC));
      ps.setInt(2, EXPIRED + KEPT);
      ps.executeUpdate();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE pp_touch");
      }
    }
  }

  /** This transaction's sequential and index scans of pp_touch, so far. */
  private static long[] touchScans(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables"
                    + " WHERE relname = 'pp_touch'")) {
      assertThat(rs.next()).isTrue();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
