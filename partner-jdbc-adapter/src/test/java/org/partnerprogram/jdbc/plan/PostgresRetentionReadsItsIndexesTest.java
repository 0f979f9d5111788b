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
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.port.out.RetentionBatch;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * A batch of the retention's two newer steps reads its table through indexes only (V14's), never by
 * a sequential scan: with many old rows already handled (or never due, such as every partner's
 * current payout account) and a few due, each batch costs its own rows, not the table. Each test
 * runs one batch in a host transaction and reads that transaction's own scan counts.
 */
class PostgresRetentionReadsItsIndexesTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  private static final Instant CUTOFF = Instant.parse("2026-08-09T09:00:00Z");
  private static final int MANY = 50_000;
  private static final int DUE = 300;
  private static final PseudonymKey KEY = PseudonymKey.of(new byte[32]);

  @Test
  void aBatchOfOldDecisionsReadsTheirIndexNotTheTable() throws Exception {
    DataSource db = DB.emptied();
    // MANY old decisions taken before, MANY young ones not due yet, DUE old ones due
    load(
        db,
        "INSERT INTO pp_attribution (customer_account_id, outcome, reason, visitor_id,"
            + " new_customer, customer_iban_given, signup_at, decided_at, inputs_pseudonymised)"
            + " SELECT 'c-' || g, 'NOT_ATTRIBUTED', 'NO_TOUCH', 'v-' || g, TRUE, FALSE,"
            + " CAST(? AS TIMESTAMPTZ) + g * interval '1 second', CAST(? AS TIMESTAMPTZ) + g * interval '1 second', g <= "
            + MANY
            + " FROM generate_series(1, ?) g",
        CUTOFF.minusSeconds(MANY + DUE + 1),
        MANY + DUE + MANY,
        "pp_attribution");

    long[] scans =
        inOneBatch(
            db,
            "pp_attribution",
            host ->
                () -> {
                  RetentionBatch batch =
                      host.attributions()
                          .pseudonymiseInputsSignedUpBefore(CUTOFF, 100, KEY::pseudonymOf);
                  assertThat(batch).isEqualTo(new RetentionBatch(100, 100));
                  return null;
                });

    assertThat(scans[0]).as("sequential scans of pp_attribution").isZero();
    assertThat(scans[1]).as("index scans of pp_attribution").isPositive();
  }

  @Test
  void aBatchOfSupersededAccountsReadsTheirIndexNotTheTable() throws Exception {
    DataSource db = DB.emptied();
    // MANY partners' current accounts, all old; DUE old accounts superseded before the cutoff
    load(
        db,
        "INSERT INTO pp_payout_account_change (partner_id, partner_version, iban, holder_name,"
            + " changed_at, superseded_at)"
            + " SELECT 'p-' || (g % "
            + MANY
            + "), 1 + g / "
            + MANY
            + ", 'NL91ABNA0417164300', 'Holder', CAST(? AS TIMESTAMPTZ) + g * interval '1 second',"
            + " CASE WHEN g < "
            + DUE
            + " THEN CAST(? AS TIMESTAMPTZ) + g * interval '1 second' END FROM generate_series(0, ?) g",
        CUTOFF.minusSeconds(MANY + 1),
        MANY + DUE - 1,
        "pp_payout_account_change");

    long[] scans =
        inOneBatch(
            db,
            "pp_payout_account_change",
            host ->
                () -> {
                  assertThat(host.partners().deletePayoutAccountsSupersededBefore(CUTOFF, 100))
                      .isEqualTo(100);
                  return null;
                });

    assertThat(scans[0]).as("sequential scans of pp_payout_account_change").isZero();
    assertThat(scans[1]).as("index scans of pp_payout_account_change").isPositive();
  }

  /** Runs the insert (parameters: the first instant twice, then the last row) and analyses. */
  private static void load(DataSource db, String insert, Instant first, int last, String table)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(insert)) {
      c.setAutoCommit(true);
      // two instants, then the last row
      ps.setObject(1, OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
      ps.setObject(2, OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
      ps.setInt(3, last);
      ps.executeUpdate();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE " + table);
      }
    }
  }

  /** The work's unit of work in a host transaction; the table's scans in it. */
  private static long[] inOneBatch(
      DataSource db, String table, Function<HostManagedStorage, Supplier<Void>> work)
      throws Exception {
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "retention-plans", 1)) {
      HostManagedStorage host = new HostManagedStorage(pool);
      return host.inHostTransaction(
          () -> {
            host.transactions().execute(work.apply(host));
            try {
              return scans(host.currentHostConnection(), table);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** This transaction's sequential and index scans of the table, so far. */
  private static long[] scans(Connection c, String table) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables"
                + " WHERE relname = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }
}
