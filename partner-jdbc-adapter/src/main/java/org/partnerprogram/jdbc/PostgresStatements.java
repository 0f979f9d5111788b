package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.PurgedTouches;

/**
 * PostgreSQL: {@code ON CONFLICT DO NOTHING} (a failed statement would abort the transaction),
 * byte-order collation for ids, JSON columns, and many rows in one {@code INSERT … SELECT FROM
 * unnest(…)} of one array per column ({@link Sql#setColumnArrays}) instead of a JDBC batch, which
 * PostgreSQL runs as one statement per row.
 */
final class PostgresStatements extends Statements {
  /** The conflict clause that adds to a row of a partner's totals. */
  private static final String ADD_ON_CONFLICT =
      " ON CONFLICT (partner_id, currency_code, stripe) DO UPDATE SET"
          + " accrued = pp_partner_total.accrued + EXCLUDED.accrued,"
          + " cancelled = pp_partner_total.cancelled + EXCLUDED.cancelled,"
          + " earned = pp_partner_total.earned + EXCLUDED.earned,"
          + " reversed = pp_partner_total.reversed + EXCLUDED.reversed";

  /**
   * Many ledger entries, one text array per column of {@link #insertEntry()}, and in the same
   * statement the open rows of those it wrote that await a payout.
   */
  private static final String INSERT_ENTRIES_FROM_ARRAYS =
      "WITH e AS (INSERT INTO pp_ledger_entry (entry_order, "
          + JdbcLedgerStore.entryColumns()
          + ") SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS numeric[]),"
          + " CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS text[]),"
          + " CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS text[]),"
          + " CAST(? AS timestamptz[])) ON CONFLICT DO NOTHING"
          + " RETURNING partner_id, entry_id, order_id, payable_at, currency_code, kind, amount),"
          + " o AS (INSERT INTO pp_open_entry ("
          + OPEN_COLUMNS
          + ") SELECT e.partner_id, e.entry_id, e.payable_at, e.currency_code, "
          + SIGNED_AMOUNT
          + " FROM e WHERE e.payable_at IS NOT NULL)"
          + " INSERT INTO pp_partner_total ("
          + TOTAL_COLUMNS
          + ") SELECT e.partner_id, e.currency_code, hashtext(e.order_id) & 7,"
          + " SUM(CASE WHEN e.kind = 'ACCRUED' THEN e.amount ELSE 0 END),"
          + " SUM(CASE WHEN e.kind = 'CANCELLED' THEN e.amount ELSE 0 END),"
          + " SUM(CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE 0 END),"
          + " SUM(CASE WHEN e.kind = 'REVERSED' THEN e.amount ELSE 0 END)"
          + " FROM e WHERE e.order_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
          + ADD_ON_CONFLICT;

  /** The columns of {@link #INSERT_ENTRIES_FROM_ARRAYS}, as text. */
  private static final List<Function<? super LedgerEntry, String>> ENTRY_ARRAYS =
      List.of(
          e -> JdbcLedgerStore.sortKey(e.entryId()),
          e -> e.entryId().toString(),
          e -> e.partnerId().value(),
          e -> e.orderId().map(OrderId::value).orElse(null),
          e -> Integer.toString(e.lineNumber()),
          e -> e.kind().name(),
          e -> e.amount().amount().toPlainString(),
          e -> e.amount().currency().getCurrencyCode(),
          e -> e.base().amount().toPlainString(),
          e -> e.base().currency().getCurrencyCode(),
          e -> Sql.storable("occurredAt", e.occurredAt()).toString(),
          e -> e.payableAt().map(at -> Sql.storable("payableAt", at).toString()).orElse(null),
          e -> e.sourceEvent().value(),
          e -> Sql.storable("recordedAt", e.recordedAt()).toString());

  /** Many events, inserted in array order so that their sequence ids follow the list. */
  private static final String INSERT_EVENTS_FROM_ARRAYS =
      "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload) SELECT u.event_id, u.event_type, u.partner_id, u.occurred_at,"
          + " u.schema_version, CAST(u.payload AS json) FROM unnest(CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS integer[]), CAST(? AS text[])) WITH ORDINALITY"
          + " AS u (event_id, event_type, partner_id, occurred_at, schema_version, payload, n)"
          + " ORDER BY u.n";

  /** Many close lines, an array per column of {@link #insertCloseLine()}. */
  private static final String INSERT_CLOSE_LINES_FROM_ARRAYS =
      "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code, payout_id,"
          + " carry_over_reason) SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))";

  /** The columns of {@link #INSERT_CLOSE_LINES_FROM_ARRAYS}, as text. */
  private static final List<Function<? super PeriodCloseLine, String>> CLOSE_LINE_ARRAYS =
      List.of(
          line -> line.period().toString(),
          line -> line.partnerId().value(),
          line -> line.amount().amount().toPlainString(),
          line -> line.amount().currency().getCurrencyCode(),
          line -> line.payoutId().map(PayoutId::value).orElse(null),
          line -> line.carriedOver().map(Enum::name).orElse(null));

  /** Many payouts, an array per column of {@link #insertPayout()}. */
  private static final String INSERT_PAYOUTS_FROM_ARRAYS =
      "INSERT INTO pp_payout ("
          + JdbcPayoutStore.payoutColumns()
          + ") SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS text[]))";

  /** The columns of {@link #INSERT_PAYOUTS_FROM_ARRAYS}, as text. */
  private static final List<Function<? super Payout, String>> PAYOUT_ARRAYS =
      List.of(
          payout -> payout.payoutId().value(),
          payout -> payout.partnerId().value(),
          payout -> payout.period().toString(),
          payout -> payout.amount().amount().toPlainString(),
          payout -> payout.amount().currency().getCurrencyCode(),
          payout -> payout.transferAccount().iban().value(),
          payout -> payout.transferAccount().holderName(),
          payout -> payout.status().name(),
          payout -> Sql.storable("createdAt", payout.createdAt()).toString(),
          payout -> Sql.storable("statusChangedAt", payout.statusChangedAt()).toString(),
          payout -> payout.failureReason().orElse(null));

  @Override
  String onConflictDoNothing() {
    return " ON CONFLICT DO NOTHING";
  }

  /**
   * One batch in one statement: the oldest rows of the range locked with {@code SKIP LOCKED} (two
   * purges at once take different rows instead of one waiting for the other's and then finding them
   * gone), deleted by primary key, counted with the latest time among them.
   */
  private static final String DELETE_TOUCHES_BETWEEN =
      "WITH gone AS (DELETE FROM pp_touch WHERE touch_id IN (SELECT touch_id FROM pp_touch"
          + " WHERE touched_at >= ? AND touched_at < ? ORDER BY touched_at LIMIT ?"
          + " FOR UPDATE SKIP LOCKED) RETURNING touched_at)"
          + " SELECT COUNT(*) AS deleted, MAX(touched_at) AS latest FROM gone";

  /** The batch in one statement, {@link #DELETE_TOUCHES_BETWEEN}. */
  @Override
  PurgedTouches deleteTouchesBetween(Connection c, Jdbc.Binder fromCutoffAndLimit)
      throws SQLException {
    return Jdbc.queryOne(
        c,
        DELETE_TOUCHES_BETWEEN,
        fromCutoffAndLimit,
        rs -> {
          int deleted = rs.getInt("deleted");
          return deleted == 0
              ? PurgedTouches.NONE
              : PurgedTouches.of(deleted, getInstant(rs, "latest").orElseThrow());
        });
  }

  /**
   * Skips the decisions another instance's batch holds; the condition matches V14's partial index.
   */
  @Override
  String lockInputsDue() {
    return "SELECT customer_account_id, visitor_id FROM pp_attribution"
        + " WHERE NOT inputs_pseudonymised AND signup_at < ? ORDER BY signup_at LIMIT ?"
        + " FOR UPDATE SKIP LOCKED";
  }

  /**
   * The portable batch, its rows locked with {@code SKIP LOCKED}, as {@link
   * #DELETE_TOUCHES_BETWEEN}.
   */
  @Override
  String deleteSupersededAccounts() {
    return "DELETE FROM pp_payout_account_change WHERE (partner_id, partner_version) IN"
        + " (SELECT partner_id, partner_version FROM pp_payout_account_change"
        + " WHERE superseded_at < ? ORDER BY superseded_at LIMIT ? FOR UPDATE SKIP LOCKED)";
  }

  /** Columns without it would sort by the database's locale. */
  @Override
  String byteOrder() {
    return " COLLATE \"C\"";
  }

  @Override
  String outboxRowsLike() {
    return "SELECT sequence_id, payload FROM pp_outbox WHERE sequence_id > ?"
        + " AND CAST(payload AS text) LIKE ? ESCAPE '!' ORDER BY sequence_id LIMIT 200";
  }

  @Override
  String outboxRowsOfPartnerLike() {
    return "SELECT sequence_id, payload FROM pp_outbox WHERE sequence_id > ?"
        + " AND CAST(payload AS text) LIKE ? ESCAPE '!' AND partner_id = ? ORDER BY sequence_id"
        + " LIMIT 200";
  }

  @Override
  String jsonParameter() {
    return "CAST(? AS json)";
  }

  /**
   * Whose {@code ON CONFLICT DO NOTHING} also skips a duplicate earlier in the list; the entries it
   * wrote are opened and added to their partners' totals by the same statement.
   */
  @Override
  boolean appendEntries(Connection c, List<LedgerEntry> entries, EntryBinder binder)
      throws SQLException {
    String[][] columns = Sql.columnArrays(entries, ENTRY_ARRAYS);
    Jdbc.update(c, INSERT_ENTRIES_FROM_ARRAYS, ps -> Sql.setColumnArrays(c, ps, columns));
    return false;
  }

  @Override
  void insertEvents(Connection c, EventRows written, Jdbc.RowBinder<Integer> binder)
      throws SQLException {
    List<? extends ProgramEvent> events = written.events();
    List<String> json = written.json();
    // The rows are positions: each pairs an event with its JSON, rendered by the caller.
    List<Integer> rows = IntStream.range(0, events.size()).boxed().toList();
    String[][] columns =
        Sql.columnArrays(
            rows,
            List.of(
                i -> events.get(i).eventId().toString(),
                i -> events.get(i).type(),
                i -> events.get(i).partner().map(PartnerId::value).orElse(null),
                i -> Sql.storable("occurredAt", events.get(i).occurredAt()).toString(),
                i -> Integer.toString(EventJson.SCHEMA_VERSION),
                json::get));
    Jdbc.update(c, INSERT_EVENTS_FROM_ARRAYS, ps -> Sql.setColumnArrays(c, ps, columns));
  }

  /**
   * With the foreign-key checks planned anew and by index: PostgreSQL plans a foreign-key check
   * once per session and keeps the plan, and one planned while {@code pp_payout} was small is a
   * sequential scan, which makes a large close quadratic. {@code DISCARD PLANS} drops such a plan,
   * and {@code enable_seqscan} is off (for this transaction, put back afterwards) while the check
   * is planned again. A failure aborts the transaction, which undoes the setting with it.
   */
  @Override
  <T> T foreignKeysCheckedByIndex(Connection c, Sql.Work<T> work) throws SQLException {
    String prior;
    try (Statement s = c.createStatement()) {
      s.execute(
          "DISCARD PLANS; WITH s AS MATERIALIZED (SELECT current_setting('enable_seqscan') AS v)"
              + " SELECT v, set_config('enable_seqscan', 'off', true) FROM s");
      if (!s.getMoreResults()) {
        throw new SQLException("no result from reading enable_seqscan");
      }
      try (ResultSet rs = s.getResultSet()) {
        rs.next();
        prior = rs.getString(1);
      }
    }
    T result = work.apply(c);
    Jdbc.forEachRow(
        c, "SELECT set_config('enable_seqscan', ?, true)", ps -> ps.setString(1, prior), rs -> {});
    return result;
  }

  /**
   * The partners as one array parameter, so the statement text and its cached plan are the same for
   * every page (an IN list of 500 parameters is not hashed in a generic plan).
   */
  @Override
  Map<String, BigDecimal> unassignedSums(
      Connection c, List<String> partners, Instant bound, Currency currency) throws SQLException {
    return sums(
        c,
        SUM_PER_PARTNER
            + " = ANY (CAST(? AS text[])) AND "
            + OPEN_PAYABLE
            + " GROUP BY o.partner_id",
        ps -> {
          ps.setArray(1, c.createArrayOf("text", partners.toArray()));
          setInstant(ps, 2, bound);
          ps.setString(3, currency.getCurrencyCode());
        });
  }

  /**
   * One statement moves the entries: the open rows are deleted and what the delete returns is
   * inserted as the payout's items. The delete locks the rows, so a concurrent close waits and then
   * finds them gone.
   */
  @Override
  int assignEntriesOfPartner(
      Connection c, String payoutId, String partnerId, Instant bound, Currency currency)
      throws SQLException {
    return Jdbc.update(
        c,
        "WITH moved AS (DELETE FROM pp_open_entry o WHERE o.partner_id = ? AND "
            + OPEN_PAYABLE
            + " RETURNING o.entry_id, o.partner_id, o.signed_amount)"
            + " INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
            + " SELECT m.entry_id, ?, m.partner_id, m.signed_amount FROM moved m",
        ps -> {
          ps.setString(1, partnerId);
          setInstant(ps, 2, bound);
          ps.setString(3, currency.getCurrencyCode());
          ps.setString(4, payoutId);
        });
  }

  @Override
  void insertPayouts(Connection c, List<Payout> payouts, Jdbc.RowBinder<Payout> binder)
      throws SQLException {
    String[][] columns = Sql.columnArrays(payouts, PAYOUT_ARRAYS);
    Jdbc.update(c, INSERT_PAYOUTS_FROM_ARRAYS, ps -> Sql.setColumnArrays(c, ps, columns));
  }

  /**
   * One statement: the open payable rows of the new payouts' partners are deleted, what the delete
   * returns is inserted as the payouts' items, and the inserted rows' signed amounts are summed per
   * payout as they come back. The (payout, partner) pairs come as two arrays, so the statement text
   * and its plan are the same for every chunk.
   */
  @Override
  Map<PayoutId, Money> assignNewPayouts(
      Connection c, List<Payout> chunk, Instant bound, Currency currency) throws SQLException {
    Map<PayoutId, Money> assigned = new HashMap<>();
    Jdbc.forEach(
        c,
        "WITH moved AS (DELETE FROM pp_open_entry o"
            + " USING unnest(CAST(? AS text[]), CAST(? AS text[])) AS p (payout_id, partner_id)"
            + " WHERE o.partner_id = p.partner_id AND "
            + OPEN_PAYABLE
            + " RETURNING o.entry_id, p.payout_id, o.partner_id, o.signed_amount),"
            + " ins AS (INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
            + " SELECT entry_id, payout_id, partner_id, signed_amount FROM moved"
            + " RETURNING payout_id, signed_amount)"
            + " SELECT payout_id, SUM(signed_amount) AS assigned FROM ins GROUP BY payout_id",
        ps -> {
          ps.setArray(
              1, c.createArrayOf("text", chunk.stream().map(p -> p.payoutId().value()).toArray()));
          ps.setArray(
              2, c.createArrayOf("text", chunk.stream().map(p -> p.partnerId().value()).toArray()));
          setInstant(ps, 3, bound);
          ps.setString(4, currency.getCurrencyCode());
        },
        0,
        rs -> Map.entry(rs.getString("payout_id"), rs.getBigDecimal("assigned")),
        e -> assigned.put(PayoutId.of(e.getKey()), total(e.getValue(), currency)));
    return assigned;
  }

  @Override
  void insertCloseLines(
      Connection c, List<PeriodCloseLine> lines, Jdbc.RowBinder<PeriodCloseLine> binder)
      throws SQLException {
    String[][] columns = Sql.columnArrays(lines, CLOSE_LINE_ARRAYS);
    Jdbc.update(c, INSERT_CLOSE_LINES_FROM_ARRAYS, ps -> Sql.setColumnArrays(c, ps, columns));
  }

  @Override
  String addToTotal() {
    return "INSERT INTO pp_partner_total ("
        + TOTAL_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
        + ADD_ON_CONFLICT;
  }
}
