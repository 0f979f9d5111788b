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
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "purge-plans", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);

      long[] scans =
          host.inHostTransaction(
              () -> {
                int deleted =
                    host.transactions()
                        .execute(() -> host.touches().deleteTouchedBefore(CUTOFF, 100));
                assertThat(deleted).isEqualTo(100);
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
