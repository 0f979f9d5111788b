package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * V14 over a payout-account history an earlier release stored: each entry gets the instant its
 * partner's next entry was made as {@code superseded_at}, the latest none, so the retention deletes
 * exactly what it would have had the column always been there; stored attribution decisions are all
 * still due. Each database runs it through a subclass on a database of its own, migrated to V13
 * first.
 */
abstract class AbstractRetentionMigrationTest {
  private static final Instant T0 = Instant.parse("2016-03-15T10:15:30.123456Z");

  /** A database of the subclass's kind, migrated to V13 only. */
  abstract TestDatabase database();

  /** An instant as the database's driver takes it. */
  abstract Object timestamp(Instant at);

  @Test
  void theStoredHistoryIsSupersededByEachPartnersNextEntryAndTheLatestByNone() throws Exception {
    DataSource db = database().dataSource();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO pp_payout_account_change (partner_id, partner_version, iban,"
                    + " holder_name, changed_at) VALUES (?, ?, 'NL91ABNA0417164300', 'Holder', ?)")) {
      c.setAutoCommit(true);
      // p-a's versions 1, 2 and 5 (other changes of the partner took 3 and 4); p-b's only one
      add(ps, "p-a", 5, T0.plus(Duration.ofDays(30)));
      add(ps, "p-a", 1, T0);
      add(ps, "p-a", 2, T0.plus(Duration.ofDays(10)));
      add(ps, "p-b", 1, T0);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO pp_attribution (customer_account_id, outcome, reason, visitor_id,"
                + " new_customer, customer_iban_given, signup_at, decided_at) VALUES"
                + " ('c-1', 'NOT_ATTRIBUTED', 'NO_TOUCH', 'v-1', TRUE, FALSE,"
                + " TIMESTAMP '2016-03-15 10:15:30', TIMESTAMP '2016-03-15 10:15:30')");
      }
    }

    JdbcMigrations.migrate(db);

    assertThat(superseded())
        .containsExactly(
            "p-a/1 " + T0.plus(Duration.ofDays(10)),
            "p-a/2 " + T0.plus(Duration.ofDays(30)),
            "p-a/5 -",
            "p-b/1 -");
    assertThat(count("SELECT COUNT(*) FROM pp_attribution WHERE inputs_pseudonymised = FALSE"))
        .isEqualTo(1);
    JdbcProgramStorage storage = JdbcProgramStorage.create(db);
    int deleted =
        storage
            .transactions()
            .execute(
                () ->
                    storage
                        .partners()
                        .deletePayoutAccountsSupersededBefore(T0.plus(Duration.ofDays(20)), 10));
    assertThat(deleted).isEqualTo(1);
    assertThat(
            storage
                .transactions()
                .execute(() -> storage.partners().payoutAccountHistory(PartnerId.of("p-a"))))
        .extracting(PayoutAccountChange::partnerVersion)
        .containsExactly(2L, 5L);
  }

  private void add(PreparedStatement ps, String partner, long version, Instant at)
      throws SQLException {
    ps.setString(1, partner);
    ps.setLong(2, version);
    ps.setObject(3, timestamp(at));
    ps.executeUpdate();
  }

  /** Every entry as "partner/version superseded_at", "-" for none, in key order. */
  private List<String> superseded() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT partner_id, partner_version, superseded_at FROM pp_payout_account_change"
                    + " ORDER BY partner_id, partner_version")) {
      while (rs.next()) {
        Object at = rs.getObject("superseded_at");
        rows.add(
            rs.getString(1)
                + "/"
                + rs.getLong(2)
                + " "
                + (at == null ? "-" : instant(rs, "superseded_at")));
      }
    }
    return rows;
  }

  /** The column's instant, as the subclass's driver returns it. */
  abstract Instant instant(ResultSet rs, String column) throws SQLException;

  private long count(String sql) throws SQLException {
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
