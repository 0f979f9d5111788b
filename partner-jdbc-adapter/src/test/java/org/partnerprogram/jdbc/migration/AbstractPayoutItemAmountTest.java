package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.jdbc.support.PayoutRows.entry;
import static org.partnerprogram.jdbc.support.PayoutRows.execute;
import static org.partnerprogram.jdbc.support.PayoutRows.payout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The signed amount of payout items (V7). The migration over a database that an earlier release
 * filled: items made before it get their entry's signed amount, and the column is required from
 * then on. The adapter after it: a payout's assigned sum comes from the assigning statement where
 * the database returns inserted rows, else from one read of the new payouts' items. Each database
 * runs it through a subclass on a database of its own, migrated to its version before V7 first
 * (PostgreSQL V6, MariaDB and H2 V4).
 */
abstract class AbstractPayoutItemAmountTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");
  private static final PayoutId OLD_PAYOUT = PayoutId.of("PO000000000000000000000001");
  private static final String EARNED = "00000000-0000-4000-8000-000000000001";
  private static final String REVERSED = "00000000-0000-4000-8000-000000000002";
  private static final String LATER = "00000000-0000-4000-8000-000000000003";
  private static final String OTHER = "00000000-0000-4000-8000-000000000004";

  /** A database of the subclass's kind, migrated to its last version before V7 only. */
  abstract TestDatabase database();

  /** Whether the database returns the rows an INSERT inserted (PostgreSQL, MariaDB 10.5+). */
  abstract boolean returnsInsertedRows();

  @Test
  void itemsStoredBeforeV7GetTheirEntrysSignedAmountAndTheCloseSumsThem() throws Exception {
    DataSource db = database().dataSource();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      // As an earlier release left it: a payout of 10.00 earned minus 3.50 reversed, one more
      // entry of p-1 paid later, and one entry of p-2.
      entry(c, EARNED, "p-1", "EARNED", "10.00");
      entry(c, REVERSED, "p-1", "REVERSED", "3.50");
      entry(c, LATER, "p-1", "EARNED", "2.25");
      entry(c, OTHER, "p-2", "EARNED", "7.10");
      execute(
          c,
          "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
              + " holder_name, status, created_at, status_changed_at) VALUES ('"
              + OLD_PAYOUT.value()
              + "', 'p-1', '2026-10', 6.50, 'EUR', 'NL91ABNA0417164300', 'Jan', 'PAID',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      for (String entry : List.of(EARNED, REVERSED)) {
        execute(
            c,
            "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id) VALUES ('"
                + entry
                + "', '"
                + OLD_PAYOUT.value()
                + "', 'p-1')");
      }
    }

    JdbcMigrations.migrate(db);

    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      assertThat(signedAmount(c, EARNED)).isEqualByComparingTo("10.00");
      assertThat(signedAmount(c, REVERSED)).isEqualByComparingTo("-3.50");
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id) VALUES ('"
                          + LATER
                          + "', '"
                          + OLD_PAYOUT.value()
                          + "', 'p-1')"))
          .as("signed_amount is required after V7")
          .isInstanceOf(SQLException.class);
    }

    // The adapter on the migrated database: one payout by assign, one by the close's batch.
    RecordingDataSource recording = new RecordingDataSource(db);
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());
    List<String> batchStatements = new ArrayList<>();
    Payout later = payout("PO000000000000000000000002", "p-1");
    Payout other = payout("PO000000000000000000000003", "p-2");
    Map<PayoutId, Money> assigned = new LinkedHashMap<>();
    storage
        .transactions()
        .execute(
            () -> {
              storage.payouts().insertPayout(later);
              assigned.put(
                  later.payoutId(),
                  storage.payouts().assign(later.payoutId(), later.partnerId(), BEFORE, EUR));
              recording.clear();
              assigned.putAll(storage.payouts().insertAndAssign(List.of(other), BEFORE, EUR));
              batchStatements.addAll(recording.statements());
              return null;
            });
    assertThat(assigned)
        .containsExactly(
            Map.entry(later.payoutId(), Money.of(new BigDecimal("2.25"), EUR)),
            Map.entry(other.payoutId(), Money.of(new BigDecimal("7.10"), EUR)));
    assertThat(batchStatements)
        .as("the assigning statement returns what it inserted")
        .filteredOn(s -> s.contains("RETURNING payout_id, signed_amount"))
        .hasSize(returnsInsertedRows() ? 1 : 0);
    assertThat(batchStatements)
        .as("the new payouts' sums read from their items afterwards")
        .filteredOn(s -> s.contains("FROM pp_payout_item WHERE payout_id IN"))
        .hasSize(returnsInsertedRows() ? 0 : 1);
    try (Connection c = db.getConnection()) {
      assertThat(signedAmount(c, LATER)).isEqualByComparingTo("2.25");
      assertThat(signedAmount(c, OTHER)).isEqualByComparingTo("7.10");
    }
  }

  private static BigDecimal signedAmount(Connection c, String entry) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT signed_amount FROM pp_payout_item WHERE entry_id = '" + entry + "'")) {
      assertThat(rs.next()).as("an item for entry " + entry).isTrue();
      return rs.getBigDecimal(1);
    }
  }
}
