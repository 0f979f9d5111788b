package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;

/**
 * The months' closes of {@link JdbcPayoutStore}: {@code pp_period_close} (primary key period: one
 * close per month, also across instances), the close lines of {@code pp_period_close_line}, and
 * what a close carried over ({@code pp_carried_item}).
 */
final class JdbcPeriodCloses {
  private static final String CLOSE_LINE_COLUMNS =
      "period, partner_id, amount, currency_code, payout_id, carry_over_reason";

  private final Sql sql;
  private final JdbcLedgerStore ledger;

  JdbcPeriodCloses(Sql sql, JdbcLedgerStore ledger) {
    this.sql = sql;
    this.ledger = ledger;
  }

  boolean claimPeriod(PeriodClose close) {
    // PostgreSQL: ON CONFLICT DO NOTHING waits for a concurrent claimer's transaction and then
    // inserts nothing; MariaDB/H2 wait for the row lock and report the duplicate key.
    return sql.run(
        "claiming month " + close.period() + " for closing",
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_period_close (period, closed_at) VALUES (?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> {
                  ps.setString(1, close.period().toString());
                  sql.setInstant(ps, 2, "closedAt", close.closedAt());
                }));
  }

  Optional<PeriodClose> findClose(YearMonth period) {
    return sql.run(
        "reading the close of month " + period,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT period, closed_at FROM pp_period_close WHERE period = ?",
                ps -> ps.setString(1, period.toString()),
                this::close));
  }

  Optional<PeriodClose> latestClose() {
    return sql.run(
        "reading the latest close",
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT period, closed_at FROM pp_period_close ORDER BY period DESC LIMIT 1",
                Jdbc.NONE,
                this::close));
  }

  private PeriodClose close(ResultSet rs) throws SQLException {
    return new PeriodClose(
        YearMonth.parse(rs.getString("period").trim()), sql.getRequiredInstant(rs, "closed_at"));
  }

  void insertCloseLine(PeriodCloseLine line) {
    sql.run(
        "storing the close line of partner " + line.partnerId() + " for " + line.period(),
        c -> Jdbc.update(c, sql.statements().insertCloseLine(), ps -> bindCloseLine(ps, line)));
  }

  void insertCloseLines(List<PeriodCloseLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    Statements statements = sql.statements();
    sql.run(
        "storing " + lines.size() + " close lines",
        c ->
            statements.foreignKeysCheckedByIndex(
                c,
                cc -> {
                  statements.insertCloseLines(cc, lines, JdbcPeriodCloses::bindCloseLine);
                  return null;
                }));
  }

  private static void bindCloseLine(PreparedStatement ps, PeriodCloseLine line)
      throws SQLException {
    ps.setString(1, line.period().toString());
    ps.setString(2, line.partnerId().value());
    Sql.setMoney(ps, 3, 4, line.amount());
    ps.setString(5, line.payoutId().map(PayoutId::value).orElse(null));
    ps.setString(6, line.carriedOver().map(Enum::name).orElse(null));
  }

  Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
    return sql.run(
        "reading the close line of partner " + partnerId + " for " + period,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT "
                    + CLOSE_LINE_COLUMNS
                    + " FROM pp_period_close_line WHERE period = ? AND partner_id = ?",
                ps -> {
                  ps.setString(1, period.toString());
                  ps.setString(2, partnerId.value());
                },
                JdbcPeriodCloses::closeLine));
  }

  private static PeriodCloseLine closeLine(ResultSet rs) throws SQLException {
    return new PeriodCloseLine(
        YearMonth.parse(rs.getString("period").trim()),
        PartnerId.of(rs.getString("partner_id")),
        Sql.getTotal(rs, "amount", "currency_code"),
        Optional.ofNullable(rs.getString("payout_id")).map(PayoutId::of),
        Optional.ofNullable(rs.getString("carry_over_reason"))
            .map(PeriodCloseLine.CarryOverReason::valueOf));
  }

  List<PeriodCloseLine> closeLines(YearMonth period) {
    List<PeriodCloseLine> lines = new ArrayList<>();
    forEachCloseLine(period, 0, lines::add, "reading the close lines of month " + period);
    return List.copyOf(lines);
  }

  void forEachCloseLine(YearMonth period, Consumer<PeriodCloseLine> action) {
    // Streamed as the month's payouts are (forEachPayoutOfPeriod).
    forEachCloseLine(
        period, Statements.FETCH_SIZE, action, "streaming the close lines of month " + period);
  }

  private void forEachCloseLine(
      YearMonth period, int fetchSize, Consumer<PeriodCloseLine> action, String what) {
    sql.run(
        what,
        c -> {
          Jdbc.forEach(
              c,
              "SELECT "
                  + CLOSE_LINE_COLUMNS
                  + " FROM pp_period_close_line WHERE period = ? ORDER BY partner_id"
                  + sql.statements().byteOrder(),
              ps -> ps.setString(1, period.toString()),
              fetchSize,
              JdbcPeriodCloses::closeLine,
              action);
          return null;
        });
  }

  Map<PartnerId, Money> recordCarriedOver(
      YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
    Map<PartnerId, Money> sums = new LinkedHashMap<>();
    if (partners.isEmpty()) {
      return sums;
    }
    partners.forEach(p -> sums.put(p, Money.zero(currency)));
    return sql.run(
        "recording what the close of " + period + " carried over",
        c -> {
          for (int from = 0; from < partners.size(); from += Sql.IN_LIST) {
            List<PartnerId> chunk =
                partners.subList(from, Math.min(partners.size(), from + Sql.IN_LIST));
            Jdbc.update(
                c,
                sql.statements().carryOver(chunk.size()),
                ps -> {
                  int i = bindPeriodAndPartners(ps, period, chunk);
                  sql.setInstant(ps, i++, "before", JdbcPayoutAssignment.bound(before));
                  ps.setString(i, currency.getCurrencyCode());
                });
            Jdbc.forEach(
                c,
                "SELECT partner_id, SUM(signed_amount) AS carried FROM pp_carried_item"
                    + " WHERE period = ? AND partner_id IN ("
                    + Sql.placeholders(chunk.size())
                    + ") GROUP BY partner_id",
                ps -> bindPeriodAndPartners(ps, period, chunk),
                0,
                rs ->
                    Map.entry(
                        PartnerId.of(rs.getString("partner_id")),
                        Statements.total(rs.getBigDecimal("carried"), currency)),
                e -> sums.put(e.getKey(), e.getValue()));
          }
          return sums;
        });
  }

  /** Binds the month and then the partners; returns the next index. */
  private static int bindPeriodAndPartners(
      PreparedStatement ps, YearMonth period, List<PartnerId> partners) throws SQLException {
    int i = 1;
    ps.setString(i++, period.toString());
    for (PartnerId partner : partners) {
      ps.setString(i++, partner.value());
    }
    return i;
  }

  List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
    return sql.run(
        "reading what the close of " + period + " carried over for partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + JdbcLedgerStore.entryColumns()
                    + " FROM pp_ledger_entry e WHERE e.entry_id IN"
                    + " (SELECT k.entry_id FROM pp_carried_item k"
                    + " WHERE k.period = ? AND k.partner_id = ?)"
                    + " ORDER BY CASE WHEN e.order_id IS NULL THEN 1 ELSE 0 END, e.order_id"
                    + sql.statements().byteOrder()
                    + ", e.line_number, e.recorded_at, e.entry_order",
                ps -> {
                  ps.setString(1, period.toString());
                  ps.setString(2, partnerId.value());
                },
                ledger::readEntry));
  }
}
