package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutTotals;

/**
 * {@link LedgerStore} over {@code pp_commission_line} (primary key (order, line); a CHECK keeps the
 * commission between zero and the net amount) and the append-only {@code pp_ledger_entry} (unique
 * (source event, order, line, kind)). Duplicates, also from concurrent transactions, are refused by
 * those keys and reported as {@code false}. An entry is written with its open row (V11) and added
 * to its partner's totals (V12) in the same transaction; the balance is one statement over those
 * totals, the held entries' index range and the payouts. (A little over ~500 lines: the balance's
 * SQL and the entry and line mappers belong with the tables they read.)
 */
final class JdbcLedgerStore implements LedgerStore {
  private static final String LINE_COLUMNS =
      "order_id, line_number, partner_id, product_id, net_amount, currency_code, rate_kind,"
          + " rate_percentage, rate_amount, rate_currency_code, rate_version_partner_id,"
          + " rate_version_number, commission_amount, commission_currency, placed_at,"
          + " source_event_id";
  private static final String ENTRY_COLUMNS =
      "entry_id, partner_id, order_id, line_number, kind, amount, currency_code, base_amount,"
          + " base_currency, occurred_at, payable_at, source_event_id, recorded_at";

  /** A partner's entries recorded by an instant (parameters: partner, instant). */
  private static final String ENTRIES_OF_PARTNER =
      "SELECT " + ENTRY_COLUMNS + " FROM pp_ledger_entry WHERE partner_id = ? AND recorded_at <= ?";

  /**
   * After the previous page's last entry (recorded_at, entry_order), in sort order. The redundant
   * {@code recorded_at >= ?} is what starts the index range at the previous page's end: without it
   * PostgreSQL takes only {@code partner_id = ? AND recorded_at <= ?} as the range and filters the
   * {@code OR} row by row, so every page rescanned all the pages before it.
   */
  private static final String ENTRIES_AFTER =
      " AND recorded_at >= ? AND (recorded_at > ? OR (recorded_at = ? AND entry_order > ?))";

  private static final String ENTRIES_ORDER = " ORDER BY recorded_at, entry_order LIMIT ?";

  /**
   * A scalar subquery summing the partner's entries of one currency and kind (parameters: partner,
   * currency), to be closed with the kind, optionally {@link #HELD}, and a parenthesis.
   */
  private static final String SUM_OF_KIND =
      "(SELECT SUM(amount) FROM pp_ledger_entry WHERE partner_id = ? AND currency_code = ?"
          + " AND kind = ";

  /**
   * A scalar subquery summing the partner's adjustments of one currency with their signs
   * (parameters: partner, currency), to be closed, optionally after {@link #HELD}, with a
   * parenthesis: a range of ix_pp_ledger_entry_payable per adjustment kind (a partner has few).
   */
  private static final String ADJUSTED =
      "(SELECT SUM(CASE WHEN kind = 'DEBITED' THEN -amount ELSE amount END) FROM pp_ledger_entry"
          + " WHERE partner_id = ? AND currency_code = ?"
          + " AND kind IN ('CREDITED', 'DEBITED', 'WRITTEN_OFF')";

  /** Narrows a {@link #SUM_OF_KIND} to the entries payable after an instant (parameter). */
  private static final String HELD = " AND payable_at > ?";

  /**
   * A sum of a partner's totals (V12) over their stripes, to be followed by the column and {@code
   * ")"} (parameters: partner, currency).
   */
  private static final String TOTAL_OF = "(SELECT SUM(";

  private static final String TOTAL_WHERE =
      ") FROM pp_partner_total WHERE partner_id = ? AND currency_code = ?)";

  /**
   * The balance's eight sums: the four totals of the partner's entries by kind from {@code
   * pp_partner_total} (a few rows, whatever the partner's history), and the EARNED and REVERSED
   * entries still held (payable after asOf: the holding period's, usually few) from a range of
   * ix_pp_ledger_entry_payable (partner, kind, payable_at, carrying currency and amount). Payable
   * is the rest.
   */
  private static final String BALANCE =
      "SELECT "
          + TOTAL_OF
          + "accrued"
          + TOTAL_WHERE
          + " AS accrued, "
          + TOTAL_OF
          + "cancelled"
          + TOTAL_WHERE
          + " AS cancelled, "
          + TOTAL_OF
          + "earned"
          + TOTAL_WHERE
          + " AS earned, "
          + SUM_OF_KIND
          + "'EARNED'"
          + HELD
          + ") AS earned_held, "
          + TOTAL_OF
          + "reversed"
          + TOTAL_WHERE
          + " AS reversed, "
          + SUM_OF_KIND
          + "'REVERSED'"
          + HELD
          + ") AS reversed_held, "
          + ADJUSTED
          + ") AS adjusted, "
          + ADJUSTED
          + HELD
          + ") AS adjusted_held";

  /**
   * A partner's payouts on their way and paid, as two columns {@code in_payout} and {@code paid}
   * (null for none; parameters: partner and currency, twice).
   */
  private static final String PAYOUT_TOTALS =
      "(SELECT SUM(amount) FROM pp_payout WHERE partner_id = ? AND currency_code = ?"
          + " AND status IN ('CREATED', 'EXPORTED')) AS in_payout,"
          + " (SELECT SUM(amount) FROM pp_payout WHERE partner_id = ? AND currency_code = ?"
          + " AND status = 'PAID') AS paid";

  private static final String BALANCE_NET_OF_PAYOUTS = BALANCE + ", " + PAYOUT_TOTALS;

  private static final String PERCENTAGE = "PERCENTAGE";
  private static final String FIXED = "FIXED";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcLedgerStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * The sort key of an entry id: its two halves with the sign bit flipped, as 32 hex digits, so
   * that comparing the keys as text compares the ids as {@link UUID#compareTo} does.
   *
   * @param id the entry id
   * @return 32 lower-case hex digits
   */
  static String sortKey(UUID id) {
    return String.format(
        Locale.ROOT,
        "%016x%016x",
        id.getMostSignificantBits() ^ Long.MIN_VALUE,
        id.getLeastSignificantBits() ^ Long.MIN_VALUE);
  }

  @Override
  public boolean insertLine(CommissionLine line) {
    return sql.run(
        "pricing line " + line.lineNumber() + " of order " + line.orderId(),
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_commission_line ("
                    + LINE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> bindLine(ps, line)));
  }

  private void bindLine(PreparedStatement ps, CommissionLine line) throws SQLException {
    ps.setString(1, line.orderId().value());
    ps.setInt(2, line.lineNumber());
    ps.setString(3, line.partnerId().value());
    ps.setString(4, line.productId().value());
    Sql.setMoney(ps, 5, 6, line.net());
    Rate rate = line.rate().orElse(null);
    if (rate instanceof Rate.Percentage p) {
      ps.setString(7, PERCENTAGE);
      ps.setBigDecimal(8, p.percent());
      ps.setNull(9, Types.DECIMAL);
      ps.setNull(10, Types.CHAR);
    } else if (rate instanceof Rate.FixedAmount f) {
      ps.setString(7, FIXED);
      ps.setNull(8, Types.DECIMAL);
      Sql.setMoney(ps, 9, 10, f.amount());
    } else {
      ps.setNull(7, Types.VARCHAR);
      ps.setNull(8, Types.DECIMAL);
      ps.setNull(9, Types.DECIMAL);
      ps.setNull(10, Types.CHAR);
    }
    Optional<CommissionLine.RateVersionRef> version = line.rateVersion();
    ps.setString(
        11,
        version
            .flatMap(CommissionLine.RateVersionRef::overrideFor)
            .map(PartnerId::value)
            .orElse(null));
    if (version.isPresent()) {
      ps.setInt(12, version.get().number());
    } else {
      ps.setNull(12, Types.INTEGER);
    }
    Sql.setMoney(ps, 13, 14, line.commission());
    sql.setInstant(ps, 15, "placedAt", line.placedAt());
    ps.setString(16, line.sourceEvent().value());
  }

  @Override
  public List<CommissionLine> linesOfOrder(OrderId orderId) {
    return sql.run(
        "reading the priced lines of order " + orderId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + LINE_COLUMNS
                    + " FROM pp_commission_line WHERE order_id = ? ORDER BY line_number",
                ps -> ps.setString(1, orderId.value()),
                this::readLine));
  }

  private CommissionLine readLine(ResultSet rs) throws SQLException {
    String kind = rs.getString("rate_kind");
    Optional<Rate> rate = Optional.empty();
    if (PERCENTAGE.equals(kind)) {
      rate = Optional.of(new Rate.Percentage(rs.getBigDecimal("rate_percentage")));
    } else if (FIXED.equals(kind)) {
      rate = Optional.of(Rate.fixed(Sql.getMoney(rs, "rate_amount", "rate_currency_code")));
    }
    int number = rs.getInt("rate_version_number");
    Optional<CommissionLine.RateVersionRef> version =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new CommissionLine.RateVersionRef(
                    Optional.ofNullable(rs.getString("rate_version_partner_id")).map(PartnerId::of),
                    number));
    return new CommissionLine(
        OrderId.of(rs.getString("order_id")),
        rs.getInt("line_number"),
        PartnerId.of(rs.getString("partner_id")),
        ProductId.of(rs.getString("product_id")),
        Sql.getMoney(rs, "net_amount", "currency_code"),
        rate,
        version,
        Sql.getMoney(rs, "commission_amount", "commission_currency"),
        sql.getRequiredInstant(rs, "placed_at"),
        EventId.of(rs.getString("source_event_id")));
  }

  @Override
  public boolean append(LedgerEntry entry) {
    return sql.run(
        "appending a " + entry.kind() + " entry for order " + entry.orderId(),
        c -> {
          boolean written =
              Jdbc.insertUnlessDuplicate(
                  c,
                  sql.statements().insertEntry() + sql.onConflictDoNothing(),
                  ps -> bindEntry(ps, 0, entry));
          if (written) {
            sql.statements().openEntries(c, List.of(entry));
            sql.statements().addToTotals(c, List.of(entry));
          }
          return written;
        });
  }

  /**
   * Appends the entries in one round trip ({@link Statements#appendEntries}). Where a duplicate
   * fails the round trip, each entry is then appended on its own, which skips the duplicates and
   * those entries written before it failed, so the outcome is the same whatever part of it ran.
   */
  @Override
  public void appendAll(List<LedgerEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    if (entries.size() <= 1) {
      entries.forEach(this::append);
      return;
    }
    boolean duplicate =
        sql.run(
            "appending " + entries.size() + " entries for order " + entries.get(0).orderId(),
            c -> sql.statements().appendEntries(c, entries, this::bindEntry));
    if (duplicate) {
      entries.forEach(this::append);
    }
  }

  /**
   * Binds an entry to the 14 parameters of {@link Statements#insertEntry()} that follow {@code
   * offset} (0 for the first row of a statement, 14 for the second...).
   */
  private void bindEntry(PreparedStatement ps, int offset, LedgerEntry entry) throws SQLException {
    int i = offset;
    ps.setString(i + 1, sortKey(entry.entryId()));
    ps.setString(i + 2, entry.entryId().toString());
    ps.setString(i + 3, entry.partnerId().value());
    ps.setString(i + 4, entry.orderId().map(OrderId::value).orElse(null));
    ps.setInt(i + 5, entry.lineNumber());
    ps.setString(i + 6, entry.kind().name());
    Sql.setMoney(ps, i + 7, i + 8, entry.amount());
    Sql.setMoney(ps, i + 9, i + 10, entry.base());
    sql.setInstant(ps, i + 11, "occurredAt", entry.occurredAt());
    sql.setInstant(ps, i + 12, "payableAt", entry.payableAt());
    ps.setString(i + 13, entry.sourceEvent().value());
    sql.setInstant(ps, i + 14, "recordedAt", entry.recordedAt());
  }

  @Override
  public List<LedgerEntry> entriesOfOrder(OrderId orderId) {
    return sql.run(
        "reading the ledger entries of order " + orderId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + ENTRY_COLUMNS
                    + " FROM pp_ledger_entry WHERE order_id = ?"
                    + " ORDER BY recorded_at, line_number, "
                    + kindOrder(),
                ps -> ps.setString(1, orderId.value()),
                this::readEntry));
  }

  @Override
  public List<LedgerEntry> entriesOfEvent(EventId eventId) {
    return sql.run(
        "reading the ledger entries of event " + eventId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + ENTRY_COLUMNS
                    + " FROM pp_ledger_entry WHERE source_event_id = ? ORDER BY line_number, "
                    + kindOrder(),
                ps -> ps.setString(1, eventId.value()),
                this::readEntry));
  }

  @Override
  public List<LedgerEntry> recentEntries(PartnerId partnerId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading the recent ledger entries of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + ENTRY_COLUMNS
                    + " FROM pp_ledger_entry WHERE partner_id = ?"
                    + " ORDER BY recorded_at DESC, entry_order DESC LIMIT ?",
                ps -> {
                  ps.setString(1, partnerId.value());
                  ps.setInt(2, limit);
                },
                this::readEntry));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A range of {@code ix_pp_ledger_entry_partner} (partner, recorded_at, entry_order; V2) in
   * index order; {@code entry_order} sorts as {@link UUID#compareTo} does. The keyset continues
   * with {@code a >= ? AND (a > ? OR (a = ? AND b > ?))}: the first term is the index range every
   * database can start from, the rest is filtered within it.
   */
  @Override
  public List<LedgerEntry> entriesOfPartner(
      PartnerId partnerId, Instant recordedBy, Optional<EntryKey> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading a page of the ledger entries of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                after.isPresent()
                    ? ENTRIES_OF_PARTNER + ENTRIES_AFTER + ENTRIES_ORDER
                    : ENTRIES_OF_PARTNER + ENTRIES_ORDER,
                ps -> {
                  int i = 1;
                  ps.setString(i++, partnerId.value());
                  sql.setInstant(ps, i++, "recordedBy", recordedBy);
                  if (after.isPresent()) {
                    sql.setInstant(ps, i++, "after", after.get().recordedAt());
                    sql.setInstant(ps, i++, "after", after.get().recordedAt());
                    sql.setInstant(ps, i++, "after", after.get().recordedAt());
                    ps.setString(i++, sortKey(after.get().entryId()));
                  }
                  ps.setInt(i, limit);
                },
                this::readEntry));
  }

  /** Orders kinds as the enum declares them (ACCRUED, EARNED, CANCELLED, REVERSED, ...). */
  private static String kindOrder() {
    return "CASE kind WHEN 'ACCRUED' THEN 0 WHEN 'EARNED' THEN 1 WHEN 'CANCELLED' THEN 2"
        + " WHEN 'REVERSED' THEN 3 WHEN 'CREDITED' THEN 4 WHEN 'DEBITED' THEN 5 ELSE 6 END";
  }

  /**
   * The columns {@link #readEntries} reads, unqualified, for {@code SELECT} lists over {@code
   * pp_ledger_entry}.
   *
   * @return the column list
   */
  static String entryColumns() {
    return ENTRY_COLUMNS;
  }

  /**
   * Runs a query selecting {@link #entryColumns()} and maps its rows to ledger entries.
   *
   * @param ps the query, parameters bound
   * @return the entries in the query's order
   * @throws SQLException on failure
   */
  List<LedgerEntry> readEntries(PreparedStatement ps) throws SQLException {
    List<LedgerEntry> entries = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        entries.add(readEntry(rs));
      }
    }
    return List.copyOf(entries);
  }

  /**
   * Maps the current row of a query selecting {@link #entryColumns()} to a ledger entry.
   *
   * @param rs the result, on the row
   * @return the entry
   * @throws SQLException on failure
   */
  LedgerEntry readEntry(ResultSet rs) throws SQLException {
    return new LedgerEntry(
        UUID.fromString(rs.getString("entry_id")),
        PartnerId.of(rs.getString("partner_id")),
        Optional.ofNullable(rs.getString("order_id")).map(OrderId::of),
        rs.getInt("line_number"),
        LedgerEntry.Kind.valueOf(rs.getString("kind")),
        Sql.getMoney(rs, "amount", "currency_code"),
        Sql.getMoney(rs, "base_amount", "base_currency"),
        sql.getRequiredInstant(rs, "occurred_at"),
        sql.getInstant(rs, "payable_at"),
        EventId.of(rs.getString("source_event_id")),
        sql.getRequiredInstant(rs, "recorded_at"));
  }

  /** The columns of {@code pp_adjustment} (V18), in the order they are inserted. */
  private static final String ADJUSTMENT_COLUMNS =
      "adjustment_id, entry_id, partner_id, type, amount, currency_code, ref_order_id,"
          + " ref_line_number, actor, reason, booked_at";

  @Override
  public void insertAdjustment(Adjustment adjustment) {
    sql.run(
        "storing adjustment " + adjustment.adjustmentId(),
        c ->
            Jdbc.update(
                c,
                "INSERT INTO pp_adjustment ("
                    + ADJUSTMENT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                  ps.setString(1, adjustment.adjustmentId().value());
                  ps.setString(2, adjustment.entryId().toString());
                  ps.setString(3, adjustment.partnerId().value());
                  ps.setString(4, adjustment.type().name());
                  Sql.setMoney(ps, 5, 6, adjustment.amount());
                  ps.setString(7, adjustment.refersTo().map(r -> r.orderId().value()).orElse(null));
                  ps.setObject(
                      8,
                      adjustment.refersTo().map(Adjustment.OrderLineRef::lineNumber).orElse(null));
                  ps.setString(9, adjustment.act().actor());
                  ps.setString(10, adjustment.act().reason());
                  sql.setInstant(ps, 11, "bookedAt", adjustment.bookedAt());
                }));
  }

  @Override
  public Optional<Adjustment> findAdjustment(EventId adjustmentId) {
    return sql.run(
        "reading adjustment " + adjustmentId,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT " + ADJUSTMENT_COLUMNS + " FROM pp_adjustment WHERE adjustment_id = ?",
                ps -> ps.setString(1, adjustmentId.value()),
                this::readAdjustment));
  }

  @Override
  public List<Adjustment> adjustmentsOfEntries(Collection<UUID> entryIds) {
    List<String> keys = entryIds.stream().distinct().map(UUID::toString).toList();
    if (keys.isEmpty()) {
      return List.of();
    }
    return sql.run(
        "reading the adjustments of " + keys.size() + " entries",
        c -> {
          List<Adjustment> found = new ArrayList<>();
          for (int from = 0; from < keys.size(); from += Sql.IN_LIST) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + Sql.IN_LIST));
            found.addAll(
                Jdbc.query(
                    c,
                    "SELECT "
                        + ADJUSTMENT_COLUMNS
                        + " FROM pp_adjustment WHERE entry_id IN ("
                        + Sql.placeholders(chunk.size())
                        + ")",
                    ps -> {
                      for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                      }
                    },
                    this::readAdjustment));
          }
          found.sort(
              Comparator.comparing(Adjustment::bookedAt)
                  .thenComparing(a -> a.adjustmentId().value()));
          return List.copyOf(found);
        });
  }

  private Adjustment readAdjustment(ResultSet rs) throws SQLException {
    String refOrder = rs.getString("ref_order_id");
    return new Adjustment(
        EventId.of(rs.getString("adjustment_id")),
        UUID.fromString(rs.getString("entry_id")),
        PartnerId.of(rs.getString("partner_id")),
        Adjustment.Type.valueOf(rs.getString("type")),
        Sql.getMoney(rs, "amount", "currency_code"),
        refOrder == null
            ? Optional.empty()
            : Optional.of(
                new Adjustment.OrderLineRef(OrderId.of(refOrder), rs.getInt("ref_line_number"))),
        Act.by(rs.getString("actor"), rs.getString("reason")),
        sql.getRequiredInstant(rs, "booked_at"));
  }

  @Override
  public Balance balance(PartnerId partnerId, Currency currency, Instant asOf) {
    return balance(partnerId, currency, asOf, false);
  }

  /**
   * {@link #balance} with the payouts netted as {@link
   * org.partnerprogram.core.port.out.ProgramStorage#balanceNetOfPayouts} defines it ({@code
   * inPayout} and {@code paid} the totals of {@link JdbcPayoutStore#payoutTotals}, {@code payable}
   * net of both), in one statement.
   *
   * @param partnerId the partner
   * @param currency the programme currency
   * @param asOf the instant that separates held from payable
   * @return the balance
   */
  public Balance balanceNetOfPayouts(PartnerId partnerId, Currency currency, Instant asOf) {
    return balance(partnerId, currency, asOf, true);
  }

  private Balance balance(PartnerId partnerId, Currency currency, Instant asOf, boolean netted) {
    // Entries keep microseconds, so cutting asOf to microseconds separates them alike.
    return sql.run(
        "computing the balance of partner " + partnerId,
        c ->
            Jdbc.queryOne(
                c,
                netted ? BALANCE_NET_OF_PAYOUTS : BALANCE,
                ps -> {
                  Instant bound = Sql.storable("asOf", asOf.truncatedTo(ChronoUnit.MICROS));
                  int index = 1;
                  for (int sum = 0; sum < (netted ? 10 : 8); sum++) {
                    ps.setString(index++, partnerId.value());
                    ps.setString(index++, currency.getCurrencyCode());
                    // the 4th, 6th and 8th sums are the held ones
                    if (sum == 3 || sum == 5 || sum == 7) {
                      sql.setInstant(ps, index++, "asOf", bound);
                    }
                  }
                },
                rs -> balance(rs, currency, netted)));
  }

  private static Balance balance(ResultSet rs, Currency currency, boolean netted)
      throws SQLException {
    Money accrued = money(rs, "accrued", currency);
    Money cancelled = money(rs, "cancelled", currency);
    Money earned = money(rs, "earned", currency);
    Money earnedHeld = money(rs, "earned_held", currency);
    Money reversed = money(rs, "reversed", currency);
    Money reversedHeld = money(rs, "reversed_held", currency);
    Money adjusted = money(rs, "adjusted", currency);
    Money adjustedHeld = money(rs, "adjusted_held", currency);
    Money inPayout = netted ? money(rs, "in_payout", currency) : Money.zero(currency);
    Money paid = netted ? money(rs, "paid", currency) : Money.zero(currency);
    return new Balance(
        accrued.minus(earned).minus(cancelled),
        earnedHeld.minus(reversedHeld).plus(adjustedHeld),
        earned
            .minus(earnedHeld)
            .minus(reversed.minus(reversedHeld))
            .plus(adjusted.minus(adjustedHeld))
            .minus(inPayout)
            .minus(paid),
        inPayout,
        paid,
        earned,
        reversed,
        adjusted);
  }

  /**
   * The totals of {@link JdbcPayoutStore#payoutTotals}, in one statement.
   *
   * @param partnerId the partner
   * @param currency the programme currency
   * @return the totals
   */
  PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
    return sql.run(
        "totalling the payouts of partner " + partnerId,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + PAYOUT_TOTALS,
                ps -> {
                  for (int i = 0; i < 2; i++) {
                    ps.setString(2 * i + 1, partnerId.value());
                    ps.setString(2 * i + 2, currency.getCurrencyCode());
                  }
                },
                rs ->
                    new PayoutTotals(
                        money(rs, "in_payout", currency), money(rs, "paid", currency))));
  }

  @Override
  public Optional<Instant> firstPayableAt() {
    return sql.run(
        "finding the first payable entry",
        c ->
            Jdbc.queryOne(
                c,
                "SELECT MIN(payable_at) AS first_payable FROM pp_ledger_entry"
                    + " WHERE kind IN ('EARNED', 'REVERSED', 'CREDITED', 'DEBITED', 'WRITTEN_OFF')",
                Jdbc.NONE,
                rs -> sql.getInstant(rs, "first_payable")));
  }

  private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
    BigDecimal amount = rs.getBigDecimal(column);
    return Money.total(amount == null ? BigDecimal.ZERO : amount, currency);
  }

  @Override
  public List<LedgerLine> ledgerLines(LinesWanted wanted) {
    return new JdbcLedgerQueries(sql).ledgerLines(wanted);
  }
}
