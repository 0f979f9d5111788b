package org.partnerprogram.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;
import org.partnerprogram.jdbc.Dialect;

/**
 * {@link PayoutStore} over {@code pp_period_close} (primary key period: one close per month, also
 * across instances), {@code pp_payout}, {@code pp_payout_item} (primary key entry_id: a ledger
 * entry is paid in at most one payout) and {@code pp_period_close_line}. The close's aggregate and
 * its assignment of entries run in storage: entries are never loaded to pay them.
 */
public final class JdbcPayoutStore implements PayoutStore {
  private static final String PAYOUT_COLUMNS =
      "payout_id, partner_id, period, amount, currency_code, iban, holder_name, status,"
          + " created_at, status_changed_at, failure_reason";

  /** EARNED adds, REVERSED subtracts. */
  private static final String SIGNED_AMOUNT =
      "CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END";

  /** An entry of the ledger that a close may pay ({@code e} the entry). */
  private static final String PAYABLE = "e.kind IN ('EARNED', 'REVERSED') AND e.payable_at < ?";

  /** An entry of the ledger that a close may pay and no payout pays yet ({@code e} the entry). */
  private static final String UNASSIGNED =
      PAYABLE + " AND NOT EXISTS (SELECT 1 FROM pp_payout_item i WHERE i.entry_id = e.entry_id)";

  /**
   * MariaDB (not MySQL): {@link #UNASSIGNED} for the entries of a close's chunk of partners, up to
   * the chunk's IN list: the statement appends {@code Sql.placeholders(n)} and {@code "))"}, binds
   * the partners after the before bound ({@code e} the entry), and starts with {@link
   * #MATERIALISED}.
   *
   * <p>The entries already paid are read once per statement: the chunk's partners' payouts by the
   * payouts' partner index, then each payout's items by the items' payout index, materialised,
   * instead of one lookup in the items' primary key per payable entry, a key that grows with every
   * close. {@code STRAIGHT_JOIN} keeps that order: on tables analysed empty (a first close) the
   * planner would rather scan all items. It relies on what every close here writes: a payout pays
   * entries of its own partner. An item under another partner's payout would not hide its entry;
   * the primary key on {@code entry_id} would then refuse to assign the entry twice, so the close
   * would fail rather than pay it twice.
   */
  private static final String UNASSIGNED_AMONG_PARTNERS =
      PAYABLE
          + " AND e.entry_id NOT IN (SELECT i.entry_id FROM pp_payout q STRAIGHT_JOIN pp_payout_item i"
          + " ON i.payout_id = q.payout_id WHERE q.partner_id IN (";

  private static final String INSERT_CLOSE_LINE =
      "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code, payout_id,"
          + " carry_over_reason) VALUES (?, ?, ?, ?, ?, ?)";

  /**
   * PostgreSQL: the close lines in one statement, an array per column ({@link
   * Sql#setColumnArrays}).
   */
  private static final String INSERT_CLOSE_LINES_FROM_ARRAYS =
      "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code, payout_id,"
          + " carry_over_reason) SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))";

  /** PostgreSQL: payouts in one statement, an array per column ({@link Sql#setColumnArrays}). */
  private static final String INSERT_PAYOUTS_FROM_ARRAYS =
      "INSERT INTO pp_payout ("
          + PAYOUT_COLUMNS
          + ") SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS text[]))";

  /** The columns of {@link #INSERT_CLOSE_LINES_FROM_ARRAYS}, as text. */
  private static final List<Function<? super PeriodCloseLine, String>> CLOSE_LINE_ARRAYS =
      List.of(
          line -> line.period().toString(),
          line -> line.partnerId().value(),
          line -> line.amount().amount().toPlainString(),
          line -> line.amount().currency().getCurrencyCode(),
          line -> line.payoutId().map(PayoutId::value).orElse(null),
          line -> line.carriedOver().map(Enum::name).orElse(null));

  /** The columns of {@link #INSERT_PAYOUTS_FROM_ARRAYS}, as text. */
  private static final List<Function<? super Payout, String>> PAYOUT_ARRAYS =
      List.of(
          payout -> payout.payoutId().value(),
          payout -> payout.partnerId().value(),
          payout -> payout.period().toString(),
          payout -> payout.amount().amount().toPlainString(),
          payout -> payout.amount().currency().getCurrencyCode(),
          payout -> payout.account().iban().value(),
          payout -> payout.account().holderName(),
          payout -> payout.status().name(),
          payout -> Sql.storable("createdAt", payout.createdAt()).toString(),
          payout -> Sql.storable("statusChangedAt", payout.statusChangedAt()).toString(),
          payout -> payout.failureReason().orElse(null));

  /**
   * MariaDB: the statement that follows materialises its IN subquery. The planner would otherwise
   * choose by its estimates, and on small or freshly emptied tables it chooses to run the subquery
   * once per entry, a range of the chunk's payouts each time.
   */
  private static final String MATERIALISED =
      "SET STATEMENT optimizer_switch='in_to_exists=off' FOR ";

  private final Sql sql;
  private final JdbcLedgerStore ledger;

  /** Whether the server is MariaDB proper, not MySQL; null until a connection was asked. */
  private volatile Boolean mariadbServer;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   * @param ledger the ledger store, whose row mapping reads entries
   */
  public JdbcPayoutStore(Sql sql, JdbcLedgerStore ledger) {
    this.sql = sql;
    this.ledger = ledger;
  }

  /**
   * Text compared and sorted byte-wise, as Java compares ids: PostgreSQL columns without {@code
   * COLLATE "C"} would otherwise sort by the database's locale. MariaDB's tables are utf8mb4_bin
   * and H2 compares by code point already.
   */
  private String binary(String column) {
    return sql.dialect() == Dialect.POSTGRESQL ? column + " COLLATE \"C\"" : column;
  }

  /**
   * The exclusive bound as storage compares it: entries keep whole microseconds, so {@code
   * payableAt < before} is {@code payableAt <} before rounded up to a microsecond.
   */
  private static Instant bound(Instant before) {
    Instant cut = before.truncatedTo(ChronoUnit.MICROS);
    return cut.equals(before) ? cut : cut.plus(1, ChronoUnit.MICROS);
  }

  @Override
  public boolean claimPeriod(PeriodClose close) {
    return sql.run(
        "claiming month " + close.period() + " for closing",
        c -> {
          // PostgreSQL: ON CONFLICT DO NOTHING waits for a concurrent claimer's transaction and
          // then inserts nothing; MariaDB/H2 wait for the row lock and report the duplicate key.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_period_close (period, closed_at) VALUES (?, ?)"
                      + sql.onConflictDoNothing())) {
            ps.setString(1, close.period().toString());
            sql.setInstant(ps, 2, "closedAt", close.closedAt());
            return Sql.insertUnlessDuplicate(ps);
          }
        });
  }

  @Override
  public Optional<PeriodClose> findClose(YearMonth period) {
    return sql.run(
        "reading the close of month " + period,
        c -> firstClose(c, "WHERE period = ?", period.toString()));
  }

  @Override
  public Optional<PeriodClose> latestClose() {
    return sql.run(
        "reading the latest close", c -> firstClose(c, "ORDER BY period DESC LIMIT 1", null));
  }

  private Optional<PeriodClose> firstClose(Connection c, String where, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT period, closed_at FROM pp_period_close " + where)) {
      if (key != null) {
        ps.setString(1, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new PeriodClose(
                YearMonth.parse(rs.getString("period").trim()),
                sql.getRequiredInstant(rs, "closed_at")));
      }
    }
  }

  @Override
  public List<PartnerAmount> unassignedPayable(
      Instant before, Currency currency, Optional<PartnerId> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "aggregating unassigned payable entries",
        c -> {
          // Bounded per page: take the next partners with ledger entries in id order (an index
          // range), then sum the unassigned payable entries of just those partners; repeat while
          // fewer than `limit` of them had any. Aggregating every partner after `after` and keeping
          // the first
          // `limit` groups instead would make a close cost entries x pages.
          List<PartnerAmount> page = new ArrayList<>();
          Optional<String> cursor = after.map(PartnerId::value);
          while (page.size() < limit) {
            List<String> candidates = partnersAfter(c, cursor, Sql.IN_LIST);
            if (candidates.isEmpty()) {
              break;
            }
            Map<String, BigDecimal> sums = unassignedSums(c, candidates, before, currency);
            for (String id : candidates) {
              BigDecimal sum = sums.get(id);
              if (sum != null) {
                page.add(new PartnerAmount(PartnerId.of(id), money(sum, currency)));
                if (page.size() == limit) {
                  break;
                }
              }
            }
            if (candidates.size() < Sql.IN_LIST) {
              break;
            }
            cursor = Optional.of(candidates.get(candidates.size() - 1));
          }
          return List.copyOf(page);
        });
  }

  /**
   * The ids of up to {@code limit} partners with ledger entries after the cursor, in {@link
   * String#compareTo} order: an index range (on PostgreSQL the byte-order index of V5).
   */
  private List<String> partnersAfter(Connection c, Optional<String> cursor, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT "
                + binary("e.partner_id")
                + " AS partner_id FROM pp_ledger_entry e"
                + (cursor.isPresent() ? " WHERE " + binary("e.partner_id") + " > ?" : "")
                + " ORDER BY 1 LIMIT ?")) {
      int i = 1;
      if (cursor.isPresent()) {
        ps.setString(i++, cursor.get());
      }
      ps.setInt(i, limit);
      List<String> ids = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /** Per partner with any, the sum of its unassigned payable entries, aggregated in storage. */
  private Map<String, BigDecimal> unassignedSums(
      Connection c, List<String> partners, Instant before, Currency currency) throws SQLException {
    // PostgreSQL: the partners as one array parameter, so the statement text and its cached plan
    // are the same for every page (an IN list of 500 parameters is not hashed in a generic plan).
    // MariaDB: the chunk's assigned entries are materialised once (UNASSIGNED_AMONG_PARTNERS).
    boolean postgres = sql.dialect() == Dialect.POSTGRESQL;
    boolean mariadb = mariadbServer(c);
    try (PreparedStatement ps =
        c.prepareStatement(
            (mariadb ? MATERIALISED : "")
                + "SELECT e.partner_id, SUM("
                + SIGNED_AMOUNT
                + ") AS payable FROM pp_ledger_entry e WHERE e.partner_id"
                + (postgres
                    ? " = ANY (CAST(? AS text[]))"
                    : " IN (" + Sql.placeholders(partners.size()) + ")")
                + " AND "
                + (mariadb
                    ? UNASSIGNED_AMONG_PARTNERS + Sql.placeholders(partners.size()) + "))"
                    : UNASSIGNED)
                + " AND e.currency_code = ? GROUP BY e.partner_id")) {
      int i = 1;
      if (postgres) {
        ps.setArray(i++, c.createArrayOf("text", partners.toArray()));
      } else {
        for (String id : partners) {
          ps.setString(i++, id);
        }
      }
      sql.setInstant(ps, i++, "before", bound(before));
      if (mariadb) {
        for (String id : partners) {
          ps.setString(i++, id);
        }
      }
      ps.setString(i, currency.getCurrencyCode());
      Map<String, BigDecimal> sums = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal sum = rs.getBigDecimal("payable");
          sums.put(rs.getString("partner_id"), sum == null ? BigDecimal.ZERO : sum);
        }
      }
      return sums;
    }
  }

  private static Money money(BigDecimal amount, Currency currency) {
    return Money.total(amount == null ? BigDecimal.ZERO : amount, currency);
  }

  @Override
  public void insertPayout(Payout payout) {
    sql.run(
        "storing payout " + payout.payoutId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_payout ("
                      + PAYOUT_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindPayout(ps, payout);
            ps.executeUpdate();
            return null;
          }
        });
  }

  private void bindPayout(PreparedStatement ps, Payout payout) throws SQLException {
    ps.setString(1, payout.payoutId().value());
    ps.setString(2, payout.partnerId().value());
    ps.setString(3, payout.period().toString());
    Sql.setMoney(ps, 4, 5, payout.amount());
    ps.setString(6, payout.account().iban().value());
    ps.setString(7, payout.account().holderName());
    ps.setString(8, payout.status().name());
    sql.setInstant(ps, 9, "createdAt", payout.createdAt());
    sql.setInstant(ps, 10, "statusChangedAt", payout.statusChangedAt());
    ps.setString(11, payout.failureReason().orElse(null));
  }

  @Override
  public Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
    return sql.run(
        "assigning the payable entries of partner " + partnerId + " to payout " + payoutId,
        c -> {
          BigDecimal already = sumOf(c, payoutId);
          int assigned;
          // One INSERT ... SELECT: the entries never leave the database. The primary key on
          // entry_id refuses an entry already assigned. On PostgreSQL ON CONFLICT skips those
          // through the key, with no anti-join: while pp_payout_item is empty or tiny the planner
          // would probe it by a sequential scan per entry, over rows this very statement adds.
          boolean postgres = sql.dialect() == Dialect.POSTGRESQL;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
                      + " SELECT e.entry_id, ?, e.partner_id, "
                      + SIGNED_AMOUNT
                      + " FROM pp_ledger_entry e WHERE e.partner_id = ? AND "
                      + (postgres ? PAYABLE : UNASSIGNED)
                      + " AND e.currency_code = ?"
                      + (postgres ? " ON CONFLICT (entry_id) DO NOTHING" : ""))) {
            ps.setString(1, payoutId.value());
            ps.setString(2, partnerId.value());
            sql.setInstant(ps, 3, "before", bound(before));
            ps.setString(4, currency.getCurrencyCode());
            assigned = ps.executeUpdate();
          }
          if (assigned == 0) {
            return Money.zero(currency);
          }
          // What this call assigned: the payout's sum now minus before.
          return money(sumOf(c, payoutId).subtract(already), currency);
        });
  }

  @Override
  public Map<PayoutId, Money> insertAndAssign(
      List<Payout> payouts, Instant before, Currency currency) {
    Map<PayoutId, Money> assigned = new LinkedHashMap<>();
    if (payouts.isEmpty()) {
      return assigned;
    }
    Set<PartnerId> partners = new HashSet<>();
    for (Payout payout : payouts) {
      if (!partners.add(payout.partnerId())) {
        throw new IllegalArgumentException(
            "at most one new payout per partner, but " + payout.partnerId() + " has several");
      }
      assigned.put(payout.payoutId(), Money.zero(currency));
    }
    return sql.run(
        "storing and assigning " + payouts.size() + " payouts",
        c ->
            foreignKeysCheckedByIndex(
                c, cc -> insertAndAssign(cc, payouts, before, currency, assigned)));
  }

  private Map<PayoutId, Money> insertAndAssign(
      Connection c,
      List<Payout> payouts,
      Instant before,
      Currency currency,
      Map<PayoutId, Money> assigned)
      throws SQLException {
    boolean postgres = sql.dialect() == Dialect.POSTGRESQL;
    if (postgres) {
      try (PreparedStatement ps = c.prepareStatement(INSERT_PAYOUTS_FROM_ARRAYS)) {
        Sql.setColumnArrays(c, ps, Sql.columnArrays(payouts, PAYOUT_ARRAYS));
        ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO pp_payout ("
                  + PAYOUT_COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Payout payout : payouts) {
          bindPayout(ps, payout);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    for (int from = 0; from < payouts.size(); from += Sql.IN_LIST) {
      List<Payout> chunk = payouts.subList(from, Math.min(payouts.size(), from + Sql.IN_LIST));
      if (postgres) {
        assignInOneStatement(c, chunk, before, currency, assigned);
      } else {
        assignThroughInList(c, chunk, before, currency, assigned);
      }
    }
    return assigned;
  }

  /** PostgreSQL: assigns a chunk of new payouts and learns their sums in one statement. */
  private void assignInOneStatement(
      Connection c,
      List<Payout> chunk,
      Instant before,
      Currency currency,
      Map<PayoutId, Money> assigned)
      throws SQLException {
    // One statement: the payable entries of the new payouts' partners are inserted (ON CONFLICT
    // skips entries assigned elsewhere meanwhile through the key, see assign), and the inserted
    // rows' signed amounts (V7) are summed per payout as they come back: exactly what was
    // assigned, with no read of the ledger or of pp_payout_item after it. The (payout, partner)
    // pairs come as two array parameters, so neither pp_payout nor pp_payout_item (both growing
    // within this transaction) is scanned, and the statement text and its cached plan are the
    // same for every page.
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH ins AS (INSERT INTO pp_payout_item (entry_id, payout_id, partner_id,"
                + " signed_amount) SELECT e.entry_id, p.payout_id, e.partner_id, "
                + SIGNED_AMOUNT
                + " FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS p (payout_id, partner_id)"
                + " JOIN pp_ledger_entry e ON e.partner_id = p.partner_id"
                + " WHERE "
                + PAYABLE
                + " AND e.currency_code = ?"
                + " ON CONFLICT (entry_id) DO NOTHING RETURNING payout_id, signed_amount)"
                + " SELECT payout_id, SUM(signed_amount) AS assigned FROM ins GROUP BY payout_id")) {
      ps.setArray(
          1, c.createArrayOf("text", chunk.stream().map(p -> p.payoutId().value()).toArray()));
      ps.setArray(
          2, c.createArrayOf("text", chunk.stream().map(p -> p.partnerId().value()).toArray()));
      sql.setInstant(ps, 3, "before", bound(before));
      ps.setString(4, currency.getCurrencyCode());
      readAssigned(ps, currency, assigned);
    }
  }

  /**
   * MariaDB and H2: one INSERT ... SELECT for the whole chunk, joined through the new payouts'
   * partners. On MariaDB 10.5 or later the statement returns each inserted row's payout and signed
   * amount, summed here; elsewhere (H2, MySQL, which have no INSERT ... RETURNING) the new payouts'
   * sums are read afterwards from their items' index (V7). That read costs more than it seems: the
   * items are not committed yet, so InnoDB checks each index entry against its row. Summing the
   * page's entries before the insert instead would miss a concurrent transaction's changes in
   * between.
   */
  private void assignThroughInList(
      Connection c,
      List<Payout> chunk,
      Instant before,
      Currency currency,
      Map<PayoutId, Money> assigned)
      throws SQLException {
    String in = " IN (" + Sql.placeholders(chunk.size()) + ")";
    // MariaDB: the chunk's assigned entries are materialised once (UNASSIGNED_AMONG_PARTNERS), and
    // the statement returns what it inserted.
    boolean returning = mariadbServer(c);
    try (PreparedStatement ps =
        c.prepareStatement(
            (returning ? MATERIALISED : "")
                + "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
                + " SELECT e.entry_id, p.payout_id, e.partner_id, "
                + SIGNED_AMOUNT
                + " FROM pp_payout p"
                + " JOIN pp_ledger_entry e ON e.partner_id = p.partner_id"
                + " WHERE p.payout_id"
                + in
                + " AND "
                + (returning
                    ? UNASSIGNED_AMONG_PARTNERS + Sql.placeholders(chunk.size()) + "))"
                    : UNASSIGNED)
                + " AND e.currency_code = ?"
                + (returning ? " RETURNING payout_id, signed_amount" : ""))) {
      int i = 1;
      for (Payout payout : chunk) {
        ps.setString(i++, payout.payoutId().value());
      }
      sql.setInstant(ps, i++, "before", bound(before));
      if (returning) {
        for (Payout payout : chunk) {
          ps.setString(i++, payout.partnerId().value());
        }
      }
      ps.setString(i, currency.getCurrencyCode());
      if (returning) {
        // Streamed: one partner may have hundreds of thousands of entries in a month.
        ps.setFetchSize(STREAM_FETCH_SIZE);
        Map<String, BigDecimal> sums = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sums.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
          }
        }
        sums.forEach((id, sum) -> assigned.put(PayoutId.of(id), money(sum, currency)));
        return;
      }
      ps.executeUpdate();
    }
    // The payouts are new, so all they hold now is what this call assigned.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT payout_id, SUM(signed_amount) AS assigned FROM pp_payout_item"
                + " WHERE payout_id"
                + in
                + " GROUP BY payout_id")) {
      int i = 1;
      for (Payout payout : chunk) {
        ps.setString(i++, payout.payoutId().value());
      }
      readAssigned(ps, currency, assigned);
    }
  }

  /**
   * MariaDB itself: not MySQL (whose product name Connector/J reports as MySQL) nor H2. The dialect
   * asks for MariaDB 10.6 or later, which takes INSERT ... RETURNING and SET STATEMENT.
   */
  private boolean mariadbServer(Connection c) throws SQLException {
    Boolean known = mariadbServer;
    if (known == null) {
      DatabaseMetaData meta = c.getMetaData();
      int major = meta.getDatabaseMajorVersion();
      known =
          sql.dialect() == Dialect.MARIADB
              && meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb")
              && (major > 10 || (major == 10 && meta.getDatabaseMinorVersion() >= 5));
      mariadbServer = known;
    }
    return known;
  }

  /** Reads rows of (payout_id, assigned) into the map. */
  private static void readAssigned(
      PreparedStatement ps, Currency currency, Map<PayoutId, Money> assigned) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        assigned.put(
            PayoutId.of(rs.getString("payout_id")), money(rs.getBigDecimal("assigned"), currency));
      }
    }
  }

  /**
   * Runs work that inserts many rows referencing {@code pp_payout}, with their foreign-key checks
   * planned anew and by index (PostgreSQL; elsewhere it just runs the work).
   *
   * <p>PostgreSQL plans a foreign-key check once per session and keeps the plan. Planned while
   * {@code pp_payout} is a few pages (as on the first page of a programme's first close, or on a
   * pooled session that once saw it small), the check is a sequential scan, kept while the close
   * adds tens of thousands of payouts in one transaction: every assigned entry then scans all
   * payouts so far, which makes a large close quadratic. {@code DISCARD PLANS} drops such a plan,
   * and {@code enable_seqscan} is off (for this transaction, put back afterwards) while the check
   * is planned again. A failure aborts the transaction, which undoes the setting with it.
   */
  private <T> T foreignKeysCheckedByIndex(Connection c, Sql.Work<T> work) throws SQLException {
    if (sql.dialect() != Dialect.POSTGRESQL) {
      return work.apply(c);
    }
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
    try (PreparedStatement ps =
        c.prepareStatement("SELECT set_config('enable_seqscan', ?, true)")) {
      ps.setString(1, prior);
      ps.executeQuery().close();
    }
    return result;
  }

  private static BigDecimal sumOf(Connection c, PayoutId payoutId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(SUM(signed_amount), 0) AS assigned FROM pp_payout_item"
                + " WHERE payout_id = ?")) {
      ps.setString(1, payoutId.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        BigDecimal sum = rs.getBigDecimal("assigned");
        return sum == null ? BigDecimal.ZERO : sum;
      }
    }
  }

  @Override
  public void release(PayoutId payoutId) {
    sql.run(
        "releasing the entries of payout " + payoutId,
        c -> {
          // The payout keeps the record of what it was made with (its statement lists it for good).
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_released_item (payout_id, entry_id, partner_id, signed_amount)"
                      + " SELECT payout_id, entry_id, partner_id, signed_amount"
                      + " FROM pp_payout_item WHERE payout_id = ?")) {
            ps.setString(1, payoutId.value());
            ps.executeUpdate();
          }
          return deleteItems(c, payoutId);
        });
  }

  private static int deleteItems(Connection c, PayoutId payoutId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM pp_payout_item WHERE payout_id = ?")) {
      ps.setString(1, payoutId.value());
      return ps.executeUpdate();
    }
  }

  @Override
  public void deletePayout(PayoutId payoutId) {
    sql.run(
        "deleting payout " + payoutId,
        c -> {
          deleteItems(c, payoutId);
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM pp_released_item WHERE payout_id = ?")) {
            ps.setString(1, payoutId.value());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM pp_payout WHERE payout_id = ?")) {
            ps.setString(1, payoutId.value());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<PartnerId, Money> recordCarriedOver(
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
            String in = Sql.placeholders(chunk.size());
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO pp_carried_item (period, partner_id, entry_id, signed_amount)"
                        + " SELECT ?, e.partner_id, e.entry_id, "
                        + SIGNED_AMOUNT
                        + " FROM pp_ledger_entry e WHERE e.partner_id IN ("
                        + in
                        + ") AND e.currency_code = ? AND "
                        + UNASSIGNED)) {
              int i = 1;
              ps.setString(i++, period.toString());
              for (PartnerId partner : chunk) {
                ps.setString(i++, partner.value());
              }
              ps.setString(i++, currency.getCurrencyCode());
              sql.setInstant(ps, i, "before", bound(before));
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT partner_id, SUM(signed_amount) AS carried FROM pp_carried_item"
                        + " WHERE period = ? AND partner_id IN ("
                        + in
                        + ") GROUP BY partner_id")) {
              int i = 1;
              ps.setString(i++, period.toString());
              for (PartnerId partner : chunk) {
                ps.setString(i++, partner.value());
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  sums.put(
                      PartnerId.of(rs.getString("partner_id")),
                      money(rs.getBigDecimal("carried"), currency));
                }
              }
            }
          }
          return sums;
        });
  }

  @Override
  public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
    return sql.run(
        "reading what the close of " + period + " carried over for partner " + partnerId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + JdbcLedgerStore.entryColumns()
                      + " FROM pp_ledger_entry e WHERE e.entry_id IN"
                      + " (SELECT k.entry_id FROM pp_carried_item k"
                      + " WHERE k.period = ? AND k.partner_id = ?)"
                      + settledOrder())) {
            ps.setString(1, period.toString());
            ps.setString(2, partnerId.value());
            return ledger.readEntries(ps);
          }
        });
  }

  @Override
  public boolean update(Payout payout, PayoutStatus expected) {
    return sql.run(
        "updating payout " + payout.payoutId(),
        c -> {
          // Conditional on the stored status: a concurrent change that won leaves 0 rows here.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE pp_payout SET amount = ?, currency_code = ?, status = ?,"
                      + " status_changed_at = ?, failure_reason = ?"
                      + " WHERE payout_id = ? AND status = ?")) {
            Sql.setMoney(ps, 1, 2, payout.amount());
            ps.setString(3, payout.status().name());
            sql.setInstant(ps, 4, "statusChangedAt", payout.statusChangedAt());
            ps.setString(5, payout.failureReason().orElse(null));
            ps.setString(6, payout.payoutId().value());
            ps.setString(7, expected.name());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int markExported(YearMonth period, Instant at) {
    return sql.run(
        "marking the payouts of month " + period + " exported",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE pp_payout SET status = 'EXPORTED', status_changed_at = ?"
                      + " WHERE period = ? AND status = 'CREATED'")) {
            sql.setInstant(ps, 1, "at", at);
            ps.setString(2, period.toString());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Payout> find(PayoutId payoutId) {
    return sql.run(
        "reading payout " + payoutId,
        c -> {
          List<Payout> found =
              payouts(c, "WHERE payout_id = ?", ps -> ps.setString(1, payoutId.value()));
          return found.stream().findFirst();
        });
  }

  @Override
  public List<Payout> payoutsOfPeriod(YearMonth period) {
    return sql.run(
        "reading the payouts of month " + period,
        c ->
            payouts(
                c,
                "WHERE period = ? ORDER BY " + binary("payout_id"),
                ps -> ps.setString(1, period.toString())));
  }

  /** Rows fetched per round trip when streaming a month's payouts. */
  private static final int STREAM_FETCH_SIZE = 500;

  @Override
  public void forEachPayoutOfPeriod(YearMonth period, Consumer<Payout> action) {
    // A cursor (PostgreSQL: autocommit is off inside the unit of work) or a streaming result
    // (MariaDB) keeps a few hundred payouts in memory, not the month's.
    sql.run(
        "streaming the payouts of month " + period,
        c -> {
          forEachPayout(
              c,
              "WHERE period = ? ORDER BY " + binary("payout_id"),
              ps -> ps.setString(1, period.toString()),
              STREAM_FETCH_SIZE,
              action);
          return null;
        });
  }

  @Override
  public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading the recent payouts of partner " + partnerId,
        c ->
            payouts(
                c,
                "WHERE partner_id = ? ORDER BY period DESC, " + binary("payout_id") + " LIMIT ?",
                ps -> {
                  ps.setString(1, partnerId.value());
                  ps.setInt(2, limit);
                }));
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Payout> payouts(Connection c, String where, Binder binder) throws SQLException {
    List<Payout> payouts = new ArrayList<>();
    forEachPayout(c, where, binder, 0, payouts::add);
    return List.copyOf(payouts);
  }

  private void forEachPayout(
      Connection c, String where, Binder binder, int fetchSize, Consumer<Payout> action)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + PAYOUT_COLUMNS + " FROM pp_payout " + where)) {
      binder.bind(ps);
      ps.setFetchSize(fetchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(
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
    }
  }

  @Override
  public PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
    // The ledger store owns the statement, which the overview's balance statement shares.
    return ledger.payoutTotals(partnerId, currency);
  }

  @Override
  public void insertCloseLine(PeriodCloseLine line) {
    sql.run(
        "storing the close line of partner " + line.partnerId() + " for " + line.period(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT_CLOSE_LINE)) {
            bindCloseLine(ps, line);
            ps.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public void insertCloseLines(List<PeriodCloseLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sql.run(
        "storing " + lines.size() + " close lines",
        c ->
            foreignKeysCheckedByIndex(
                c,
                cc -> {
                  if (sql.dialect() == Dialect.POSTGRESQL) {
                    try (PreparedStatement ps =
                        cc.prepareStatement(INSERT_CLOSE_LINES_FROM_ARRAYS)) {
                      Sql.setColumnArrays(cc, ps, Sql.columnArrays(lines, CLOSE_LINE_ARRAYS));
                      return ps.executeUpdate();
                    }
                  }
                  try (PreparedStatement ps = cc.prepareStatement(INSERT_CLOSE_LINE)) {
                    for (PeriodCloseLine line : lines) {
                      bindCloseLine(ps, line);
                      ps.addBatch();
                    }
                    ps.executeBatch();
                    return null;
                  }
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

  @Override
  public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
    return sql.run(
        "reading the close line of partner " + partnerId + " for " + period,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + CLOSE_LINE_COLUMNS
                      + " FROM pp_period_close_line WHERE period = ? AND partner_id = ?")) {
            ps.setString(1, period.toString());
            ps.setString(2, partnerId.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(closeLine(rs)) : Optional.empty();
            }
          }
        });
  }

  private static final String CLOSE_LINE_COLUMNS =
      "period, partner_id, amount, currency_code, payout_id, carry_over_reason";

  private static PeriodCloseLine closeLine(ResultSet rs) throws SQLException {
    return new PeriodCloseLine(
        YearMonth.parse(rs.getString("period").trim()),
        PartnerId.of(rs.getString("partner_id")),
        Sql.getTotal(rs, "amount", "currency_code"),
        Optional.ofNullable(rs.getString("payout_id")).map(PayoutId::of),
        Optional.ofNullable(rs.getString("carry_over_reason"))
            .map(PeriodCloseLine.CarryOverReason::valueOf));
  }

  @Override
  public List<PeriodCloseLine> closeLines(YearMonth period) {
    return sql.run(
        "reading the close lines of month " + period,
        c -> {
          List<PeriodCloseLine> lines = new ArrayList<>();
          forEachCloseLine(c, period, 0, lines::add);
          return List.copyOf(lines);
        });
  }

  @Override
  public void forEachCloseLine(YearMonth period, Consumer<PeriodCloseLine> action) {
    // Streamed as the month's payouts are (forEachPayoutOfPeriod).
    sql.run(
        "streaming the close lines of month " + period,
        c -> {
          forEachCloseLine(c, period, STREAM_FETCH_SIZE, action);
          return null;
        });
  }

  private void forEachCloseLine(
      Connection c, YearMonth period, int fetchSize, Consumer<PeriodCloseLine> action)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + CLOSE_LINE_COLUMNS
                + " FROM pp_period_close_line WHERE period = ? ORDER BY "
                + binary("partner_id"))) {
      ps.setString(1, period.toString());
      ps.setFetchSize(fetchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(closeLine(rs));
        }
      }
    }
  }

  /** Order id, line number, then recording time, as the port says. */
  private String settledOrder() {
    return " ORDER BY " + binary("e.order_id") + ", e.line_number, e.recorded_at";
  }

  @Override
  public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
    return sql.run(
        "reading the entries of payout " + payoutId,
        c -> {
          // What it pays, or after a failure, what it paid (a payout is never in both tables).
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + JdbcLedgerStore.entryColumns()
                      + " FROM pp_ledger_entry e WHERE e.entry_id IN"
                      + " (SELECT i.entry_id FROM pp_payout_item i WHERE i.payout_id = ?"
                      + " UNION ALL SELECT r.entry_id FROM pp_released_item r"
                      + " WHERE r.payout_id = ?)"
                      + settledOrder())) {
            ps.setString(1, payoutId.value());
            ps.setString(2, payoutId.value());
            return ledger.readEntries(ps);
          }
        });
  }

  @Override
  public List<Payout> payoutsOfPartner(PartnerId partnerId, Optional<PayoutKey> after, int limit) {
    return new JdbcPayoutQueries(sql).payoutsOfPartner(partnerId, after, limit);
  }
}
