package org.partnerprogram.jdbc.plan;

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
 * How a MariaDB close leaves out the entries already paid: it reads the chunk's partners' payouts
 * and their items once per statement and materialises them, instead of looking each payable entry
 * up in the items' primary key.
 */
class MariaDbCloseAssignedEntriesTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");
  private static final String HINT = "SET STATEMENT optimizer_switch='in_to_exists=off' FOR ";

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
  void thePaidEntriesAreReadOnceByPayoutAndItemIndexesOnEmptyTablesToo() throws Exception {
    String unassigned =
        " AND e.kind IN ('EARNED', 'REVERSED') AND e.payable_at < '2026-12-01'"
            + " AND e.entry_id NOT IN (SELECT i.entry_id FROM pp_payout q STRAIGHT_JOIN"
            + " pp_payout_item i ON i.payout_id = q.payout_id WHERE q.partner_id IN ('p-1', 'p-2'))"
            + " AND e.currency_code = 'EUR'";
    String sums =
        "SELECT e.partner_id, SUM(e.amount) FROM pp_ledger_entry e"
            + " WHERE e.partner_id IN ('p-1', 'p-2')"
            + unassigned
            + " GROUP BY e.partner_id";
    String assign =
        "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
            + " SELECT e.entry_id, p.payout_id, e.partner_id, e.amount FROM pp_payout p"
            + " JOIN pp_ledger_entry e ON e.partner_id = p.partner_id"
            + " WHERE p.payout_id IN ('PO-1', 'PO-2')"
            + unassigned
            + " RETURNING payout_id, signed_amount";
    for (String statement : List.of(sums, assign)) {
      assertThat(plan(HINT + "EXPLAIN " + statement))
          .as("the hinted plan of %s", statement)
          .contains(
              "q MATERIALIZED range ix_pp_payout_partner",
              "i MATERIALIZED ref ix_pp_payout_item_payout_amount")
          .noneMatch(row -> row.contains("DEPENDENT"));
    }
    // What the hint is for: left to its estimates, the planner runs the sums' subquery once per
    // entry on small tables such as these.
    assertThat(plan("EXPLAIN " + sums))
        .as("the plan of the sums without the hint")
        .anyMatch(row -> row.contains("DEPENDENT SUBQUERY"));
  }

  @Test
  void aChunkLeavesOutItsPartnersPaidEntriesAndTheCloseStatementsCarryTheHint() throws Exception {
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(true);
      entry(c, "00000000-0000-4000-8000-000000000011", "h-1", "EARNED", "10.00");
      entry(c, "00000000-0000-4000-8000-000000000012", "h-1", "EARNED", "4.00");
      entry(c, "00000000-0000-4000-8000-000000000013", "h-2", "EARNED", "8.00");
      entry(c, "00000000-0000-4000-8000-000000000014", "h-2", "REVERSED", "1.50");
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
        .as("the page's sums and the chunk's assignment")
        .filteredOn(s -> s.startsWith(HINT))
        .hasSize(2)
        .allMatch(s -> s.contains("NOT IN (SELECT i.entry_id FROM pp_payout q STRAIGHT_JOIN"));
  }

  @Test
  void anEntryPaidByAnotherPartnersPayoutFailsTheAssignmentInsteadOfBeingPaidTwice()
      throws Exception {
    String entry = "00000000-0000-4000-8000-000000000021";
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(true);
      entry(c, entry, "f-1", "EARNED", "12.00");
      oldPayout(c, "PO000000000000000000000021", "f-9");
      // Not what a close writes: f-1's entry paid by a payout of f-9.
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

  private static void item(Connection c, String entry, String payout, String partner, String amount)
      throws SQLException {
    execute(
        c,
        "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount) VALUES ('"
            + entry
            + "', '"
            + payout
            + "', '"
            + partner
            + "', "
            + amount
            + ")");
  }
}
