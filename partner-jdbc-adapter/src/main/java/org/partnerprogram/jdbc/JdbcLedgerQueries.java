package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.port.out.LedgerStore;

/**
 * {@link LedgerStore#ledgerLines}: one statement, the same on every database. It reads the
 * partner's priced lines as a range of {@code ix_pp_commission_line_partner_placed} (partner,
 * placed_at, order_id, line_number; V10) in that order, and for each line looks up its EARNED entry
 * (by {@code ix_pp_ledger_entry_order}), that entry's payout item (primary key) and payout (primary
 * key), and sums its CANCELLED and REVERSED entries (same index); the database stops after {@code
 * limit} matching lines. The keyset continues after the previous page's last line with {@code a >=
 * ? AND (a > ? OR (a = ? AND ...))}, which every database evaluates, rather than a row-value
 * comparison, which not every one turns into an index range.
 */
final class JdbcLedgerQueries {
  private static final String SELECT =
      "SELECT l.order_id, l.line_number, l.product_id, l.net_amount, l.currency_code,"
          + " l.rate_kind, l.rate_percentage, l.rate_amount, l.rate_currency_code,"
          + " l.commission_amount, l.commission_currency, l.placed_at,"
          + " e.entry_id, e.payable_at, i.payout_id, p.status,"
          + " COALESCE((SELECT SUM(r.amount) FROM pp_ledger_entry r"
          + " WHERE r.order_id = l.order_id AND r.line_number = l.line_number"
          + " AND r.kind IN ('CANCELLED', 'REVERSED')), 0) AS reversed_amount"
          + " FROM pp_commission_line l"
          + " LEFT JOIN pp_ledger_entry e ON e.order_id = l.order_id"
          + " AND e.line_number = l.line_number AND e.kind = 'EARNED'"
          + " LEFT JOIN pp_payout_item i ON i.entry_id = e.entry_id"
          + " LEFT JOIN pp_payout p ON p.payout_id = i.payout_id AND p.partner_id = l.partner_id"
          + " WHERE l.partner_id = ? AND l.placed_at >= ? AND l.placed_at < ?";

  /**
   * After the previous page's last line (placed_at, order_id, line_number), in sort order. The
   * redundant {@code l.placed_at >= ?} starts the index range at the previous page's end (the
   * database keeps the tighter of it and the month's start), so a page does not re-read the lines
   * of the pages before it, as {@link JdbcLedgerStore#entriesOfPartner} does.
   */
  private static final String AFTER =
      " AND l.placed_at >= ? AND (l.placed_at > ? OR (l.placed_at = ?"
          + " AND (l.order_id > ? OR (l.order_id = ? AND l.line_number > ?))))";

  /** A payout that holds the entry and has not failed (a failed payout's items are released). */
  private static final String LIVE_PAYOUT = "p.status IN ('CREATED', 'EXPORTED', 'PAID')";

  private static final String ORDER = " ORDER BY l.placed_at, l.order_id, l.line_number LIMIT ?";

  private static final String PENDING = " AND e.entry_id IS NULL";
  private static final String HELD =
      " AND e.entry_id IS NOT NULL AND (p.status IS NULL OR NOT "
          + LIVE_PAYOUT
          + ")"
          + " AND e.payable_at > ?";
  private static final String PAYABLE =
      " AND e.entry_id IS NOT NULL AND (p.status IS NULL OR NOT "
          + LIVE_PAYOUT
          + ")"
          + " AND e.payable_at <= ?";
  private static final String IN_PAYOUT =
      " AND COALESCE(p.status, 'NONE') IN ('CREATED', 'EXPORTED')";
  private static final String PAID = " AND COALESCE(p.status, 'NONE') = 'PAID'";

  private final Sql sql;

  JdbcLedgerQueries(Sql sql) {
    this.sql = sql;
  }

  /**
   * The predicate of a state, as {@link LedgerLine#stateOf} derives it; HELD and PAYABLE take
   * {@code now} as their one parameter.
   */
  static String stateCondition(LedgerLine.State state) {
    return switch (state) {
      case PENDING -> " AND e.entry_id IS NULL";
      case HELD ->
          " AND e.entry_id IS NOT NULL AND (p.status IS NULL OR NOT "
              + LIVE_PAYOUT
              + ")"
              + " AND e.payable_at > ?";
      case PAYABLE ->
          " AND e.entry_id IS NOT NULL AND (p.status IS NULL OR NOT "
              + LIVE_PAYOUT
              + ")"
              + " AND e.payable_at <= ?";
      case IN_PAYOUT -> " AND COALESCE(p.status, 'NONE') IN ('CREATED', 'EXPORTED')";
      case PAID -> " AND COALESCE(p.status, 'NONE') = 'PAID'";
    };
  }

  /**
   * The statement for a page, as {@link #ledgerLines} runs it.
   *
   * @param state the state filter, or empty
   * @param after whether the page continues after a line
   * @return the SQL text
   */
  static String statement(Optional<LedgerLine.State> state, boolean after) {
    return SELECT
        + (after ? AFTER : "")
        + state.map(JdbcLedgerQueries::stateCondition).orElse("")
        + ORDER;
  }

  List<LedgerLine> ledgerLines(LedgerStore.LinesWanted wanted) {
    PartnerId partnerId = wanted.partnerId();
    Optional<LedgerLine.State> state = wanted.state();
    Optional<LedgerStore.LedgerLineKey> after = wanted.after();
    Instant now = wanted.now();
    return sql.run(
        "reading the ledger lines of partner " + partnerId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + (after.isPresent() ? AFTER : "")
                      + (state.isEmpty()
                          ? ""
                          : state.get() == LedgerLine.State.PENDING
                              ? PENDING
                              : state.get() == LedgerLine.State.HELD
                                  ? HELD
                                  : state.get() == LedgerLine.State.PAYABLE
                                      ? PAYABLE
                                      : state.get() == LedgerLine.State.IN_PAYOUT
                                          ? IN_PAYOUT
                                          : PAID)
                      + ORDER)) {
            int i = 1;
            ps.setString(i++, partnerId.value());
            sql.setInstant(ps, i++, "from", wanted.from());
            sql.setInstant(ps, i++, "to", wanted.to());
            if (after.isPresent()) {
              LedgerStore.LedgerLineKey key = after.get();
              sql.setInstant(ps, i++, "after", key.placedAt());
              sql.setInstant(ps, i++, "after", key.placedAt());
              sql.setInstant(ps, i++, "after", key.placedAt());
              ps.setString(i++, key.orderId().value());
              ps.setString(i++, key.orderId().value());
              ps.setInt(i++, key.lineNumber());
            }
            if (state.isPresent()
                && (state.get() == LedgerLine.State.HELD
                    || state.get() == LedgerLine.State.PAYABLE)) {
              sql.setInstant(ps, i++, "now", now);
            }
            ps.setInt(i, wanted.limit());
            List<LedgerLine> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                lines.add(read(rs, now));
              }
            }
            return List.copyOf(lines);
          }
        });
  }

  private LedgerLine read(ResultSet rs, Instant now) throws SQLException {
    String kind = rs.getString("rate_kind");
    Optional<Rate> rate = Optional.empty();
    if ("PERCENTAGE".equals(kind)) {
      rate = Optional.of(new Rate.Percentage(rs.getBigDecimal("rate_percentage")));
    } else if ("FIXED".equals(kind)) {
      rate = Optional.of(Rate.fixed(Sql.getMoney(rs, "rate_amount", "rate_currency_code")));
    }
    Optional<Instant> payableAt =
        rs.getString("entry_id") == null ? Optional.empty() : sql.getInstant(rs, "payable_at");
    Optional<PayoutStatus> status =
        Optional.ofNullable(rs.getString("status")).map(PayoutStatus::valueOf);
    LedgerLine.State state = LedgerLine.stateOf(payableAt, status, now);
    Optional<PayoutId> payout =
        state == LedgerLine.State.IN_PAYOUT || state == LedgerLine.State.PAID
            ? Optional.of(PayoutId.of(rs.getString("payout_id").trim()))
            : Optional.empty();
    return new LedgerLine(
        OrderId.of(rs.getString("order_id")),
        rs.getInt("line_number"),
        ProductId.of(rs.getString("product_id")),
        Sql.getMoney(rs, "net_amount", "currency_code"),
        rate,
        Sql.getMoney(rs, "commission_amount", "commission_currency"),
        Sql.getMoney(rs, "reversed_amount", "commission_currency"),
        sql.getRequiredInstant(rs, "placed_at"),
        state,
        payableAt,
        payout);
  }
}
