package org.partnerprogram.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The check behind {@link JdbcProgramStorage#reconcile()}: what the adapter keeps beside the ledger
 * so that a close and a balance cost what is recent (the open entries of V11, the partners' totals
 * of V12) compared with the ledger itself. Each comparison is one statement, so it reads one
 * snapshot even while events are being recorded.
 */
final class JdbcReconciliation {
  /** Per partner and currency, the totals minus the sums of the entries, where any is not zero. */
  private static final String TOTALS_AGAINST_ENTRIES =
      "SELECT x.partner_id, x.currency_code, SUM(x.accrued) AS accrued,"
          + " SUM(x.cancelled) AS cancelled, SUM(x.earned) AS earned, SUM(x.reversed) AS reversed"
          + " FROM (SELECT partner_id, currency_code, accrued, cancelled, earned, reversed"
          + " FROM pp_partner_total UNION ALL"
          + " SELECT partner_id, currency_code,"
          + " CASE WHEN kind = 'ACCRUED' THEN -amount ELSE 0 END,"
          + " CASE WHEN kind = 'CANCELLED' THEN -amount ELSE 0 END,"
          + " CASE WHEN kind = 'EARNED' THEN -amount ELSE 0 END,"
          + " CASE WHEN kind = 'REVERSED' THEN -amount ELSE 0 END FROM pp_ledger_entry"
          + " WHERE order_id IS NOT NULL) x"
          + " GROUP BY x.partner_id, x.currency_code"
          + " HAVING SUM(x.accrued) <> 0 OR SUM(x.cancelled) <> 0 OR SUM(x.earned) <> 0"
          + " OR SUM(x.reversed) <> 0 ORDER BY x.partner_id, x.currency_code";

  /** Payable entries in no payout without their open row (as the entry says it). */
  private static final String NOT_OPEN =
      "SELECT e.entry_id FROM pp_ledger_entry e"
          + " WHERE e.kind IN ('EARNED', 'REVERSED', 'CREDITED', 'DEBITED', 'WRITTEN_OFF')"
          + " AND NOT EXISTS (SELECT 1 FROM pp_payout_item i WHERE i.entry_id = e.entry_id)"
          + " AND NOT EXISTS (SELECT 1 FROM pp_open_entry o WHERE o.entry_id = e.entry_id"
          + " AND o.partner_id = e.partner_id AND o.payable_at = e.payable_at"
          + " AND o.currency_code = e.currency_code"
          + " AND o.signed_amount ="
          + " CASE WHEN e.kind IN ('REVERSED', 'DEBITED') THEN -e.amount ELSE e.amount END)"
          + " ORDER BY e.entry_id";

  /** Open rows of entries that a payout holds, or that are not payable entries. */
  private static final String OPEN_BUT_NOT_AWAITING =
      "SELECT o.entry_id FROM pp_open_entry o WHERE EXISTS (SELECT 1 FROM pp_payout_item i"
          + " WHERE i.entry_id = o.entry_id) OR NOT EXISTS (SELECT 1 FROM pp_ledger_entry e"
          + " WHERE e.entry_id = o.entry_id"
          + " AND e.kind IN ('EARNED', 'REVERSED', 'CREDITED', 'DEBITED', 'WRITTEN_OFF'))"
          + " ORDER BY o.entry_id";

  private JdbcReconciliation() {}

  /**
   * Runs the comparisons.
   *
   * @param sql the storage's helpers
   * @return one line per difference; empty when everything agrees
   */
  static List<String> run(Sql sql) {
    return sql.run(
        "reconciling the totals and open entries with the ledger",
        c -> {
          List<String> differences = new ArrayList<>();
          Jdbc.forEachRow(
              c,
              TOTALS_AGAINST_ENTRIES,
              ps -> {},
              rs ->
                  differences.add(
                      "partner "
                          + rs.getString("partner_id")
                          + " "
                          + rs.getString("currency_code")
                          + ": totals minus entries: accrued "
                          + rs.getBigDecimal("accrued").toPlainString()
                          + ", cancelled "
                          + rs.getBigDecimal("cancelled").toPlainString()
                          + ", earned "
                          + rs.getBigDecimal("earned").toPlainString()
                          + ", reversed "
                          + rs.getBigDecimal("reversed").toPlainString()));
          Jdbc.forEachRow(
              c,
              NOT_OPEN,
              ps -> {},
              rs ->
                  differences.add(
                      "entry "
                          + rs.getString(1).trim()
                          + " awaits a payout but has no matching open row"));
          Jdbc.forEachRow(
              c,
              OPEN_BUT_NOT_AWAITING,
              ps -> {},
              rs ->
                  differences.add(
                      "entry "
                          + rs.getString(1).trim()
                          + " has an open row but is paid or does not await a payout"));
          return List.copyOf(differences);
        });
  }
}
