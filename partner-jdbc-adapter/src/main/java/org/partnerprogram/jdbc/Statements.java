package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.PurgedTouches;

/**
 * Everything the stores say differently to each database, in one class per database (as ShedLock's
 * {@code SqlStatementsSource} has one subclass per database): this class holds the portable form,
 * which MariaDB and H2 share, and {@link PostgresStatements}, {@link MariaDbStatements} and {@link
 * H2Statements} override what their database does otherwise. SQL that is the same everywhere stays
 * next to its store.
 *
 * <p>Every method returning SQL text returns a constant (ParameterisedSqlTest checks it); an {@code
 * int} parameter only sizes an {@code IN} list of placeholders.
 *
 * <p>Longer than the house's ~500 lines on purpose: it is the one portable home of every statement
 * that differs by database (sessions, ledger appends with their open rows and totals, the outbox,
 * the close); split by store, one database's SQL would again stand in several files.
 */
abstract class Statements {
  /**
   * A payable entry's amount with its sign ({@code e} the entry): REVERSED and DEBITED subtract,
   * EARNED, CREDITED and WRITTEN_OFF add, as {@link LedgerEntry#signedAmount()}.
   */
  static final String SIGNED_AMOUNT =
      "CASE WHEN e.kind IN ('REVERSED', 'DEBITED') THEN -e.amount ELSE e.amount END";

  /** The columns of {@code pp_open_entry} (V11), in the order they are inserted. */
  static final String OPEN_COLUMNS =
      "partner_id, entry_id, payable_at, currency_code, signed_amount";

  /**
   * An open entry ({@code o}, a row of {@code pp_open_entry}: EARNED or REVERSED, in no payout)
   * that a close may pay, in a currency (parameters: the bound, the currency).
   */
  static final String OPEN_PAYABLE = "o.payable_at < ? AND o.currency_code = ?";

  /**
   * The start of a sum of open payable entries per partner, to be followed by how the partners are
   * bound ({@code o} the open entry).
   */
  static final String SUM_PER_PARTNER =
      "SELECT o.partner_id, SUM(o.signed_amount) AS payable FROM pp_open_entry o WHERE o.partner_id";

  /** Rows fetched per round trip when a statement's result may be large. */
  static final int FETCH_SIZE = 500;

  /**
   * The statements of a database.
   *
   * @param dialect the database; never null
   * @return its statements; never null
   */
  static Statements of(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> ByDatabase.POSTGRESQL;
      case MARIADB -> ByDatabase.MARIADB;
      case H2 -> ByDatabase.H2;
    };
  }

  /** One instance per database, outside this class so initialising it needs no subclass. */
  private static final class ByDatabase {
    static final Statements POSTGRESQL = new PostgresStatements();
    static final Statements MARIADB = new MariaDbStatements();
    static final Statements H2 = new H2Statements();
  }

  // ------------------------------------------------------------------ sessions and values

  /**
   * What a connection runs once when the adapter first uses it.
   *
   * @return a statement, or empty for none
   */
  String sessionSetup() {
    return "";
  }

  /**
   * The statement that puts only the next transaction at READ COMMITTED.
   *
   * @return the statement, or empty where the level must be set on the connection and restored
   */
  String readCommittedForOneTransaction() {
    return "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";
  }

  /**
   * Binds an instant that {@link Sql#storable} accepted.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the instant
   * @throws SQLException on failure
   */
  void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  /**
   * Reads an instant.
   *
   * @param rs the result
   * @param column the column
   * @return the instant, or empty if NULL
   * @throws SQLException on failure
   */
  Optional<Instant> getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(value).map(v -> v.toInstant().truncatedTo(ChronoUnit.MICROS));
  }

  // ------------------------------------------------------------------ fragments

  /**
   * The suffix that makes an insert duplicate-safe ({@link Sql#insertUnlessDuplicate}).
   *
   * @return the suffix, or empty where the duplicate-key error undoes only the statement
   */
  String onConflictDoNothing() {
    return "";
  }

  /**
   * The suffix that makes a text column compare and sort byte-wise, as Java compares ids.
   *
   * @return the suffix, or empty where the columns compare so already
   */
  String byteOrder() {
    return "";
  }

  /**
   * A page of at most 200 outbox rows after a sequence id whose payload, as text, is LIKE a pattern
   * (escape character {@code !}): parameters the sequence id and the pattern.
   *
   * @return the statement
   */
  String outboxRowsLike() {
    return "SELECT sequence_id, payload FROM pp_outbox WHERE sequence_id > ? AND payload LIKE ?"
        + " ESCAPE '!' ORDER BY sequence_id LIMIT 200";
  }

  /**
   * As {@link #outboxRowsLike()}, in one partner's rows (parameters: the sequence after, the
   * pattern, the partner).
   *
   * @return the statement
   */
  String outboxRowsOfPartnerLike() {
    return "SELECT sequence_id, payload FROM pp_outbox WHERE sequence_id > ? AND payload LIKE ?"
        + " ESCAPE '!' AND partner_id = ? ORDER BY sequence_id LIMIT 200";
  }

  /**
   * The placeholder of a JSON value bound as text.
   *
   * @return the placeholder
   */
  String jsonParameter() {
    return "?";
  }

  /**
   * The oldest touches of a time range, locked (parameters: the first instant of the range, the
   * first instant after it, the limit): their key and time, read through the index on touched_at
   * (V13) from the range's start.
   *
   * @return the statement
   */
  String lockTouchesBetween() {
    return "SELECT touch_id, touched_at FROM pp_touch WHERE touched_at >= ? AND touched_at < ?"
        + " ORDER BY touched_at FETCH FIRST ? ROWS ONLY FOR UPDATE";
  }

  /**
   * Deletes one batch of the oldest touches of a time range: the batch's keys locked by {@link
   * #lockTouchesBetween()}, then deleted by primary key in chunks of {@link Sql#IN_LIST}.
   *
   * @param c the connection of the unit of work
   * @param fromCutoffAndLimit binds the range's first instant, the cutoff and the limit, parameters
   *     1 to 3
   * @return how many touches this batch deleted and the time of the latest of them
   * @throws SQLException if the database fails
   */
  PurgedTouches deleteTouchesBetween(Connection c, Jdbc.Binder fromCutoffAndLimit)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    Jdbc.forEachRow(
        c,
        lockTouchesBetween(),
        fromCutoffAndLimit,
        rs -> {
          ids.add(rs.getLong("touch_id"));
          times.add(getInstant(rs, "touched_at").orElseThrow());
        });
    if (ids.isEmpty()) {
      return PurgedTouches.NONE;
    }
    deleteTouchesById(c, ids);
    // Every key was locked here, so every one was deleted here.
    return PurgedTouches.of(ids.size(), Collections.max(times));
  }

  /**
   * Deletes touches this unit of work has locked, by primary key, in chunks of {@link Sql#IN_LIST}.
   *
   * @param c the connection of the unit of work
   * @param ids the keys; not empty
   * @throws SQLException if the database fails
   */
  void deleteTouchesById(Connection c, List<Long> ids) throws SQLException {
    for (int from = 0; from < ids.size(); from += Sql.IN_LIST) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.IN_LIST));
      Jdbc.update(
          c,
          "DELETE FROM pp_touch WHERE touch_id IN (" + Sql.placeholders(chunk.size()) + ")",
          ps -> {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setLong(i + 1, chunk.get(i));
            }
          });
    }
  }

  /**
   * The attribution decisions due for pseudonymisation, locked (parameters: the bound, the limit):
   * their customer account and visitor id, the oldest signups first, read through the index of V14
   * on the decisions not yet taken.
   *
   * @return the statement
   */
  String lockInputsDue() {
    return "SELECT customer_account_id, visitor_id FROM pp_attribution"
        + " WHERE inputs_pseudonymised = FALSE AND signup_at < ? ORDER BY signup_at"
        + " FETCH FIRST ? ROWS ONLY FOR UPDATE";
  }

  /**
   * Deletes the payout-account history entries superseded earliest before a cutoff, a batch at a
   * time (parameters: the cutoff, the limit): by primary key from a subselect that reads the index
   * of V14 on superseded_at. Another instance deleting the same rows at the same time makes this
   * one delete fewer, never fail.
   *
   * @return the statement
   */
  String deleteSupersededAccounts() {
    return "DELETE FROM pp_payout_account_change WHERE (partner_id, partner_version) IN"
        + " (SELECT partner_id, partner_version FROM pp_payout_account_change"
        + " WHERE superseded_at < ? ORDER BY superseded_at FETCH FIRST ? ROWS ONLY)";
  }

  /**
   * Deletes one batch of superseded payout-account history entries.
   *
   * @param c the connection of the unit of work
   * @param cutoffAndLimit binds the cutoff and the limit, parameters 1 and 2
   * @return how many entries this statement deleted
   * @throws SQLException if the database fails
   */
  int deleteSupersededAccounts(Connection c, Jdbc.Binder cutoffAndLimit) throws SQLException {
    return Jdbc.update(c, deleteSupersededAccounts(), cutoffAndLimit);
  }

  /**
   * Whether the two rate cards in force for a partner are best read in one statement.
   *
   * @return true for one statement, false for one statement per card
   */
  boolean readsRateCardsInOneStatement() {
    return true;
  }

  // ------------------------------------------------------------------ ledger

  /**
   * The insert of one ledger entry (without {@link #onConflictDoNothing()}).
   *
   * @return the statement
   */
  String insertEntry() {
    return "INSERT INTO pp_ledger_entry (entry_order, "
        + JdbcLedgerStore.entryColumns()
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** Binds an entry to the 14 parameters of {@link #insertEntry()} after an offset. */
  @FunctionalInterface
  interface EntryBinder {
    /**
     * Binds the entry.
     *
     * @param ps the statement
     * @param offset how many parameters come before the entry's
     * @param entry the entry
     * @throws SQLException on failure
     */
    void bind(PreparedStatement ps, int offset, LedgerEntry entry) throws SQLException;
  }

  /** The parameters of one row of {@link #insertEntry()}. */
  static final int ENTRY_PARAMETERS = 14;

  /**
   * Appends ledger entries, with their open rows and their partners' totals: here one multi-row
   * INSERT per {@link Sql#IN_LIST} entries. A statement is atomic, so a duplicate leaves nothing of
   * its rows written, and the caller's one-by-one retry writes, opens and totals each of them once
   * (the chunks before it are complete).
   *
   * @param c the connection
   * @param entries the entries, in order
   * @param binder binds one entry's row
   * @return true if a unique key refused an entry; false if all were written
   * @throws SQLException on any other failure
   */
  boolean appendEntries(Connection c, List<LedgerEntry> entries, EntryBinder binder)
      throws SQLException {
    for (int from = 0; from < entries.size(); from += Sql.IN_LIST) {
      List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + Sql.IN_LIST));
      try {
        Jdbc.update(
            c,
            "INSERT INTO pp_ledger_entry (entry_order, "
                + JdbcLedgerStore.entryColumns()
                + ") VALUES "
                + Sql.rows(chunk.size(), ENTRY_PARAMETERS),
            ps -> {
              for (int i = 0; i < chunk.size(); i++) {
                binder.bind(ps, i * ENTRY_PARAMETERS, chunk.get(i));
              }
            });
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          return true;
        }
        throw e;
      }
      openEntries(c, chunk);
      addToTotals(c, chunk);
    }
    return false;
  }

  /**
   * Writes the open rows ({@code pp_open_entry}) of entries just written: one per payable entry
   * (EARNED, REVERSED or an adjustment), which awaits a payout from now on.
   *
   * @param c the connection
   * @param written entries this transaction has just written (others are skipped)
   * @throws SQLException on failure
   */
  void openEntries(Connection c, List<LedgerEntry> written) throws SQLException {
    List<LedgerEntry> payable = written.stream().filter(e -> e.payableAt().isPresent()).toList();
    if (payable.isEmpty()) {
      return;
    }
    try {
      Jdbc.batch(
          c,
          "INSERT INTO pp_open_entry (" + OPEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
          payable,
          (ps, e) -> {
            ps.setString(1, e.partnerId().value());
            ps.setString(2, e.entryId().toString());
            setInstant(ps, 3, Sql.storable("payableAt", e.payableAt().orElseThrow()));
            ps.setString(4, e.amount().currency().getCurrencyCode());
            ps.setBigDecimal(5, signedAmount(e));
          });
    } catch (BatchUpdateException e) {
      throw causeOf(e);
    }
  }

  /** The columns of {@code pp_partner_total} (V12), in the order they are inserted. */
  static final String TOTAL_COLUMNS =
      "partner_id, currency_code, stripe, accrued, cancelled, earned, reversed";

  /** How many rows a partner's totals are split over (V12). */
  static final int STRIPES = 8;

  /** A partner's totals row: partner, currency and stripe. */
  record TotalKey(String partner, String currency, int stripe) implements Comparable<TotalKey> {
    @Override
    public int compareTo(TotalKey o) {
      int byPartner = partner.compareTo(o.partner);
      if (byPartner != 0) {
        return byPartner;
      }
      int byCurrency = currency.compareTo(o.currency);
      return byCurrency != 0 ? byCurrency : Integer.compare(stripe, o.stripe);
    }
  }

  /**
   * Adds entries just written to their partners' totals ({@code pp_partner_total}): one upsert of
   * {@link #addToTotal()} per partner, currency and stripe (the stripe chosen by order), in key
   * order, so that two transactions lock totals rows in the same order. Adjustments are not in the
   * totals: a balance sums a partner's few adjustments from the ledger.
   *
   * @param c the connection
   * @param written entries this transaction has just written
   * @throws SQLException on failure
   */
  void addToTotals(Connection c, List<LedgerEntry> written) throws SQLException {
    Map<TotalKey, BigDecimal[]> totals = new TreeMap<>();
    for (LedgerEntry e : written) {
      if (e.kind().adjustment()) {
        continue;
      }
      BigDecimal[] sums =
          totals.computeIfAbsent(
              new TotalKey(
                  e.partnerId().value(),
                  e.amount().currency().getCurrencyCode(),
                  Math.floorMod(e.orderId().orElseThrow().value().hashCode(), STRIPES)),
              k ->
                  new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                  });
      int column =
          switch (e.kind()) {
            case ACCRUED -> 0;
            case CANCELLED -> 1;
            case EARNED -> 2;
            case REVERSED -> 3;
            case CREDITED, DEBITED, WRITTEN_OFF -> throw new IllegalStateException("skipped");
          };
      sums[column] = sums[column].add(e.amount().amount());
    }
    try {
      Jdbc.batch(
          c,
          addToTotal(),
          totals.entrySet(),
          (ps, t) -> {
            ps.setString(1, t.getKey().partner());
            ps.setString(2, t.getKey().currency());
            ps.setInt(3, t.getKey().stripe());
            for (int i = 0; i < 4; i++) {
              ps.setBigDecimal(4 + i, t.getValue()[i]);
            }
          });
    } catch (BatchUpdateException e) {
      throw causeOf(e);
    }
  }

  /**
   * The upsert that adds to one row of a partner's totals, creating it at zero first (parameters:
   * partner, currency, stripe, then the accrued, cancelled, earned and reversed amounts to add).
   *
   * @return the statement
   */
  String addToTotal() {
    return "INSERT INTO pp_partner_total ("
        + TOTAL_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE accrued = accrued + VALUES(accrued),"
        + " cancelled = cancelled + VALUES(cancelled), earned = earned + VALUES(earned),"
        + " reversed = reversed + VALUES(reversed)";
  }

  /** What an entry adds to a payout: {@link LedgerEntry#signedAmount()}. */
  static BigDecimal signedAmount(LedgerEntry e) {
    return e.signedAmount().amount();
  }

  /**
   * The failure behind a failed batch, which drivers wrap (MariaDB's wrapper has no SQLState, so
   * mapping the wrapper would turn a dropped connection into a non-retryable error).
   */
  private static SQLException causeOf(BatchUpdateException e) {
    SQLException s = e;
    for (int depth = 0; depth < 8 && s instanceof BatchUpdateException; depth++) {
      if (s.getCause() instanceof SQLException cause) {
        s = cause;
      } else if (s.getNextException() != null) {
        s = s.getNextException();
      } else {
        break;
      }
    }
    return s;
  }

  // ------------------------------------------------------------------ outbox

  /**
   * The insert of one outbox event.
   *
   * @return the statement
   */
  String insertEvent() {
    return "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
        + " payload) VALUES (?, ?, ?, ?, ?, "
        + jsonParameter()
        + ")";
  }

  /**
   * Events to write to the outbox and the JSON of each, position by position.
   *
   * @param events the events, at least two
   * @param json each event's JSON, by position
   */
  record EventRows(List<? extends ProgramEvent> events, List<String> json) {}

  /**
   * Writes several events to the outbox in one round trip, in list order: here a batch of {@link
   * #insertEvent()}.
   *
   * @param c the connection
   * @param rows the events and their JSON
   * @param binder binds the event at a position to {@link #insertEvent()}
   * @throws SQLException on failure
   */
  void insertEvents(Connection c, EventRows rows, Jdbc.RowBinder<Integer> binder)
      throws SQLException {
    List<Integer> positions =
        java.util.stream.IntStream.range(0, rows.events().size()).boxed().toList();
    Jdbc.batch(c, insertEvent(), positions, binder);
  }

  // ------------------------------------------------------------------ closing a month

  /**
   * Runs work that inserts many rows referencing {@code pp_payout}; here it just runs it.
   *
   * @param c the connection
   * @param work the work
   * @return what the work returned
   * @throws SQLException on failure
   */
  <T> T foreignKeysCheckedByIndex(Connection c, Sql.Work<T> work) throws SQLException {
    return work.apply(c);
  }

  /**
   * Per partner with any, the sum of its open payable entries, aggregated in storage.
   *
   * @param c the connection
   * @param partners the partners, at most {@link Sql#IN_LIST}
   * @param bound payable before this (whole microseconds)
   * @param currency the currency
   * @return partner id to sum
   * @throws SQLException on failure
   */
  Map<String, BigDecimal> unassignedSums(
      Connection c, List<String> partners, Instant bound, Currency currency) throws SQLException {
    return sums(
        c,
        SUM_PER_PARTNER
            + " IN ("
            + Sql.placeholders(partners.size())
            + ") AND "
            + OPEN_PAYABLE
            + " GROUP BY o.partner_id",
        idsBoundCurrency(partners, bound, currency));
  }

  /** Rows of (partner_id, payable) as a map, a NULL sum as zero. */
  static Map<String, BigDecimal> sums(Connection c, String sql, Jdbc.Binder binder)
      throws SQLException {
    Map<String, BigDecimal> sums = new HashMap<>();
    Jdbc.forEach(
        c,
        sql,
        binder,
        0,
        rs -> Map.entry(rs.getString("partner_id"), orZero(rs.getBigDecimal("payable"))),
        e -> sums.put(e.getKey(), e.getValue()));
    return sums;
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  /**
   * Assigns a partner's open payable entries to a payout: here one INSERT … SELECT (the primary key
   * on {@code entry_id} refuses an entry already assigned), then {@link #closeAssigned} for the
   * payout.
   *
   * @param c the connection
   * @param payoutId the payout
   * @param partnerId its partner
   * @param bound payable before this (whole microseconds)
   * @param currency the currency
   * @return how many entries were assigned
   * @throws SQLException on failure
   */
  int assignEntriesOfPartner(
      Connection c, String payoutId, String partnerId, Instant bound, Currency currency)
      throws SQLException {
    int assigned =
        Jdbc.update(
            c,
            "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
                + " SELECT o.entry_id, ?, o.partner_id, o.signed_amount"
                + " FROM pp_open_entry o WHERE o.partner_id = ? AND "
                + OPEN_PAYABLE,
            ps -> {
              ps.setString(1, payoutId);
              ps.setString(2, partnerId);
              setInstant(ps, 3, bound);
              ps.setString(4, currency.getCurrencyCode());
            });
    if (assigned > 0) {
      closeAssigned(c, 1, ps -> ps.setString(1, payoutId));
    }
    return assigned;
  }

  /**
   * Deletes the open rows of the entries the payouts were just assigned (exactly those in their
   * items, so an entry that became open since the assignment stays open).
   *
   * @param c the connection
   * @param payouts how many payout ids {@code bindPayouts} binds from parameter 1
   * @param bindPayouts binds the payouts' ids
   * @throws SQLException on failure
   */
  void closeAssigned(Connection c, int payouts, Jdbc.Binder bindPayouts) throws SQLException {
    Jdbc.update(
        c,
        "DELETE FROM pp_open_entry WHERE entry_id IN (SELECT i.entry_id FROM pp_payout_item i"
            + " WHERE i.payout_id IN ("
            + Sql.placeholders(payouts)
            + "))",
        bindPayouts);
  }

  /**
   * Makes a payout's entries open again, before its items are deleted (a failed payout's release,
   * or a close deleting a payout it made).
   *
   * @param c the connection
   * @param payoutId the payout
   * @throws SQLException on failure
   */
  void reopen(Connection c, String payoutId) throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO pp_open_entry ("
            + OPEN_COLUMNS
            + ") SELECT e.partner_id, e.entry_id, e.payable_at, e.currency_code, i.signed_amount"
            + " FROM pp_payout_item i JOIN pp_ledger_entry e ON e.entry_id = i.entry_id"
            + " WHERE i.payout_id = ?",
        ps -> ps.setString(1, payoutId));
  }

  /**
   * The insert of one payout.
   *
   * @return the statement
   */
  String insertPayout() {
    return "INSERT INTO pp_payout ("
        + JdbcPayoutStore.payoutColumns()
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * Inserts payouts in one round trip: here a batch of {@link #insertPayout()}.
   *
   * @param c the connection
   * @param payouts the payouts
   * @param binder binds one payout to {@link #insertPayout()}
   * @throws SQLException on failure
   */
  void insertPayouts(Connection c, List<Payout> payouts, Jdbc.RowBinder<Payout> binder)
      throws SQLException {
    Jdbc.batch(c, insertPayout(), payouts, binder);
  }

  /**
   * Assigns the payable entries of new payouts' partners to them and records what each payout got:
   * here one INSERT … SELECT for the chunk, joined through the payouts' partners, after which the
   * payouts' sums are read from their items' index (V7). The payouts are new, so all they hold is
   * what this assigned (summing the entries before the insert instead would miss a concurrent
   * transaction's changes in between).
   *
   * @param c the connection
   * @param chunk new payouts, at most {@link Sql#IN_LIST}, one per partner
   * @param bound payable before this (whole microseconds)
   * @param currency the currency
   * @return each payout's assigned sum, for the payouts that got any
   * @throws SQLException on failure
   */
  Map<PayoutId, Money> assignNewPayouts(
      Connection c, List<Payout> chunk, Instant bound, Currency currency) throws SQLException {
    List<String> ids = chunk.stream().map(p -> p.payoutId().value()).toList();
    Jdbc.update(
        c,
        ITEMS_FROM_OPEN_ROWS_OF + Sql.placeholders(chunk.size()) + OPEN_PAYABLE_AFTER_LIST,
        idsBoundCurrency(ids, bound, currency));
    closeAssigned(c, chunk.size(), ps -> bindAll(ps, 1, ids));
    Map<PayoutId, Money> assigned = new HashMap<>();
    Jdbc.forEach(
        c,
        "SELECT payout_id, SUM(signed_amount) AS assigned FROM pp_payout_item WHERE payout_id IN ("
            + Sql.placeholders(chunk.size())
            + ") GROUP BY payout_id",
        ps -> bindAll(ps, 1, ids),
        0,
        rs -> Map.entry(rs.getString("payout_id"), rs.getBigDecimal("assigned")),
        e -> assigned.put(PayoutId.of(e.getKey()), total(e.getValue(), currency)));
    return assigned;
  }

  /**
   * The items of new payouts from the open payable rows of their partners, to be followed by the
   * payouts' placeholders and {@link #OPEN_PAYABLE_AFTER_LIST} (parameters: the payouts' ids, the
   * bound, the currency; {@link #idsBoundCurrency}).
   */
  static final String ITEMS_FROM_OPEN_ROWS_OF =
      "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
          + " SELECT o.entry_id, p.payout_id, o.partner_id, o.signed_amount"
          + " FROM pp_payout p JOIN pp_open_entry o ON o.partner_id = p.partner_id"
          + " WHERE p.payout_id IN (";

  /** Closes an IN list and narrows to the open rows payable before the bound, in a currency. */
  static final String OPEN_PAYABLE_AFTER_LIST = ") AND " + OPEN_PAYABLE;

  /** Binds ids from the first parameter on, then a bound and a currency. */
  Jdbc.Binder idsBoundCurrency(List<String> ids, Instant bound, Currency currency) {
    return ps -> {
      int i = bindAll(ps, 1, ids);
      setInstant(ps, i++, bound);
      ps.setString(i, currency.getCurrencyCode());
    };
  }

  /** Binds the texts from {@code index} on; returns the next index. */
  static int bindAll(PreparedStatement ps, int index, List<String> values) throws SQLException {
    int i = index;
    for (String value : values) {
      ps.setString(i++, value);
    }
    return i;
  }

  /** A sum the SDK computed, NULL as zero. */
  static Money total(BigDecimal amount, Currency currency) {
    return Money.total(orZero(amount), currency);
  }

  /**
   * The insert of one close line.
   *
   * @return the statement
   */
  String insertCloseLine() {
    return "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code, payout_id,"
        + " carry_over_reason) VALUES (?, ?, ?, ?, ?, ?)";
  }

  /**
   * Inserts close lines in one round trip: here a batch of {@link #insertCloseLine()}.
   *
   * @param c the connection
   * @param lines the lines
   * @param binder binds one line to {@link #insertCloseLine()}
   * @throws SQLException on failure
   */
  void insertCloseLines(
      Connection c, List<PeriodCloseLine> lines, Jdbc.RowBinder<PeriodCloseLine> binder)
      throws SQLException {
    Jdbc.batch(c, insertCloseLine(), lines, binder);
  }

  /**
   * Records, for a chunk of partners, which of their open payable entries a close carried over
   * (parameters: month, the partners, bound, currency).
   *
   * @param partners how many partners, at most {@link Sql#IN_LIST}
   * @return the statement
   */
  String carryOver(int partners) {
    return "INSERT INTO pp_carried_item (period, partner_id, entry_id, signed_amount)"
        + " SELECT ?, o.partner_id, o.entry_id, o.signed_amount"
        + " FROM pp_open_entry o WHERE o.partner_id IN ("
        + Sql.placeholders(partners)
        + ") AND "
        + OPEN_PAYABLE;
  }
}
