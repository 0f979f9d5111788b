package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The adapter's own promises on MariaDb. */
class MariaDbJdbcAdapterTest extends AbstractJdbcAdapterTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MARIADB;
  }

  /**
   * The indexes MariaDB's planner may use for a query (EXPLAIN's possible_keys of every table): on
   * tiny test tables it may still scan, so the check is that a usable index exists, which is what a
   * missing or mistyped index would break.
   */
  private static String possibleKeys(String query) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
      StringBuilder keys = new StringBuilder();
      while (rs.next()) {
        keys.append(rs.getString("table"))
            .append(": ")
            .append(rs.getString("possible_keys"))
            .append('\n');
      }
      return keys.toString();
    }
  }

  @Test
  void theHotQueriesHaveUsableIndexes() throws Exception {
    assertThat(
            possibleKeys(
                "SELECT code FROM pp_touch WHERE visitor_id = 'v-1'"
                    + " AND touched_at >= '2026-01-01' AND touched_at <= '2026-02-01'"
                    + " ORDER BY touched_at, code"))
        .contains("ix_pp_touch_visitor");
    // Attribution's one read: the visitor's touches by index, each code and partner by key.
    assertThat(
            possibleKeys(
                "SELECT t.code, r.vanity, p.status FROM pp_touch t"
                    + " JOIN pp_referral_code r ON r.code = t.code"
                    + " LEFT JOIN pp_partner p ON p.partner_id = r.partner_id"
                    + " WHERE t.visitor_id = 'v-1'"
                    + " AND t.touched_at >= '2026-01-01' AND t.touched_at <= '2026-02-01'"
                    + " ORDER BY t.touched_at, t.code, t.touch_id"))
        .contains("t: ix_pp_touch_visitor", "r: PRIMARY", "p: PRIMARY");
    assertThat(possibleKeys("SELECT COUNT(*) FROM pp_touch WHERE partner_id = 'p-1'"))
        .contains("ix_pp_touch_partner");
    assertThat(
            possibleKeys(
                "SELECT SUM(amount) FROM pp_ledger_entry WHERE partner_id = 'p-1'"
                    + " AND currency_code = 'EUR'"))
        .contains("ix_pp_ledger_entry_partner");
    assertThat(
            possibleKeys(
                "SELECT entry_id FROM pp_ledger_entry WHERE partner_id = 'p-1'"
                    + " ORDER BY recorded_at DESC, entry_order DESC LIMIT 10"))
        .contains("ix_pp_ledger_entry_partner");
    assertThat(possibleKeys("SELECT entry_id FROM pp_ledger_entry WHERE order_id = 'o-1'"))
        .contains("ix_pp_ledger_entry_order");
    assertThat(
            possibleKeys(
                "SELECT version_number FROM pp_rate_version WHERE partner_id = ''"
                    + " AND effective_from <= '2026-01-01' ORDER BY effective_from DESC LIMIT 1"))
        .contains("uq_pp_rate_version_from");
    // The overview's referral counts: the clicks and the decisions in one statement.
    assertThat(
            possibleKeys(
                "SELECT 'CLICKS' AS outcome, 'CLICKS' AS reason, COUNT(*) AS decisions"
                    + " FROM pp_touch WHERE partner_id = 'p-1' UNION ALL"
                    + " SELECT outcome, reason, COUNT(*) FROM pp_attribution"
                    + " WHERE partner_id = 'p-1' GROUP BY outcome, reason"))
        .contains("pp_touch: ix_pp_touch_partner", "pp_attribution: ix_pp_attribution_partner");
    // The close's open entries (V11): a partner's are a range of the open rows' key.
    assertThat(
            possibleKeys(
                "SELECT o.entry_id FROM pp_open_entry o WHERE o.partner_id = 'p-1'"
                    + " AND o.payable_at < '2026-12-01' AND o.currency_code = 'EUR'"))
        .contains("o: PRIMARY");
    // The overview's balance: sums per kind over the payable index, which carries the currency
    // and the amount.
    assertThat(
            possibleKeys(
                "SELECT SUM(amount) FROM pp_ledger_entry WHERE partner_id = 'p-1'"
                    + " AND kind = 'EARNED' AND currency_code = 'EUR'"
                    + " AND payable_at > '2026-01-01'"))
        .contains("ix_pp_ledger_entry_payable");
    assertThat(
            possibleKeys(
                "SELECT payout_id FROM pp_payout WHERE period = '2026-11' ORDER BY payout_id"))
        .contains("ix_pp_payout_period");
    // A month's close lines, read or streamed for the close's result.
    assertThat(
            possibleKeys(
                "SELECT partner_id FROM pp_period_close_line WHERE period = '2026-11'"
                    + " ORDER BY partner_id"))
        .contains("PRIMARY");
    // The close's sums of what it assigned: the new payouts' items alone (V7), never the ledger.
    assertThat(
            possibleKeys(
                "SELECT payout_id, SUM(signed_amount) FROM pp_payout_item"
                    + " WHERE payout_id IN ('PO-1', 'PO-2') GROUP BY payout_id"))
        .contains("ix_pp_payout_item_payout_amount");
  }
}
