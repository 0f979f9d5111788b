package org.partnerprogram.jdbc;

import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.port.out.PayoutStore;

/**
 * {@link PayoutStore#payoutsOfPartner}: one statement, the same on every database, a backward range
 * of {@code ix_pp_payout_partner} (partner, period; V3). {@code period} and {@code payout_id}
 * compare by bytes on every database (COLLATE "C" on PostgreSQL, utf8mb4_bin on MariaDB, code
 * points on H2), so the order is the one Java's string comparison gives, as the port promises.
 */
final class JdbcPayoutQueries {
  private static final String SELECT =
      "SELECT payout_id, partner_id, period, amount, currency_code, iban, holder_name, status,"
          + " created_at, status_changed_at, failure_reason FROM pp_payout WHERE partner_id = ?";

  private static final String AFTER = " AND (period < ? OR (period = ? AND payout_id < ?))";

  private static final String ORDER = " ORDER BY period DESC, payout_id DESC LIMIT ?";

  private final Sql sql;
  private final Jdbc.RowMapper<Payout> payouts;

  JdbcPayoutQueries(Sql sql, Jdbc.RowMapper<Payout> payouts) {
    this.sql = sql;
    this.payouts = payouts;
  }

  /**
   * The statement for a page, as {@link #payoutsOfPartner} runs it.
   *
   * @param after whether the page continues after a payout
   * @return the SQL text
   */
  static String statement(boolean after) {
    return SELECT + (after ? AFTER : "") + ORDER;
  }

  List<Payout> payoutsOfPartner(
      PartnerId partnerId, Optional<PayoutStore.PayoutKey> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading the payouts of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                after.isPresent() ? SELECT + AFTER + ORDER : SELECT + ORDER,
                ps -> {
                  int i = 1;
                  ps.setString(i++, partnerId.value());
                  if (after.isPresent()) {
                    ps.setString(i++, after.get().period().toString());
                    ps.setString(i++, after.get().period().toString());
                    ps.setString(i++, after.get().payoutId().value());
                  }
                  ps.setInt(i, limit);
                },
                payouts));
  }
}
