package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The history scenario of issue #24: month after month at a fixed monthly volume, does the close
 * cost what is open or what the programme has accumulated?
 *
 * <p>A fresh database with {@code partners} active partners (payout account, code) gets, for each
 * of {@code months} consecutive months from January 2024: {@code entries} new payable ledger
 * entries (every 47th REVERSED, the rest EARNED), payable between the 2nd and the 25th of the month
 * and spread evenly over the partners, bulk-loaded with their open rows as the SDK writes them
 * ({@link Fixtures#entries}; not timed). Then the statistics step a month of real time would have
 * run (PostgreSQL {@code VACUUM ANALYZE}, MariaDB {@code ANALYZE TABLE}, on the tables the load and
 * the closes touch; not timed). Then the floor ({@link CloseFloor}) closes the month in bare SQL in
 * a transaction that is timed to its last statement and rolled back, so the SDK finds the same
 * state (on PostgreSQL a {@code VACUUM} of the tables it wrote removes its dead rows first; not
 * timed); it runs {@link #FLOOR_RUNS} times so, and its median counts. Then the SDK closes the
 * month ({@code program.payouts().close(month, act)}, timed with its commit; each of its statements
 * that took 5 % of it or more is recorded with its execution time), and the run fails unless both
 * made the same payouts to the cent and the month's entries left {@code pp_open_entry}.
 *
 * <p>Before the measured database, the same steps run on a small database of three months (at most
 * 600 partners and 6,000 entries a month; then dropped), so that the SDK's first measured close
 * runs compiled code, as the later ones do.
 */
final class HistoryScenario {
  /** The first month of the history. */
  static final YearMonth FIRST = YearMonth.of(2024, 1);

  /** The programme's zone (ProgramTerms' default), which makes the months' bounds. */
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** How many times the floor closes each month (rolled back each time); its median is used. */
  static final int FLOOR_RUNS = Integer.getInteger("bench.history.floorRuns", 3);

  /** Every 47th entry is REVERSED: 47 is prime, so every partner gets some, and never most. */
  private static final int REVERSED_EVERY = 47;

  final BenchDatabase.Kind kind;
  final int months;
  final long partners;
  final long entries;
  private final Consumer<BenchDatabase> onDatabase;

  /**
   * A history to run.
   *
   * @param kind the database
   * @param months consecutive months
   * @param partners partners (at least 100)
   * @param entries new payable entries per month
   * @param onDatabase told of the measured database once it exists (for its server's settings)
   */
  HistoryScenario(
      BenchDatabase.Kind kind,
      int months,
      long partners,
      long entries,
      Consumer<BenchDatabase> onDatabase) {
    FloorRows.requireServer(kind, "the history scenario's floor");
    if (months < 2 || partners < 100 || entries < partners) {
      throw new IllegalArgumentException(
          "the history needs 2 months or more, 100 partners or more and at least an entry per"
              + " partner a month");
    }
    this.kind = kind;
    this.months = months;
    this.partners = partners;
    this.entries = entries;
    this.onDatabase = onDatabase;
  }

  /** One month's figures; {@code floorNanos} is the median of {@code floorRuns}. */
  @SuppressWarnings("ArrayRecordComponent")
  record Month(
      int number,
      YearMonth month,
      long sdkNanos,
      long floorNanos,
      long[] floorRuns,
      int payouts,
      BigDecimal total,
      long ledgerEntries,
      long openEntries,
      long sdkStatements,
      Map<String, Long> sdkBySql,
      Instant at,
      double load1m) {
    double ratio() {
      return (double) sdkNanos / floorNanos;
    }
  }

  /**
   * Runs the warm-up and the measured history.
   *
   * @return the result, as {@code results.json} holds it (scenario {@code history})
   * @throws Exception if a step fails or the SDK and the floor disagree
   */
  ObjectNode run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "== %s history: %d months, %,d partners, %,d payable entries a month%n",
        kind.label(),
        months,
        partners,
        entries);
    long start = System.nanoTime();
    // Two pages of partners when the measured run has them, so the paging runs compiled too.
    long warmPartners = Math.min(partners, 600);
    new HistoryScenario(kind, 3, warmPartners, Math.min(entries, warmPartners * 10), db -> {})
        .months(false);
    System.out.printf(
        Locale.ROOT,
        "  warmed up on a small history in %.1f s%n",
        (System.nanoTime() - start) / 1e9);
    return json(months(true));
  }

  /** The steps of each month on a fresh database; the months' figures. */
  private List<Month> months(boolean report) throws Exception {
    List<Month> done = new ArrayList<>();
    try (BenchDatabase db = BenchDatabase.create(kind)) {
      onDatabase.accept(db);
      Fixtures fixtures = new Fixtures(kind, partners * 20);
      fixtures.load(db.dataSource, false, false);
      SettableClock clock = new SettableClock(FIRST.atDay(1).atStartOfDay(ZONE).toInstant());
      try (FixedPool pool = new FixedPool(db.dataSource, 2, true)) {
        Dialect dialect =
            kind == BenchDatabase.Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MARIADB;
        ProgramTerms terms =
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
                .build();
        if (!terms.zone().equals(ZONE)) {
          throw new IllegalStateException("the terms' zone is " + terms.zone() + ", not " + ZONE);
        }
        PartnerProgram program =
            PartnerProgram.builder()
                .pseudonymKey(PseudonymKey.of(new byte[32]))
                .terms(terms)
                .storage(JdbcProgramStorage.create(pool, dialect))
                .clock(clock)
                .build();
        CloseFloor floor = new CloseFloor(kind);
        for (int k = 0; k < months; k++) {
          YearMonth month = FIRST.plusMonths(k);
          Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
          Instant now = end.plus(Duration.ofHours(6));
          clock.set(now);
          load(db, fixtures, k, month);
          maintain(db, true);
          long ledger = count(db, "SELECT COUNT(*) FROM pp_ledger_entry");
          long open = count(db, "SELECT COUNT(*) FROM pp_open_entry");
          // The floor is rolled back, so it can run more than once on the same data: the median of
          // FLOOR_RUNS is steadier than one run on a shared machine.
          long[] floorRuns = new long[FLOOR_RUNS];
          int floorPayouts = 0;
          BigDecimal floorTotal = null;
          for (int r = 0; r < FLOOR_RUNS; r++) {
            try (Connection c = pool.getConnection()) {
              long t = System.nanoTime();
              floorPayouts = floor.close(c, month, end, now);
              floorRuns[r] = System.nanoTime() - t;
              floorTotal = CloseFloor.total(c, month);
              c.rollback();
            }
            maintain(db, false);
          }
          long[] sorted = floorRuns.clone();
          Arrays.sort(sorted);
          long floorNanos = sorted[(sorted.length - 1) / 2];
          long statements0 = pool.statements.get();
          Map<String, long[]> times0 = pool.statementTimes();
          long t = System.nanoTime();
          PeriodCloseResult result =
              program.payouts().close(month, Act.by("bench", "monthly close"));
          long sdkNanos = System.nanoTime() - t;
          long statements = pool.statements.get() - statements0;
          Map<String, Long> bySql = since(times0, pool.statementTimes(), sdkNanos);
          check(db, month, end, result, floorPayouts, floorTotal);
          Month m =
              new Month(
                  k + 1,
                  month,
                  sdkNanos,
                  floorNanos,
                  floorRuns,
                  result.payoutCount(),
                  floorTotal,
                  ledger,
                  open,
                  statements,
                  bySql,
                  Instant.now().truncatedTo(ChronoUnit.SECONDS),
                  RunInfo.loadAverage()[0]);
          done.add(m);
          if (report) {
            System.out.printf(
                Locale.ROOT,
                "  month %2d (%s): SDK %.3f s, floor %.3f s, %.2fx; %,d payouts; %,d ledger"
                    + " entries, %,d open%n",
                m.number(),
                month,
                sdkNanos / 1e9,
                floorNanos / 1e9,
                m.ratio(),
                m.payouts(),
                ledger,
                open);
            bySql.forEach(
                (sql, nanos) ->
                    System.out.printf(
                        Locale.ROOT, "    %6.3f s  %s%n", nanos / 1e9, abbreviated(sql, 150)));
          }
        }
      }
    }
    return done;
  }

  /**
   * The SDK's statements that took at least 5 % of its close, by execution time (summed over their
   * executions) between two snapshots of {@link FixedPool#statementTimes}, largest first.
   */
  private static Map<String, Long> since(
      Map<String, long[]> before, Map<String, long[]> after, long closeNanos) {
    List<Map.Entry<String, Long>> spent = new ArrayList<>();
    after.forEach(
        (sql, t) -> {
          long nanos = t[0] - before.getOrDefault(sql, new long[2])[0];
          if (nanos >= closeNanos / 20) {
            spent.add(Map.entry(sql, nanos));
          }
        });
    spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    Map<String, Long> top = new LinkedHashMap<>();
    spent.forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  /** The SQL text's start, whitespace folded. */
  static String abbreviated(String sql, int max) {
    String folded = sql.replaceAll("\\s+", " ").strip();
    return folded.length() <= max ? folded : folded.substring(0, max - 1) + "…";
  }

  /** Month {@code k}'s entries, ids {@code k * entries} on, and their open rows. */
  private void load(BenchDatabase db, Fixtures fixtures, int k, YearMonth month)
      throws SQLException {
    String kindOf =
        "CASE WHEN MOD(i, "
            + REVERSED_EVERY
            + ") = "
            + (REVERSED_EVERY - 1)
            + " THEN 'REVERSED' ELSE 'EARNED' END";
    String amount =
        "CASE WHEN MOD(i, "
            + REVERSED_EVERY
            + ") = "
            + (REVERSED_EVERY - 1)
            + " THEN 0.5 + MOD(i, 10) ELSE 1.25 + MOD(i, 100) END";
    // From the 2nd at 00:00 UTC, 1 s apart modulo 23 days: inside the month in any zone near UTC.
    String when = fixtures.at(month.atDay(2) + " 00:00:00", "MOD(i, 1987200)");
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      Fixtures.time(
          String.format(Locale.ROOT, "%,d entries of %s", entries, month),
          s,
          fixtures.entries(
              fixtures.range(k * entries, entries),
              "MOD(i, " + partners + ")",
              kindOf,
              amount,
              when));
    }
  }

  /**
   * The statistics step a month of real time would have run (autovacuum's, or a scheduled {@code
   * ANALYZE TABLE}) on the tables the load and the closes touch; with {@code analyze} false, on
   * PostgreSQL only a {@code VACUUM} of the tables the rolled-back floor wrote (its dead rows).
   */
  private void maintain(BenchDatabase db, boolean analyze) throws SQLException {
    String tables =
        "pp_ledger_entry, pp_open_entry, pp_payout, pp_payout_item, pp_period_close,"
            + " pp_period_close_line, pp_carried_item, pp_outbox";
    String sql =
        switch (kind) {
          case POSTGRESQL -> analyze ? "VACUUM ANALYZE " + tables : "VACUUM " + tables;
          case MARIADB -> analyze ? "ANALYZE TABLE " + tables : null;
          case H2 -> throw new IllegalStateException("no history on H2");
        };
    if (sql != null) {
      try (Connection c = db.dataSource.getConnection();
          Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        if (kind == BenchDatabase.Kind.MARIADB) {
          // ANALYZE TABLE returns a result set per table.
          try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
                throw new SQLException("ANALYZE TABLE: " + rs.getString("Msg_text"));
              }
            }
          }
        } else {
          s.execute(sql);
        }
      }
    }
  }

  private static long count(BenchDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Fails unless the SDK's close made the floor's payouts (count and total to the cent), carried
   * nobody over, and left none of the month's entries open.
   */
  private void check(
      BenchDatabase db,
      YearMonth month,
      Instant end,
      PeriodCloseResult result,
      int floorPayouts,
      BigDecimal floorTotal)
      throws SQLException {
    Money total = result.payoutTotal();
    if (result.alreadyClosed()
        || result.payoutCount() != floorPayouts
        || total.amount().compareTo(floorTotal) != 0
        || result.carriedOverCount() != 0) {
      throw new IllegalStateException(
          "month "
              + month
              + ": the SDK's close made "
              + result
              + ", the floor "
              + floorPayouts
              + " payouts of "
              + floorTotal);
    }
    long open;
    try (Connection c = db.dataSource.getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM pp_open_entry WHERE payable_at < ?")) {
      if (kind == BenchDatabase.Kind.MARIADB) {
        ps.setObject(1, java.time.LocalDateTime.ofInstant(end, ZoneOffset.UTC));
      } else {
        ps.setObject(1, java.time.OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        open = rs.getLong(1);
      }
    }
    if (open != 0) {
      throw new IllegalStateException(
          "month " + month + ": " + open + " entries payable before its end are still open");
    }
  }

  /** The result: the settings, each month, and the ratios the targets ask for. */
  private ObjectNode json(List<Month> done) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("database", kind.label());
    o.put("scale", entries);
    o.put("scenario", "history");
    o.put(
        "what",
        String.format(
            Locale.ROOT,
            "close month after month: %d months of %,d new payable entries over %,d partners",
            months,
            entries,
            partners));
    o.put(
        "baseline",
        "bare SQL close of the month's open entries (the floor), rolled back, on the same data");
    o.put("months", months);
    o.put("partners", partners);
    o.put("entries_per_month", entries);
    o.put("first_month", FIRST.toString());
    o.put(
        "maintenance",
        switch (kind) {
          case POSTGRESQL ->
              "VACUUM ANALYZE of the ledger, open-entry, payout, item, close, close-line,"
                  + " carried-item and outbox tables after each month's load; VACUUM of them after"
                  + " the rolled-back floor";
          default ->
              "ANALYZE TABLE of the ledger, open-entry, payout, item, close, close-line,"
                  + " carried-item and outbox tables after each month's load";
        });
    o.put("floor_statements", new CloseFloor(kind).statements());
    o.put("floor_runs", FLOOR_RUNS);
    ArrayNode list = o.putArray("month_results");
    for (Month m : done) {
      ObjectNode n = list.addObject();
      n.put("number", m.number());
      n.put("month", m.month().toString());
      n.put("sdk_s", RunInfo.round(m.sdkNanos() / 1e9, 4));
      n.put("floor_s", RunInfo.round(m.floorNanos() / 1e9, 4));
      ArrayNode runs = n.putArray("floor_runs_s");
      Arrays.stream(m.floorRuns()).forEach(f -> runs.add(RunInfo.round(f / 1e9, 4)));
      n.put("sdk_over_floor", RunInfo.round(m.ratio(), 3));
      n.put("payouts", m.payouts());
      n.put("payout_total", m.total().stripTrailingZeros().toPlainString());
      n.put("ledger_entries", m.ledgerEntries());
      n.put("open_entries", m.openEntries());
      n.put("sdk_statements", m.sdkStatements());
      ObjectNode bySql = n.putObject("sdk_statement_s");
      m.sdkBySql()
          .forEach((sql, nanos) -> bySql.put(abbreviated(sql, 200), RunInfo.round(nanos / 1e9, 3)));
      n.put("at", m.at().toString());
      if (!Double.isNaN(m.load1m())) {
        n.put("load_1m", RunInfo.round(m.load1m(), 2));
      }
    }
    Month first = done.get(0);
    Month last = done.get(done.size() - 1);
    o.put("sdk_last_over_first", RunInfo.round((double) last.sdkNanos() / first.sdkNanos(), 3));
    o.put(
        "floor_last_over_first", RunInfo.round((double) last.floorNanos() / first.floorNanos(), 3));
    int three = Math.min(3, done.size() / 2);
    o.put(
        "sdk_last3_over_first3",
        RunInfo.round(
            median(done.subList(done.size() - three, done.size())) / median(done.subList(0, three)),
            3));
    double[] ratios = done.stream().mapToDouble(Month::ratio).sorted().toArray();
    o.put("sdk_over_floor_median", RunInfo.round(ratios[(ratios.length - 1) / 2], 3));
    o.put("sdk_over_floor_max", RunInfo.round(ratios[ratios.length - 1], 3));
    o.put("target_last_over_first", 1.2);
    o.put("target_over_floor", 1.5);
    o.put("rounds", 1);
    o.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    double load = RunInfo.loadAverage()[0];
    if (Double.isNaN(load)) {
      o.putNull("load_1m");
    } else {
      o.put("load_1m", RunInfo.round(load, 2));
    }
    return o;
  }

  private static double median(List<Month> months) {
    long[] sdk = months.stream().mapToLong(Month::sdkNanos).sorted().toArray();
    return sdk.length % 2 == 1
        ? sdk[sdk.length / 2]
        : (sdk[sdk.length / 2 - 1] + sdk[sdk.length / 2]) / 2.0;
  }

  /** The summary line of a result of {@link #json}, for {@code summary.md}. */
  static String summaryLine(ObjectNode r) {
    return String.format(
        Locale.ROOT,
        "%s history (%d months × %,d entries, %,d partners): SDK close month %d / month 1 = %.2fx"
            + " (target ≤ 1.2x), last 3 / first 3 = %.2fx; SDK / floor median %.2fx, max %.2fx"
            + " (target ≤ 1.5x)%n",
        r.path("database").asText(),
        r.path("months").asInt(),
        r.path("entries_per_month").asLong(),
        r.path("partners").asLong(),
        r.path("months").asInt(),
        r.path("sdk_last_over_first").asDouble(),
        r.path("sdk_last3_over_first3").asDouble(),
        r.path("sdk_over_floor_median").asDouble(),
        r.path("sdk_over_floor_max").asDouble());
  }

  /** A clock the scenario moves to just after each month it closes. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a UTC clock");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
