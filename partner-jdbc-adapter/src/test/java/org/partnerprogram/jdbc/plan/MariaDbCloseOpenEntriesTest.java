package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.jdbc.support.PayoutRows.entry;
import static org.partnerprogram.jdbc.support.PayoutRows.execute;
import static org.partnerprogram.jdbc.support.PayoutRows.item;
import static org.partnerprogram.jdbc.support.PayoutRows.openEntry;
import static org.partnerprogram.jdbc.support.PayoutRows.payout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * How a MariaDB close leaves out the entries already paid (V11): it reads the open rows of the
 * chunk's partners, a range of {@code pp_open_entry}'s key each, never the ledger's history; the
 * rows it pays are deleted through the items it inserted. An entry that is open and paid at once
 * (not what the adapter writes) fails the assignment on the items' key instead of being paid twice.
 */
class MariaDbCloseOpenEntriesTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");

  /** Each row of the plan as "table select_type type key". */
  private static List<String> plan(String statement) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(statement)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            rs.getString("table")
                + " "
                + rs.getString("select_type")
                + " "
                + rs.getString("type")
                + " "
                + rs.getString("key"));
      }
      return rows;
    }
  }

  @Test
  void theOpenRowsAreAKeyRangePerPartnerAndArePaidThroughTheItemsOnEmptyTablesToo()
      throws Exception {
    assertThat(
            plan(
                "EXPLAIN SELECT o.partner_id, SUM(o.signed_amount) AS payable FROM pp_open_entry o"
                    + " WHERE o.partner_id IN ('p-1', 'p-2') AND o.payable_at < '2026-12-01'"
                    + " AND o.currency_code = 'EUR' GROUP BY o.partner_id"))
        .as("the page's sums")
        .containsExactly("o SIMPLE range PRIMARY");
    assertThat(
            plan(
                "EXPLAIN DELETE o FROM pp_payout_item i STRAIGHT_JOIN pp_open_entry o"
                    + " ON o.partner_id = i.partner_id AND o.entry_id = i.entry_id"
                    + " WHERE i.payout_id IN ('PO-1', 'PO-2')"))
        .as("the paid rows found through the payouts' items")
        .contains("o SIMPLE eq_ref PRIMARY")
        .anyMatch(
            row -> row.startsWith("i SIMPLE ") && row.endsWith("ix_pp_payout_item_payout_amount"));
  }

  @Test
  void aChunkPaysItsPartnersOpenEntriesOnlyAndReadsNoLedgerHistory() throws Exception {
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(true);
      entry(c, "00000000-0000-4000-8000-000000000011", "h-1", "EARNED", "10.00");
      openEntry(c, "00000000-0000-4000-8000-000000000012", "h-1", "EARNED", "4.00");
      openEntry(c, "00000000-0000-4000-8000-000000000013", "h-2", "EARNED", "8.00");
      openEntry(c, "00000000-0000-4000-8000-000000000014", "h-2", "REVERSED", "1.50");
      entry(c, "00000000-0000-4000-8000-000000000015", "h-2", "EARNED", "2.00");
      oldPayout(c, "PO000000000000000000000011", "h-1");
      oldPayout(c, "PO000000000000000000000012", "h-2");
      item(c, "00000000-0000-4000-8000-000000000011", "PO000000000000000000000011", "h-1", "10.00");
      item(c, "00000000-0000-4000-8000-000000000015", "PO000000000000000000000012", "h-2", "2.00");
    }
    RecordingDataSource recording = new RecordingDataSource(DB.dataSource());
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());

    List<PartnerAmount> page =
        storage
            .transactions()
            .execute(
                () -> storage.payouts().unassignedPayable(BEFORE, EUR, Optional.of(id("h-0")), 2));
    assertThat(page)
        .containsExactly(
            new PartnerAmount(id("h-1"), Money.of(new BigDecimal("4.00"), EUR)),
            new PartnerAmount(id("h-2"), Money.of(new BigDecimal("6.50"), EUR)));

    Payout first = payout("PO000000000000000000000013", "h-1");
    Payout second = payout("PO000000000000000000000014", "h-2");
    Map<PayoutId, Money> assigned =
        storage
            .transactions()
            .execute(() -> storage.payouts().insertAndAssign(List.of(first, second), BEFORE, EUR));
    assertThat(assigned)
        .containsOnly(
            Map.entry(first.payoutId(), Money.of(new BigDecimal("4.00"), EUR)),
            Map.entry(second.payoutId(), Money.of(new BigDecimal("6.50"), EUR)));
    assertThat(recording.statements())
        .as("the page's sums and the chunk's assignment read the open rows, not the ledger")
        .filteredOn(s -> s.contains("pp_open_entry o"))
        .hasSizeGreaterThanOrEqualTo(3)
        .noneMatch(s -> s.contains("pp_ledger_entry"));
    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pp_open_entry WHERE partner_id IN ('h-1', 'h-2')")) {
      rs.next();
      assertThat(rs.getInt(1)).as("what the payouts paid is no longer open").isZero();
    }
  }

  @Test
  void anEntryPaidByAnotherPartnersPayoutFailsTheAssignmentInsteadOfBeingPaidTwice()
      throws Exception {
    String entry = "00000000-0000-4000-8000-000000000021";
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(true);
      openEntry(c, entry, "f-1", "EARNED", "12.00");
      oldPayout(c, "PO000000000000000000000021", "f-9");
      // Not what a close writes: f-1's entry paid by a payout of f-9 and still open.
      item(c, entry, "PO000000000000000000000021", "f-1", "12.00");
    }
    JdbcProgramStorage storage = JdbcProgramStorage.create(DB.dataSource());
    Payout payout = payout("PO000000000000000000000022", "f-1");

    assertThatThrownBy(
            () ->
                storage
                    .transactions()
                    .execute(() -> storage.payouts().insertAndAssign(List.of(payout), BEFORE, EUR)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(entry);

    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT payout_id FROM pp_payout_item WHERE entry_id = '" + entry + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("PO000000000000000000000021");
      assertThat(rs.next()).as("one item for the entry").isFalse();
    }
    assertThat(storage.transactions().execute(() -> storage.payouts().find(payout.payoutId())))
        .as("the new payout rolled back")
        .isEmpty();
  }

  private static PartnerId id(String value) {
    return PartnerId.of(value);
  }

  private static void oldPayout(Connection c, String id, String partner) throws SQLException {
    execute(
        c,
        "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
            + " holder_name, status, created_at, status_changed_at) VALUES ('"
            + id
            + "', '"
            + partner
            + "', '2026-10', 1.00, 'EUR', 'NL91ABNA0417164300', 'Jan', 'PAID',"
            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
  }
}
