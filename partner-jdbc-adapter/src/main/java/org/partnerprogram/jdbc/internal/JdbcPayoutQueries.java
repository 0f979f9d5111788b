package org.partnerprogram.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
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

  JdbcPayoutQueries(Sql sql) {
    this.sql = sql;
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
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(after.isPresent() ? SELECT + AFTER + ORDER : SELECT + ORDER)) {
            int i = 1;
            ps.setString(i++, partnerId.value());
            if (after.isPresent()) {
              ps.setString(i++, after.get().period().toString());
              ps.setString(i++, after.get().period().toString());
              ps.setString(i++, after.get().payoutId().value());
            }
            ps.setInt(i, limit);
            List<Payout> payouts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                payouts.add(
                    new Payout(
                        PayoutId.of(rs.getString("payout_id")),
                        PartnerId.of(rs.getString("partner_id")),
                        YearMonth.parse(rs.getString("period").trim()),
                        Sql.getMoney(rs, "amount", "currency_code"),
                        PayoutAccount.of(rs.getString("iban"), rs.getString("holder_name")),
                        PayoutStatus.valueOf(rs.getString("status")),
                        sql.getRequiredInstant(rs, "created_at"),
                        sql.getRequiredInstant(rs, "status_changed_at"),
                        Optional.ofNullable(rs.getString("failure_reason"))));
              }
            }
            return List.copyOf(payouts);
          }
        });
  }
}
