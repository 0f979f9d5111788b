package org.partnerprogram.jdbc;

/**
 * H2 2.x: the portable statements, and READ COMMITTED set on the connection (and restored), as H2
 * has no statement for one transaction's level.
 */
final class H2Statements extends Statements {
  @Override
  String readCommittedForOneTransaction() {
    return "";
  }

  /** H2 (outside its MariaDB mode) has no {@code ON DUPLICATE KEY UPDATE}: a standard MERGE. */
  @Override
  String addToTotal() {
    return "MERGE INTO pp_partner_total t USING (SELECT CAST(? AS VARCHAR(40)) AS partner_id,"
        + " CAST(? AS CHAR(3)) AS currency_code, CAST(? AS SMALLINT) AS stripe,"
        + " CAST(? AS DECIMAL(38, 4)) AS accrued, CAST(? AS DECIMAL(38, 4)) AS cancelled,"
        + " CAST(? AS DECIMAL(38, 4)) AS earned, CAST(? AS DECIMAL(38, 4)) AS reversed) s"
        + " ON t.partner_id = s.partner_id AND t.currency_code = s.currency_code"
        + " AND t.stripe = s.stripe"
        + " WHEN MATCHED THEN UPDATE SET accrued = t.accrued + s.accrued,"
        + " cancelled = t.cancelled + s.cancelled, earned = t.earned + s.earned,"
        + " reversed = t.reversed + s.reversed"
        + " WHEN NOT MATCHED THEN INSERT ("
        + TOTAL_COLUMNS
        + ") VALUES (s.partner_id, s.currency_code, s.stripe, s.accrued, s.cancelled, s.earned,"
        + " s.reversed)";
  }
}
