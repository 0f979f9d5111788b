package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.port.out.ReportStore;

/**
 * {@link ReportStore}: each query is one statement that reads index ranges, the same text on every
 * database but for the byte-order collation PostgreSQL needs on partner ids. Partner lists read
 * {@code ix_pp_partner_status} (status, partner_id; V20); the top earners and the funnel's
 * commission read {@code ix_pp_ledger_entry_occurred} (occurred_at, kind, with the currency,
 * partner and amount; V20) and group what the range holds; the funnel's counts read {@code
 * ix_pp_touch_touched_at} (V13), {@code ix_pp_attribution_outcome_decided}, {@code
 * ix_pp_order_paid} and {@code ix_pp_payout_status_changed} (V20); a month's payouts read {@code
 * ix_pp_payout_period} (period, payout_id; V3).
 */
final class JdbcReportStore implements ReportStore {
  /** The columns of {@code pp_partner} that {@link JdbcPartnerStore#read(Sql, ResultSet)} maps. */
  private static final String PARTNER_COLUMNS =
      "partner_id, customer_account_id, status, enrolled_at, status_changed_at, payout_iban,"
          + " payout_holder_name, left_at, rejoined_at, version";

  /** The net commission per partner in a range (parameters: from, to, currency). */
  static final String EARNERS =
      "SELECT e.partner_id, SUM(CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END)"
          + " AS earned FROM pp_ledger_entry e"
          + " WHERE e.kind IN ('EARNED', 'REVERSED') AND e.occurred_at >= ? AND e.occurred_at < ?"
          + " AND e.currency_code = ? GROUP BY e.partner_id";

  /** The sum of one kind's entries in a range (parameters: from, to, currency). */
  private static final String KIND_SUM =
      " AND e.occurred_at >= ? AND e.occurred_at < ? AND e.currency_code = ?) AS ";

  /**
   * The funnel's figures of a range (parameters: from and to for each of the seven, the currency
   * after the four sums' ranges).
   */
  static final String FUNNEL =
      "SELECT (SELECT COUNT(*) FROM pp_touch t WHERE t.touched_at >= ? AND t.touched_at < ?)"
          + " AS clicks,"
          + " (SELECT COUNT(*) FROM pp_attribution a WHERE a.outcome = 'ATTRIBUTED'"
          + " AND a.decided_at >= ? AND a.decided_at < ?) AS attributed,"
          + " (SELECT COUNT(DISTINCT o.customer_account_id) FROM pp_order o"
          + " WHERE o.paid_at >= ? AND o.paid_at < ? AND o.partner_id IS NOT NULL) AS paying,"
          + " (SELECT COALESCE(SUM(e.amount), 0) FROM pp_ledger_entry e WHERE e.kind = 'EARNED'"
          + KIND_SUM
          + "earned,"
          + " (SELECT COALESCE(SUM(e.amount), 0) FROM pp_ledger_entry e WHERE e.kind = 'CANCELLED'"
          + KIND_SUM
          + "cancelled,"
          + " (SELECT COALESCE(SUM(e.amount), 0) FROM pp_ledger_entry e WHERE e.kind = 'REVERSED'"
          + KIND_SUM
          + "reversed,"
          + " (SELECT COALESCE(SUM(p.amount), 0) FROM pp_payout p WHERE p.status = 'PAID'"
          + " AND p.status_changed_at >= ? AND p.status_changed_at < ? AND p.currency_code = ?)"
          + " AS paid";

  private final Sql sql;
  private final JdbcPayoutStore payouts;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   * @param payouts the payout store, whose row mapping reads payouts
   */
  JdbcReportStore(Sql sql, JdbcPayoutStore payouts) {
    this.sql = sql;
    this.payouts = payouts;
  }

  @Override
  public List<Partner> partnersWithStatus(
      PartnerStatus status, Optional<PartnerId> after, int limit) {
    return sql.run(
        "reading the partners with status " + status,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + PARTNER_COLUMNS
                    + " FROM pp_partner WHERE status = ?"
                    + (after.isPresent()
                        ? " AND partner_id" + sql.statements().byteOrder() + " > ?"
                        : "")
                    + " ORDER BY partner_id"
                    + sql.statements().byteOrder()
                    + " LIMIT ?",
                ps -> {
                  int i = 1;
                  ps.setString(i++, status.name());
                  if (after.isPresent()) {
                    ps.setString(i++, after.get().value());
                  }
                  ps.setInt(i, limit);
                },
                rs -> JdbcPartnerStore.read(sql, rs)));
  }

  @Override
  public List<PartnerAmount> topEarners(Currency currency, Instant from, Instant to, int limit) {
    return sql.run(
        "reading the top earners from " + from + " to " + to,
        c ->
            Jdbc.query(
                c,
                EARNERS
                    + " ORDER BY earned DESC, e.partner_id"
                    + sql.statements().byteOrder()
                    + " LIMIT ?",
                ps -> {
                  sql.setInstant(ps, 1, "from", from);
                  sql.setInstant(ps, 2, "to", to);
                  ps.setString(3, currency.getCurrencyCode());
                  ps.setInt(4, limit);
                },
                rs ->
                    new PartnerAmount(
                        PartnerId.of(rs.getString("partner_id")),
                        Money.total(rs.getBigDecimal("earned"), currency))));
  }

  @Override
  public Funnel funnel(YearMonth month, Instant from, Instant to, Currency currency) {
    return sql.run(
        "reading the funnel of " + month,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(FUNNEL)) {
            int i = 1;
            for (int figure = 0; figure < 7; figure++) {
              sql.setInstant(ps, i++, "from", from);
              sql.setInstant(ps, i++, "to", to);
              if (figure >= 3) {
                ps.setString(i++, currency.getCurrencyCode());
              }
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Funnel(
                  month,
                  rs.getLong("clicks"),
                  rs.getLong("attributed"),
                  rs.getLong("paying"),
                  total(rs, "earned", currency),
                  total(rs, "cancelled", currency),
                  total(rs, "reversed", currency),
                  total(rs, "paid", currency));
            }
          }
        });
  }

  private static Money total(ResultSet rs, String column, Currency currency) throws SQLException {
    BigDecimal sum = rs.getBigDecimal(column);
    return Money.total(sum == null ? BigDecimal.ZERO : sum, currency);
  }

  @Override
  public List<Payout> payoutsOfMonth(
      YearMonth period, Optional<PayoutStatus> status, Optional<PayoutId> after, int limit) {
    return sql.run(
        "reading the payouts of month " + period,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + JdbcPayoutStore.payoutColumns()
                    + " FROM pp_payout WHERE period = ?"
                    + (status.isPresent() ? " AND status = ?" : "")
                    + (after.isPresent()
                        ? " AND payout_id" + sql.statements().byteOrder() + " > ?"
                        : "")
                    + " ORDER BY payout_id"
                    + sql.statements().byteOrder()
                    + " LIMIT ?",
                ps -> {
                  int i = 1;
                  ps.setString(i++, period.toString());
                  if (status.isPresent()) {
                    ps.setString(i++, status.get().name());
                  }
                  if (after.isPresent()) {
                    ps.setString(i++, after.get().value());
                  }
                  ps.setInt(i, limit);
                },
                payouts::payout));
  }
}
