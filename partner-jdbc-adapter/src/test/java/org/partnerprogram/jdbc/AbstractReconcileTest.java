package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.jdbc.support.PayoutRows;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * {@link JdbcProgramStorage#reconcile()} finds each kind of row changed behind the SDK's back: a
 * partner's total that differs from the sum of its entries, an entry awaiting a payout without its
 * open row, and an open row of an entry that a payout holds. The contract suites and the model
 * checks rely on it finding nothing; this shows it can find something.
 */
abstract class AbstractReconcileTest {
  private static final String PARTNER = "p-reconcile";
  private static final String ENTRY = "00000000-0000-4000-8000-000000000001";
  private static final String PAID_ENTRY = "00000000-0000-4000-8000-000000000002";

  private DataSource dataSource;
  private JdbcProgramStorage storage;

  /** The database of the subclass. */
  abstract TestDatabase database();

  @BeforeEach
  void twoEntriesOneOfThemPaid() throws SQLException {
    dataSource = database().emptied();
    storage = JdbcProgramStorage.create(dataSource);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      PayoutRows.execute(
          c,
          "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
              + " status_changed_at, version) VALUES ('"
              + PARTNER
              + "', 'acct-r', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
      PayoutRows.openEntry(c, ENTRY, PARTNER, "EARNED", "10.00");
      PayoutRows.entry(c, PAID_ENTRY, PARTNER, "EARNED", "5.00");
      PayoutRows.execute(
          c,
          "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
              + " holder_name, status, status_changed_at, created_at) VALUES ('po-r', '"
              + PARTNER
              + "', '2026-11', 5.00, 'EUR', 'NL91ABNA0417164300', 'R', 'CREATED',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      PayoutRows.item(c, PAID_ENTRY, "po-r", PARTNER, "5.00");
      PayoutRows.execute(
          c,
          "INSERT INTO pp_partner_total (partner_id, currency_code, stripe, accrued, cancelled,"
              + " earned, reversed) VALUES ('"
              + PARTNER
              + "', 'EUR', 0, 0, 0, 15.00, 0)");
    }
  }

  private void change(String statement) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      PayoutRows.execute(c, statement);
    }
  }

  @Test
  void rowsAsTheSdkWritesThemAgree() {
    assertThat(storage.reconcile()).isEmpty();
  }

  @Test
  void aTotalThatDiffersFromItsEntriesIsNamedWithTheDifference() throws SQLException {
    change(
        "UPDATE pp_partner_total SET earned = earned + 1.25 WHERE partner_id = '" + PARTNER + "'");
    assertThat(storage.reconcile())
        .singleElement()
        .asString()
        .startsWith("partner " + PARTNER + " EUR: totals minus entries:")
        .contains("earned 1.25")
        .contains("accrued 0");
  }

  @Test
  void anEntryAwaitingAPayoutWithoutItsOpenRowIsNamed() throws SQLException {
    change("DELETE FROM pp_open_entry WHERE entry_id = '" + ENTRY + "'");
    assertThat(storage.reconcile())
        .containsExactly("entry " + ENTRY + " awaits a payout but has no matching open row");
  }

  @Test
  void anOpenRowWhoseAmountDiffersFromItsEntryIsNamed() throws SQLException {
    change("UPDATE pp_open_entry SET signed_amount = 10.01 WHERE entry_id = '" + ENTRY + "'");
    assertThat(storage.reconcile())
        .containsExactly("entry " + ENTRY + " awaits a payout but has no matching open row");
  }

  @Test
  void anOpenRowOfAPaidEntryIsNamed() throws SQLException {
    change(
        "INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code,"
            + " signed_amount) VALUES ('"
            + PARTNER
            + "', '"
            + PAID_ENTRY
            + "', TIMESTAMP '2026-11-10 09:00:00', 'EUR', 5.00)");
    assertThat(storage.reconcile())
        .containsExactly(
            "entry " + PAID_ENTRY + " has an open row but is paid or does not await a payout");
  }
}
