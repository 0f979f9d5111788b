package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.jdbc.support.PayoutRows.entry;
import static org.partnerprogram.jdbc.support.PayoutRows.execute;
import static org.partnerprogram.jdbc.support.PayoutRows.item;
import static org.partnerprogram.jdbc.support.PayoutRows.payout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The open entries (V11) and the partners' totals (V12) over a database that an earlier release
 * filled with closed months. V11: every EARNED or REVERSED entry that no payout holds becomes open
 * with its signed amount (a failed payout's released entries included), nothing paid and nothing
 * pending does, and the next close pays exactly what the ledger said was payable, to the cent. V12:
 * each partner's totals by kind are the sums of its entries, so the balance reads as before and
 * {@link JdbcProgramStorage#reconcile()} finds nothing. Each database runs it through a subclass on
 * a database of its own, migrated to V10 first.
 */
abstract class AbstractOpenEntriesMigrationTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");
  private static final String PAID = "00000000-0000-4000-8000-000000000101";
  private static final String PAID_REVERSAL = "00000000-0000-4000-8000-000000000102";
  private static final String OPEN = "00000000-0000-4000-8000-000000000103";
  private static final String OPEN_REVERSAL = "00000000-0000-4000-8000-000000000104";
  private static final String RELEASED = "00000000-0000-4000-8000-000000000105";
  private static final String PENDING = "00000000-0000-4000-8000-000000000106";
  private static final String OTHER = "00000000-0000-4000-8000-000000000107";

  /** A database of the subclass's kind, migrated to V10 only. */
  abstract TestDatabase database();

  @Test
  void entriesInNoPayoutBecomeOpenTotalsAreSummedAndTheNextCloseIsExactToTheCent()
      throws Exception {
    DataSource db = database().dataSource();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      // As an earlier release left it: October paid 10.00 - 3.50 to o-1; a payout of 0.99 failed
      // and released its entry; 2.25 earned and 0.40 reversed since; an accrual not yet earned;
      // and another partner's 7.10.
      entry(c, PAID, "o-1", "EARNED", "10.00");
      entry(c, PAID_REVERSAL, "o-1", "REVERSED", "3.50");
      entry(c, OPEN, "o-1", "EARNED", "2.25");
      entry(c, OPEN_REVERSAL, "o-1", "REVERSED", "0.40");
      entry(c, RELEASED, "o-1", "EARNED", "0.99");
      entry(c, OTHER, "o-2", "EARNED", "7.10");
      execute(
          c,
          "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
              + " kind, amount, currency_code, base_amount, base_currency, occurred_at,"
              + " source_event_id, recorded_at) VALUES ('"
              + PENDING
              + "', '000000000106', 'o-1', 'o-pending', 1, 'ACCRUED', 5.00, 'EUR', 20.00, 'EUR',"
              + " TIMESTAMP '2026-11-20 09:00:00', 'e-pending', TIMESTAMP '2026-11-20 09:00:00')");
      payoutRow(c, "PO000000000000000000000101", "PAID", "6.50");
      item(c, PAID, "PO000000000000000000000101", "o-1", "10.00");
      item(c, PAID_REVERSAL, "PO000000000000000000000101", "o-1", "-3.50");
      payoutRow(c, "PO000000000000000000000102", "FAILED", "0.99");
      execute(
          c,
          "INSERT INTO pp_released_item (payout_id, entry_id, partner_id, signed_amount) VALUES"
              + " ('PO000000000000000000000102', '"
              + RELEASED
              + "', 'o-1', 0.99)");
    }

    JdbcMigrations.migrate(db);

    try (Connection c = db.getConnection()) {
      assertThat(openRows(c))
          .containsExactly(
              Map.entry(OPEN, new BigDecimal("2.25")),
              Map.entry(OPEN_REVERSAL, new BigDecimal("-0.40")),
              Map.entry(RELEASED, new BigDecimal("0.99")),
              Map.entry(OTHER, new BigDecimal("7.10")));
    }

    // V12: the partners' totals by kind, from the entries, and nothing to reconcile.
    JdbcProgramStorage storage = JdbcProgramStorage.create(db);
    assertThat(storage.reconcile()).isEmpty();
    assertThat(
            storage
                .transactions()
                .execute(
                    () ->
                        storage.balanceNetOfPayouts(
                            PartnerId.of("o-1"), EUR, Instant.parse("2026-12-01T00:00:00Z"))))
        .satisfies(
            b -> {
              assertThat(b.held().amount()).isEqualByComparingTo("0.00");
              assertThat(b.earned().amount()).isEqualByComparingTo("13.24");
              assertThat(b.reversed().amount()).isEqualByComparingTo("3.90");
              assertThat(b.paid().amount()).isEqualByComparingTo("6.50");
              assertThat(b.payable().amount()).isEqualByComparingTo("2.84");
            });

    // The adapter on the migrated database: the close's sums, then its payouts.
    List<PartnerAmount> payable =
        storage
            .transactions()
            .execute(() -> storage.payouts().unassignedPayable(BEFORE, EUR, Optional.empty(), 10));
    assertThat(payable)
        .containsExactly(
            new PartnerAmount(PartnerId.of("o-1"), Money.of(new BigDecimal("2.84"), EUR)),
            new PartnerAmount(PartnerId.of("o-2"), Money.of(new BigDecimal("7.10"), EUR)));
    Payout first = payout("PO000000000000000000000103", "o-1");
    Payout second = payout("PO000000000000000000000104", "o-2");
    Map<PayoutId, Money> assigned =
        new LinkedHashMap<>(
            storage
                .transactions()
                .execute(
                    () -> storage.payouts().insertAndAssign(List.of(first, second), BEFORE, EUR)));
    assertThat(assigned)
        .containsExactly(
            Map.entry(first.payoutId(), Money.of(new BigDecimal("2.84"), EUR)),
            Map.entry(second.payoutId(), Money.of(new BigDecimal("7.10"), EUR)));
    try (Connection c = db.getConnection()) {
      assertThat(openRows(c)).as("nothing open after the close paid it").isEmpty();
    }
    assertThat(storage.reconcile()).isEmpty();
  }

  private static Map<String, BigDecimal> openRows(Connection c) throws SQLException {
    Map<String, BigDecimal> rows = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT entry_id, signed_amount FROM pp_open_entry ORDER BY partner_id, entry_id")) {
      while (rs.next()) {
        rows.put(rs.getString(1).trim(), rs.getBigDecimal(2).setScale(2));
      }
    }
    return rows;
  }

  private static void payoutRow(Connection c, String id, String status, String amount)
      throws SQLException {
    execute(
        c,
        "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
            + " holder_name, status, created_at, status_changed_at, failure_reason) VALUES ('"
            + id
            + "', 'o-1', '2026-10', "
            + amount
            + ", 'EUR', 'NL91ABNA0417164300', 'Jan', '"
            + status
            + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
            + (status.equals("FAILED") ? "'account closed'" : "NULL")
            + ")");
  }
}
