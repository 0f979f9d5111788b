package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The database benchmarks of issue #9: each scenario through the SDK against a bare SQL baseline
 * measured in the same run, on the same fixed connections, interleaved round by round so a busy
 * machine slows both alike. Writes {@code results.json} and {@code summary.md} to the folder given
 * as the first argument.
 *
 * <p>System properties: {@code bench.databases} (default {@code postgresql,mariadb,h2}), {@code
 * bench.scale} (default {@code 100000,1000000}; add {@code 10000000} for the 10^7 run), {@code
 * bench.h2.maxScale} (default 100000: H2 is in memory and only a reference), {@code
 * bench.overview.lines} (the overview's big partner's ledger lines; default a tenth of the scale),
 * {@code overviewscale} (runs only when named: the overview of one partner of each size {@code
 * bench.overview.lines} lists, default {@code 10000,100000,1000000}, in one run), {@code
 * bench.scenarios} (default all: {@code
 * order,payment,payment8,paymentfloor,attribution,attributionfloor,overview,close}; {@code
 * history}, issue #24's months of closes ({@link HistoryScenario}), runs only when named, once per
 * database, with {@code bench.history.months} (default 12), {@code bench.history.partners} (default
 * 5000) and {@code bench.history.entries} (payable entries a month, default 100000); {@code
 * clickpurge}, issue #26's purge of expired clicks ({@link ClickPurgeScenario}), runs only when
 * named, once per database, with {@code bench.purge.clicks} (expired clicks, default 10000000) and
 * {@code bench.purge.young} (young clicks, default 100000); {@code reports}, issue #27's reports
 * ({@link ReportsScenario}: top partners and a month's funnel against their bare aggregates), runs
 * only when named, once per database, with {@code bench.reports.entries} (ledger entries, default
 * 1000000)), {@code bench.rounds} (default 5), {@code bench.run} (the run's id; the bench profile
 * passes the build's start), {@code bench.keep} ({@code true}: also copy {@code results.json} to
 * {@code <bench.results>/<run id>/db.json}, the results that {@link BenchmarksDocument} makes
 * BENCHMARKS.md from).
 */
public final class DbBenchmarkMain {
  private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
  private static final YearMonth CLOSED_MONTH = YearMonth.of(2026, 10);
  private static final Instant OCTOBER_END = Instant.parse("2026-10-31T23:00:00Z");
  private static final int THREADS = 8;

  /** Every EARNED or REVERSED entry's open row, for a database where no payout holds any. */
  private static final String REOPEN_ALL =
      "INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)"
          + " SELECT partner_id, entry_id, payable_at, currency_code,"
          + " CASE WHEN kind = 'EARNED' THEN amount ELSE -amount END FROM pp_ledger_entry"
          + " WHERE kind IN ('EARNED', 'REVERSED')";

  private static final int WARM = 100;
  private static final int PER_ROUND = 100;
  private static final int PER_THREAD_ROUND = 40;
  private static final int OVERVIEW_PER_ROUND = 20;

  /** Enough overviews for the JIT to compile their path even when no scenario ran before. */
  private static final int OVERVIEW_WARM = 100;

  /** Overviews of a partner of a few ledger lines that warm up the JIT (see the scenario). */
  private static final int OVERVIEW_JIT_WARM = 5_000;

  /**
   * Orders, payments and signups (and their baselines) run before any scenario, so that what is
   * measured is compiled code, as in a server that has handled a day's events: the scenarios' own
   * {@link #WARM} ops alone leave most of the Java side interpreted or at its first compile tier.
   */
  private static final int JIT_WARM = 2_000;

  private final int rounds = Integer.getInteger("bench.rounds", 5);
  private final List<String> scenarios =
      List.of(
          System.getProperty(
                  "bench.scenarios",
                  "order,payment,payment8,paymentfloor,attribution,attributionfloor,overview,close")
              .split(",", -1));
  private final List<Measured> results = new ArrayList<>();

  /** The history scenario's results ({@link HistoryScenario}), one per database. */
  private final List<ObjectNode> histories = new ArrayList<>();

  /** The click purge's results ({@link ClickPurgeScenario}), one per database. */
  private final List<ObjectNode> purges = new ArrayList<>();

  /** The reports' results ({@link ReportsScenario}), one per database. */
  private final List<ObjectNode> reports = new ArrayList<>();

  /** Each database's server version and settings, as {@link BenchDatabase#server} reads them. */
  private final Map<String, Map<String, String>> servers = new LinkedHashMap<>();

  /** Where the results go: rewritten after every scenario, so a run cut short keeps them. */
  private final Path out;

  private final RunInfo run;

  private DbBenchmarkMain(Path out, RunInfo run) {
    this.out = out;
    this.run = run;
  }

  /**
   * A result as measured: when it was added, the machine's 1-minute load average then, and the
   * rounds it ran.
   */
  record Measured(Result result, Instant at, double load1m, int rounds) {}

  /** One scenario's figures at one scale on one database. */
  record Result(
      String database,
      long scale,
      String scenario,
      String what,
      String baseline,
      Stats sdk,
      Stats bare,
      double sdkOpsPerSecond,
      double bareOpsPerSecond,
      double target,
      double statementsPerOp,
      double otherCallsPerOp) {
    double ratio() {
      return sdk.medianMicros() / bare.medianMicros();
    }
  }

  /** An operation number {@code i} of a block. */
  @FunctionalInterface
  interface Op {
    void run(int i) throws Exception;
  }

  /**
   * Runs the benchmarks.
   *
   * @param args the output folder (default {@code target/bench})
   * @throws Exception if a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    try (RunInfo run = RunInfo.start()) {
      DbBenchmarkMain main = new DbBenchmarkMain(out, run);
      long h2Max = Long.getLong("bench.h2.maxScale", 100_000);
      boolean perScale =
          main.scenarios.stream()
              .anyMatch(s -> !HISTORY.equals(s) && !CLICK_PURGE.equals(s) && !REPORTS.equals(s));
      for (String db : databases().split(",", -1)) {
        BenchDatabase.Kind kind = BenchDatabase.Kind.valueOf(db.trim().toUpperCase(Locale.ROOT));
        for (String s : perScale ? scales().split(",", -1) : new String[0]) {
          long scale = Long.parseLong(s.trim());
          if (kind == BenchDatabase.Kind.H2 && scale > h2Max) {
            continue;
          }
          main.run(kind, scale);
        }
        if (main.scenarios.contains(HISTORY)) {
          main.history(kind);
        }
        if (main.scenarios.contains(CLICK_PURGE)) {
          main.clickPurge(kind);
        }
        if (main.scenarios.contains(REPORTS)) {
          main.reports(kind);
        }
      }
      main.write();
      System.out.println(Files.readString(out.resolve("summary.md")));
      if (Boolean.getBoolean("bench.keep")) {
        Path kept =
            Path.of(System.getProperty("bench.results", "src/bench/results"))
                .resolve(run.id())
                .resolve("db.json");
        Files.createDirectories(kept.getParent());
        Files.copy(out.resolve("results.json"), kept, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("kept the results in " + kept.toAbsolutePath().normalize());
      }
    }
  }

  /** The scenario of issue #24 that closes month after month; never part of the default run. */
  static final String HISTORY = "history";

  /** The scenario of the overviews of partners of several sizes, which has a section of its own. */
  static final String OVERVIEW_SCALE = "overviewscale";

  /** The purge of expired clicks (issue #26); never part of the default run. */
  static final String CLICK_PURGE = "clickpurge";

  /** The reports against their bare aggregates (issue #27); never part of the default run. */
  static final String REPORTS = "reports";

  /** The reports on one database (not H2: its floor is written for the servers). */
  private void reports(BenchDatabase.Kind kind) throws Exception {
    if (kind == BenchDatabase.Kind.H2) {
      System.out.println(
          "  reports skipped on h2: their floor is written for PostgreSQL and MariaDB");
      return;
    }
    reports.add(
        new ReportsScenario(
                kind,
                Long.getLong("bench.reports.entries", 1_000_000),
                rounds,
                db -> {
                  try {
                    servers.putIfAbsent(kind.label(), db.server());
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run());
    write();
  }

  private static long purgeClicks() {
    return Long.getLong("bench.purge.clicks", 10_000_000);
  }

  private static long purgeYoung() {
    return Long.getLong("bench.purge.young", 100_000);
  }

  /** The click purge on one database (not H2: its floor is written for the servers). */
  private void clickPurge(BenchDatabase.Kind kind) throws Exception {
    if (kind == BenchDatabase.Kind.H2) {
      System.out.println(
          "  clickpurge skipped on h2: its floor is written for PostgreSQL and MariaDB");
      return;
    }
    purges.add(
        new ClickPurgeScenario(
                kind,
                purgeClicks(),
                purgeYoung(),
                db -> {
                  try {
                    servers.putIfAbsent(kind.label(), db.server());
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run());
    write();
  }

  /** Its partners' ledger lines unless {@code bench.overview.lines} says otherwise. */
  static final String OVERVIEW_SCALE_LINES = "10000,100000,1000000";

  private static int historyMonths() {
    return Integer.getInteger("bench.history.months", 12);
  }

  private static long historyPartners() {
    return Long.getLong("bench.history.partners", 5_000);
  }

  private static long historyEntries() {
    return Long.getLong("bench.history.entries", 100_000);
  }

  /** The history scenario on one database (not H2: its floor is written for the servers). */
  private void history(BenchDatabase.Kind kind) throws Exception {
    if (kind == BenchDatabase.Kind.H2) {
      System.out.println(
          "  history skipped on h2: its floor is written for PostgreSQL and MariaDB");
      return;
    }
    histories.add(
        new HistoryScenario(
                kind,
                historyMonths(),
                historyPartners(),
                historyEntries(),
                db -> {
                  try {
                    servers.putIfAbsent(kind.label(), db.server());
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run());
    write();
  }

  private static String databases() {
    return System.getProperty("bench.databases", "postgresql,mariadb,h2");
  }

  private static String scales() {
    return System.getProperty("bench.scale", "100000,1000000");
  }

  private void run(BenchDatabase.Kind kind, long scale) throws Exception {
    System.out.printf(Locale.ROOT, "== %s at scale %,d%n", kind.label(), scale);
    try (BenchDatabase db = BenchDatabase.create(kind)) {
      servers.putIfAbsent(kind.label(), db.server());
      Fixtures fixtures =
          scenarios.contains(OVERVIEW_SCALE)
              ? new Fixtures(kind, scale, OVERVIEW_SCALE_LINES)
              : new Fixtures(kind, scale);
      fixtures.load(
          db.dataSource,
          scenarios.contains("attribution") || scenarios.contains("attributionfloor"),
          scenarios.contains("overview")
              || scenarios.contains(OVERVIEW_SCALE)
              || scenarios.contains("close"));
      // The warm-up, the 10 operations whose statements are counted, then the rounds.
      int singleOrders = WARM + 10 + rounds * PER_ROUND;
      int parallelOrders = THREADS * (WARM / 4 + rounds * PER_THREAD_ROUND);
      int floorOrders =
          kind != BenchDatabase.Kind.H2 && scenarios.contains("paymentfloor")
              ? 2 * singleOrders + parallelOrders
              : 0;
      fixtures.attributeOrderCustomers(
          db.dataSource, singleOrders + parallelOrders + JIT_WARM + floorOrders);
      try (FixedPool pool = new FixedPool(db.dataSource, THREADS)) {
        Dialect dialect =
            switch (kind) {
              case POSTGRESQL -> Dialect.POSTGRESQL;
              case MARIADB -> Dialect.MARIADB;
              case H2 -> Dialect.H2;
            };
        ProgramTerms terms =
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
                .build();
        PartnerProgram program =
            PartnerProgram.builder()
                .pseudonymKey(PseudonymKey.of(new byte[32]))
                .terms(terms)
                .storage(JdbcProgramStorage.create(pool, dialect))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        new Scenarios(kind, scale, db, fixtures, pool, program, terms, singleOrders)
            .warmUpJit(singleOrders + parallelOrders)
            .run(singleOrders + parallelOrders + JIT_WARM);
      }
    }
  }

  /** The scenarios of one database at one scale. */
  private final class Scenarios {
    final BenchDatabase.Kind kind;
    final long scale;
    final BenchDatabase db;
    final Fixtures fixtures;
    final FixedPool pool;
    final PartnerProgram program;
    final ProgramTerms terms;
    final int singleOrders;
    final AtomicLong bareIds = new AtomicLong();

    Scenarios(
        BenchDatabase.Kind kind,
        long scale,
        BenchDatabase db,
        Fixtures fixtures,
        FixedPool pool,
        PartnerProgram program,
        ProgramTerms terms,
        int singleOrders) {
      this.kind = kind;
      this.scale = scale;
      this.db = db;
      this.fixtures = fixtures;
      this.pool = pool;
      this.program = program;
      this.terms = terms;
      this.singleOrders = singleOrders;
    }

    /**
     * Runs {@link #JIT_WARM} orders and their payments (order numbers from {@code firstOrder}, past
     * the scenarios' ones), signups when the attribution scenario runs, and as many of each
     * baseline; nothing is measured.
     */
    Scenarios warmUpJit(int firstOrder) throws Exception {
      boolean attribution = scenarios.contains("attribution");
      SplittableRandom random = new SplittableRandom(-scale);
      long start = System.nanoTime();
      for (int i = firstOrder; i < firstOrder + JIT_WARM; i++) {
        program.commissions().recordOrder(new RecordOrderCommand(orderEvent(i), order(i)));
        pay(i);
        bareInsert();
        if (attribution) {
          String visitor = Fixtures.visitorId(random.nextLong(fixtures.visitors));
          attribute("jit-" + i, visitor);
          bareTouchSelect(visitor);
        }
      }
      System.out.printf(
          Locale.ROOT, "  warmed up the JIT in %.1f s%n", (System.nanoTime() - start) / 1e9);
      fixtures.analyzeAfterWarmUp(db.dataSource);
      return this;
    }

    /** Records the payment of order {@code i}; fails unless it earned commission. */
    private void pay(int i) {
      if (program
          .commissions()
          .recordPayment(new RecordPaymentCommand(payEvent(i), orderId(i), NOW))
          .entries()
          .isEmpty()) {
        throw new IllegalStateException("payment of order " + i + " earned nothing");
      }
    }

    /** Attributes a new customer's signup to the visitor's touches; fails unless attributed. */
    private void attribute(String customer, String visitor) {
      AttributionDecision d =
          program
              .referrals()
              .attributeSignup(
                  AttributeSignupCommand.newCustomer(customer).visitor(visitor).at(NOW))
              .decision();
      if (!(d instanceof AttributionDecision.Attributed)) {
        throw new IllegalStateException("signup of " + customer + " not attributed: " + d);
      }
    }

    /**
     * Runs the scenarios asked for.
     *
     * @param firstFreeOrder the first order number no earlier step used (the floor's orders)
     */
    void run(int firstFreeOrder) throws Exception {
      boolean orders = scenarios.contains("order");
      if (orders || scenarios.contains("payment") || scenarios.contains("payment8")) {
        // Orders are recorded (and measured) first: the payments need them.
        Result r =
            interleaved(
                "order",
                "record an order of 2 lines (attribution + rate lookup + pricing + ledger)",
                "bare INSERT + COMMIT",
                0,
                i ->
                    program
                        .commissions()
                        .recordOrder(new RecordOrderCommand(orderEvent(i), order(i))),
                i -> bareInsert());
        if (orders) {
          add(r);
        }
        parallel(
            "order8",
            "",
            "",
            singleOrders,
            WARM / 4,
            i -> program.commissions().recordOrder(new RecordOrderCommand(orderEvent(i), order(i))),
            i -> bareInsert(),
            false);
      }
      if (scenarios.contains("payment")) {
        add(
            interleaved(
                "payment",
                "record a payment, 1 thread (idempotency + ledger + outbox)",
                "bare INSERT + COMMIT",
                2.0,
                this::pay,
                i -> bareInsert()));
      }
      if (scenarios.contains("payment8")) {
        parallel(
            "payment8",
            "record a payment, 8 threads",
            "bare INSERT + COMMIT, 8 threads",
            singleOrders,
            WARM / 4,
            i ->
                program
                    .commissions()
                    .recordPayment(new RecordPaymentCommand(payEvent(i), orderId(i), NOW)),
            i -> bareInsert(),
            true);
      }
      if (scenarios.contains("paymentfloor")) {
        paymentFloor(firstFreeOrder);
      }
      if (scenarios.contains("attribution")) {
        SplittableRandom random = new SplittableRandom(scale);
        add(
            interleaved(
                "attribution",
                "attribute a signup (" + scale + " stored touches)",
                "bare indexed SELECT of the visitor's touches",
                2.0,
                i -> attribute("sc-" + i, Fixtures.visitorId(random.nextLong(fixtures.visitors))),
                i -> bareTouchSelect(Fixtures.visitorId(random.nextLong(fixtures.visitors)))));
      }
      if (scenarios.contains("attributionfloor")) {
        attributionFloor();
      }
      if (scenarios.contains("overview")) {
        warmUpOverviews();
        add(overview("overview", 0));
      }
      if (scenarios.contains(OVERVIEW_SCALE)) {
        // One result per big partner, in the order listed: their medians side by side show how
        // the overview's cost grows with a partner's history.
        warmUpOverviews();
        for (int p = 0; p < fixtures.bigPartnerLines.length; p++) {
          add(overview(OVERVIEW_SCALE, p));
        }
      }
      if (scenarios.contains("close")) {
        close();
      }
    }

    /**
     * The JIT first: a few hundred overviews of a big partner leave the Java side of both paths
     * interpreted or barely compiled (a server that shows overviews all day runs them compiled), so
     * both run first on a partner of a few lines, cheap enough to repeat.
     */
    private void warmUpOverviews() throws Exception {
      PartnerId small = PartnerId.of(Fixtures.partnerId(fixtures.bigPartnerLines.length));
      for (int i = 0; i < OVERVIEW_JIT_WARM; i++) {
        if (program.partners().overview(small).isEmpty()) {
          throw new IllegalStateException("no overview for " + small);
        }
        bareAggregate(small.value());
      }
    }

    /** The overview of big partner {@code p} against a bare SUM over its ledger lines. */
    private Result overview(String scenario, int p) throws Exception {
      PartnerId big = PartnerId.of(Fixtures.partnerId(p));
      return interleavedBlocks(
          scenario,
          "partner overview (" + fixtures.bigPartnerLines[p] + " ledger lines)",
          "bare SUM over the partner's ledger lines",
          2.0,
          OVERVIEW_WARM,
          OVERVIEW_PER_ROUND,
          i -> {
            if (program.partners().overview(big).isEmpty()) {
              throw new IllegalStateException("no overview for " + big);
            }
          },
          i -> bareAggregate(big.value()));
    }

    /**
     * The payment's floor ({@link PaymentFloor}): rounds of a bare INSERT, the same rows as a
     * payment by hand, and the SDK's payment, interleaved. Two rows: the floor against the bare
     * INSERT (what no implementation of the payment's writes could beat) and the SDK against the
     * floor (what the SDK itself costs); then a third, the floor with 8 threads against the bare
     * INSERT with 8 threads. The orders, {@code 2 * singleOrders} and the 8 threads' from {@code
     * firstOrder}, are recorded through the SDK first, unmeasured.
     */
    private void paymentFloor(int firstOrder) throws Exception {
      if (kind == BenchDatabase.Kind.H2) {
        System.out.println("  paymentfloor skipped: written for PostgreSQL and MariaDB");
        return;
      }
      int parallelOrders = THREADS * (WARM / 4 + rounds * PER_THREAD_ROUND);
      for (int i = firstOrder; i < firstOrder + 2 * singleOrders + parallelOrders; i++) {
        program.commissions().recordOrder(new RecordOrderCommand(orderEvent(i), order(i)));
      }
      PaymentFloor floor = new PaymentFloor(kind, pool);
      Instant payableAt = NOW.plus(terms.holdingPeriod());
      Op payByHand =
          i ->
              floor.pay(
                  new PaymentFloor.Payment(
                      "floor-" + i,
                      String.format(Locale.ROOT, "%064x", i),
                      orderId(i).value(),
                      NOW,
                      payableAt,
                      NOW));
      int floorBase = firstOrder + singleOrders;
      Series s =
          interleavedSeries(
              WARM,
              PER_ROUND,
              i -> bareInsert(),
              i -> payByHand.run(floorBase + i),
              i -> pay(firstOrder + i));
      floor.checkSameRows(orderId(firstOrder).value(), orderId(floorBase).value());
      String what =
          kind == BenchDatabase.Kind.POSTGRESQL
              ? "record a payment by hand: the same rows, 1 statement (writable CTEs)"
              : "record a payment by hand: the same rows, 5 statements";
      addFloorRows(
          s,
          "paymentfloor",
          what,
          "bare INSERT + COMMIT",
          "payment-vs-floor",
          "record a payment, 1 thread (SDK)");
      // The floor with 8 threads, against the bare INSERT with 8 threads, as payment8 runs the SDK.
      parallel(
          "paymentfloor8",
          "record a payment by hand, 8 threads",
          "bare INSERT + COMMIT, 8 threads",
          firstOrder + 2 * singleOrders,
          WARM / 4,
          payByHand,
          i -> bareInsert(),
          true);
    }

    /**
     * The attribution's floor ({@link AttributionFloor}): rounds of the bare indexed SELECT, the
     * same rows as an attribution by hand, and the SDK's attribution, interleaved, each on a random
     * visitor. Two rows, as for the payment's floor.
     */
    private void attributionFloor() throws Exception {
      if (kind == BenchDatabase.Kind.H2) {
        System.out.println("  attributionfloor skipped: written for PostgreSQL and MariaDB");
        return;
      }
      AttributionFloor floor = new AttributionFloor(kind, pool);
      SplittableRandom random = new SplittableRandom(scale + 1);
      Instant since = NOW.minus(terms.attributionWindow());
      Series s =
          interleavedSeries(
              WARM,
              PER_ROUND,
              i -> bareTouchSelect(Fixtures.visitorId(random.nextLong(fixtures.visitors))),
              i ->
                  floor.attribute(
                      "fa-" + i,
                      Fixtures.visitorId(random.nextLong(fixtures.visitors)),
                      since,
                      NOW),
              i -> attribute("sa-" + i, Fixtures.visitorId(random.nextLong(fixtures.visitors))));
      String visitor = Fixtures.visitorId(random.nextLong(fixtures.visitors));
      attribute("sa-check", visitor);
      floor.attribute("fa-check", visitor, since, NOW);
      floor.checkSameRows("sa-check", "fa-check");
      String what =
          kind == BenchDatabase.Kind.POSTGRESQL
              ? "attribute a signup by hand: the same rows, 1 statement (writable CTEs)"
              : "attribute a signup by hand: the same rows, 2 statements";
      addFloorRows(
          s,
          "attributionfloor",
          what,
          "bare indexed SELECT of the visitor's touches",
          "attribution-vs-floor",
          "attribute a signup (SDK)");
    }

    /**
     * The two rows of a floor run ({@link #interleavedSeries} of the baseline, the floor and the
     * SDK): the floor against the baseline (target 2.0) and the SDK against the floor.
     */
    private void addFloorRows(
        Series s,
        String floorScenario,
        String floorWhat,
        String baseline,
        String sdkScenario,
        String sdkWhat)
        throws IOException {
      add(
          new Result(
              kind.label(),
              scale,
              floorScenario,
              floorWhat,
              baseline,
              s.stats(1),
              s.stats(0),
              s.opsPerSecond(1),
              s.opsPerSecond(0),
              2.0,
              s.statements(1),
              s.otherCalls(1)));
      add(
          new Result(
              kind.label(),
              scale,
              sdkScenario,
              sdkWhat,
              "the same rows by hand (the row above)",
              s.stats(2),
              s.stats(1),
              s.opsPerSecond(2),
              s.opsPerSecond(1),
              0,
              s.statements(2),
              s.otherCalls(2)));
    }

    /**
     * Per-operation times and counts of the operations of {@link #interleavedSeries}. (Arrays, one
     * slot per operation: a series is only read, never compared or hashed.)
     */
    @SuppressWarnings("ArrayRecordComponent")
    private record Series(
        LatencyLog[] logs, long[] nanos, int ops, double[] statements, double[] otherCalls) {
      Stats stats(int op) {
        return Stats.of(logs[op].values());
      }

      double opsPerSecond(int op) {
        return ops / (nanos[op] / 1e9);
      }

      double statements(int op) {
        return statements[op];
      }

      double otherCalls(int op) {
        return otherCalls[op];
      }
    }

    /**
     * Warm-up, then {@code rounds} rounds of a block of each operation in turn; each operation
     * numbers its own calls from 0. Before the rounds, 10 calls of each count its statements.
     */
    private Series interleavedSeries(int warm, int perRound, Op... ops) throws Exception {
      int[] next = new int[ops.length];
      for (int i = 0; i < warm; i++) {
        for (int k = 0; k < ops.length; k++) {
          ops[k].run(next[k]++);
        }
      }
      double[] statements = new double[ops.length];
      double[] other = new double[ops.length];
      for (int k = 0; k < ops.length; k++) {
        long statements0 = pool.statements.get();
        long other0 = pool.otherCalls.get();
        for (int i = 0; i < 10; i++) {
          ops[k].run(next[k]++);
        }
        statements[k] = (pool.statements.get() - statements0) / 10.0;
        other[k] = (pool.otherCalls.get() - other0) / 10.0;
      }
      LatencyLog[] logs = new LatencyLog[ops.length];
      long[] nanos = new long[ops.length];
      for (int k = 0; k < ops.length; k++) {
        logs[k] = new LatencyLog();
      }
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < ops.length; k++) {
          long start = System.nanoTime();
          for (int i = 0; i < perRound; i++) {
            long t = System.nanoTime();
            ops[k].run(next[k]++);
            logs[k].add(System.nanoTime() - t);
          }
          nanos[k] += System.nanoTime() - start;
        }
      }
      return new Series(logs, nanos, rounds * perRound, statements, other);
    }

    private void add(Result r) throws IOException {
      add(rounds, r);
    }

    private void add(int roundsRun, Result r) throws IOException {
      results.add(
          new Measured(
              r,
              Instant.now().truncatedTo(ChronoUnit.SECONDS),
              RunInfo.loadAverage()[0],
              roundsRun));
      write();
      System.out.printf(
          Locale.ROOT,
          "  %-12s SDK median %.1f us (p90 %.1f) vs baseline %.1f us (p90 %.1f): %.2fx%n",
          r.scenario(),
          r.sdk().medianMicros(),
          r.sdk().p90Micros(),
          r.bare().medianMicros(),
          r.bare().p90Micros(),
          r.ratio());
    }

    private Result interleaved(
        String name, String what, String baseline, double target, Op sdk, Op bare)
        throws Exception {
      return interleavedBlocks(name, what, baseline, target, WARM, PER_ROUND, sdk, bare);
    }

    /** Warm-up, then {@code rounds} rounds of a baseline block and an SDK block. */
    private Result interleavedBlocks(
        String name,
        String what,
        String baseline,
        double target,
        int warm,
        int perRound,
        Op sdk,
        Op bare)
        throws Exception {
      int next = 0;
      for (int i = 0; i < warm; i++) {
        bare.run(next);
        sdk.run(next++);
      }
      long statements0 = pool.statements.get();
      long other0 = pool.otherCalls.get();
      for (int i = 0; i < 10; i++) {
        sdk.run(next++);
      }
      double statements = (pool.statements.get() - statements0) / 10.0;
      double other = (pool.otherCalls.get() - other0) / 10.0;
      LatencyLog sdkLog = new LatencyLog();
      LatencyLog bareLog = new LatencyLog();
      long sdkNanos = 0;
      long bareNanos = 0;
      int bareNext = next;
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          long t = System.nanoTime();
          bare.run(bareNext++);
          bareLog.add(System.nanoTime() - t);
        }
        bareNanos += System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          long t = System.nanoTime();
          sdk.run(next++);
          sdkLog.add(System.nanoTime() - t);
        }
        sdkNanos += System.nanoTime() - start;
      }
      int ops = rounds * perRound;
      return new Result(
          kind.label(),
          scale,
          name,
          what,
          baseline,
          Stats.of(sdkLog.values()),
          Stats.of(bareLog.values()),
          ops / (sdkNanos / 1e9),
          ops / (bareNanos / 1e9),
          target,
          statements,
          other);
    }

    /** Like {@link #interleavedBlocks} with {@link #THREADS} threads per block. */
    private void parallel(
        String name,
        String what,
        String baseline,
        int offset,
        int warmPerThread,
        Op sdk,
        Op bare,
        boolean record)
        throws Exception {
      int[] next = {offset};
      block(warmPerThread, next, sdk, new LatencyLog());
      int[] bareNext = {0};
      block(warmPerThread, bareNext, bare, new LatencyLog());
      LatencyLog sdkLog = new LatencyLog();
      LatencyLog bareLog = new LatencyLog();
      long sdkNanos = 0;
      long bareNanos = 0;
      for (int r = 0; r < rounds; r++) {
        bareNanos += block(PER_THREAD_ROUND, bareNext, bare, bareLog);
        sdkNanos += block(PER_THREAD_ROUND, next, sdk, sdkLog);
      }
      if (record) {
        int ops = rounds * PER_THREAD_ROUND * THREADS;
        add(
            new Result(
                kind.label(),
                scale,
                name,
                what,
                baseline,
                Stats.of(sdkLog.values()),
                Stats.of(bareLog.values()),
                ops / (sdkNanos / 1e9),
                ops / (bareNanos / 1e9),
                2.0,
                Double.NaN,
                Double.NaN));
      }
    }

    /** {@link #THREADS} threads, each running {@code perThread} operations; the wall time. */
    private long block(int perThread, int[] next, Op op, LatencyLog log) throws Exception {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      Exception[] failure = new Exception[1];
      int base = next[0];
      for (int t = 0; t < THREADS; t++) {
        int first = base + t * perThread;
        Thread thread =
            new Thread(
                () -> {
                  LatencyLog mine = new LatencyLog();
                  try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                      long t0 = System.nanoTime();
                      op.run(first + i);
                      mine.add(System.nanoTime() - t0);
                    }
                  } catch (Exception e) {
                    synchronized (failure) {
                      failure[0] = e;
                    }
                  }
                  log.addAll(mine);
                });
        threads.add(thread);
        thread.start();
      }
      next[0] = base + THREADS * perThread;
      long t0 = System.nanoTime();
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      long wall = System.nanoTime() - t0;
      synchronized (failure) {
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      return wall;
    }

    private EventId orderEvent(int i) {
      return EventId.of("order-" + i);
    }

    private EventId payEvent(int i) {
      return EventId.of("pay-" + i);
    }

    private OrderId orderId(int i) {
      return OrderId.of("o-" + i);
    }

    private Order order(int i) {
      return new Order(
          orderId(i),
          CustomerAccountId.of(Fixtures.orderCustomer(i)),
          NOW.minus(Duration.ofHours(1)),
          List.of(
              new OrderLine(
                  1,
                  ProductId.of("shared-hosting-basic"),
                  Optional.of(ProductGroupId.of("shared-hosting")),
                  Money.of("119.40", "EUR"),
                  Optional.empty()),
              new OrderLine(
                  2,
                  ProductId.of("vps-m"),
                  Optional.of(ProductGroupId.of("vps")),
                  Money.of("180.00", "EUR"),
                  Optional.empty())));
    }

    private void bareInsert() throws SQLException {
      try (Connection c = pool.getConnection();
          PreparedStatement ps =
              c.prepareStatement("INSERT INTO bench_insert (id, payload) VALUES (?, ?)")) {
        ps.setLong(1, bareIds.incrementAndGet());
        ps.setString(2, "payment");
        ps.executeUpdate();
        c.commit();
      }
    }

    private void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
      if (kind == BenchDatabase.Kind.MARIADB) {
        ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      } else {
        ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      }
    }

    private void bareTouchSelect(String visitor) throws SQLException {
      try (Connection c = pool.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT code, partner_id, touched_at FROM pp_touch WHERE visitor_id = ?"
                      + " AND touched_at >= ? AND touched_at <= ? ORDER BY touched_at")) {
        ps.setString(1, visitor);
        setInstant(ps, 2, NOW.minus(Duration.ofDays(90)));
        setInstant(ps, 3, NOW);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        c.commit();
        if (rows == 0) {
          throw new IllegalStateException("visitor " + visitor + " has no touches");
        }
      }
    }

    private void bareAggregate(String partner) throws SQLException {
      try (Connection c = pool.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(amount), 0) FROM pp_ledger_entry WHERE partner_id = ?")) {
        ps.setString(1, partner);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBigDecimal(1).signum() <= 0) {
            throw new IllegalStateException("no ledger lines for " + partner);
          }
        }
        c.commit();
      }
    }

    /**
     * Period close: rounds of the bare SQL and the SDK, the database put back after each. The order
     * alternates by round (bare SQL first in odd rounds, the SDK first in even ones), so neither
     * always runs on what the other left in the caches.
     */
    private void close() throws Exception {
      int closeRounds = Integer.getInteger("bench.closeRounds", scale >= 1_000_000 ? 2 : 3);
      long[] sdk = new long[closeRounds];
      long[] bare = new long[closeRounds];
      long statements = 0;
      long other = 0;
      for (int r = 0; r < closeRounds; r++) {
        int barePayouts = 0;
        int sdkPayouts = 0;
        for (int turn = 0; turn < 2; turn++) {
          if ((turn + r) % 2 == 0) {
            long t = System.nanoTime();
            barePayouts = bareClose();
            bare[r] = System.nanoTime() - t;
          } else {
            long statements0 = pool.statements.get();
            long other0 = pool.otherCalls.get();
            long t = System.nanoTime();
            PeriodCloseResult result =
                program.payouts().close(CLOSED_MONTH, Act.by("bench", "monthly close"));
            sdk[r] = System.nanoTime() - t;
            if (result.alreadyClosed()) {
              throw new IllegalStateException("the SDK found the month closed already");
            }
            sdkPayouts = result.payoutCount();
            statements = pool.statements.get() - statements0;
            other = pool.otherCalls.get() - other0;
          }
          undoClose();
        }
        if (sdkPayouts != barePayouts) {
          throw new IllegalStateException(
              "the SDK made " + sdkPayouts + " payouts, the bare SQL " + barePayouts);
        }
        System.out.printf(
            Locale.ROOT,
            "  close round %d: SDK %.2f s, bare SQL %.2f s (%d payouts)%n",
            r + 1,
            sdk[r] / 1e9,
            bare[r] / 1e9,
            barePayouts);
      }
      add(
          closeRounds,
          new Result(
              kind.label(),
              scale,
              "close",
              "close a period (" + scale + " payable entries, " + fixtures.partners + " partners)",
              "bare SQL: aggregate the open entries, insert payouts and close lines, move the"
                  + " entries into payout items",
              Stats.of(sdk),
              Stats.of(bare),
              1e9 / Stats.of(sdk).medianMicros() / 1e3,
              1e9 / Stats.of(bare).medianMicros() / 1e3,
              1.5,
              statements,
              other));
    }

    private int bareClose() throws SQLException {
      try (Connection c = pool.getConnection()) {
        int payouts = new CloseFloor(kind).close(c, CLOSED_MONTH, OCTOBER_END, NOW);
        c.commit();
        return payouts;
      }
    }

    /**
     * Empties what a close wrote and opens every payable entry again: with no payout left, each
     * EARNED or REVERSED entry of the ledger is open (V11), as before the close.
     */
    private void undoClose() throws SQLException {
      try (Connection c = db.dataSource.getConnection();
          Statement s = c.createStatement()) {
        if (kind == BenchDatabase.Kind.POSTGRESQL) {
          // One statement, no per-row foreign-key checks (deleting 500,000 payouts row by row
          // checked each against the close lines).
          s.execute(
              "TRUNCATE pp_period_close_line, pp_carried_item, pp_released_item, pp_payout_item,"
                  + " pp_payout, pp_period_close, pp_outbox, pp_open_entry");
          s.execute(REOPEN_ALL);
          s.execute(
              "VACUUM ANALYZE pp_payout_item, pp_payout, pp_period_close_line, pp_outbox,"
                  + " pp_open_entry");
          return;
        }
        List<String> tables =
            List.of(
                "pp_period_close_line",
                "pp_carried_item",
                "pp_released_item",
                "pp_payout_item",
                "pp_payout",
                "pp_period_close",
                "pp_outbox",
                "pp_open_entry");
        if (kind == BenchDatabase.Kind.MARIADB) {
          // TRUNCATE, not DELETE: InnoDB purges a million deleted rows in the background for
          // tens of seconds, so whichever close ran next shared the machine with that purge (a
          // bare close took 18.7 s on fresh tables and 37.0 s right after a DELETE). TRUNCATE
          // refuses a table that a foreign key references unless the checks are off for the
          // session; all eight are emptied together.
          s.execute("SET foreign_key_checks = 0");
          for (String table : tables) {
            s.execute("TRUNCATE TABLE " + table);
          }
          s.execute("SET foreign_key_checks = 1");
          s.execute(REOPEN_ALL);
          return;
        }
        for (String table : tables) {
          s.executeUpdate("DELETE FROM " + table);
        }
        s.execute(REOPEN_ALL);
      }
    }
  }

  // ------------------------------------------------------------------ output

  /**
   * Writes {@code results.json}: the run ({@link RunInfo}, with the settings), each database's
   * server ({@link BenchDatabase#server}) and the results, each with its time, the load then and
   * its rounds; and {@code summary.md}, a quick table of the same.
   */
  private void write() throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode settings = JsonNodeFactory.instance.objectNode();
    settings.put("databases", databases());
    settings.put("scale", scales());
    settings.put("h2_max_scale", Long.getLong("bench.h2.maxScale", 100_000));
    settings.put("scenarios", String.join(",", scenarios));
    settings.put("rounds", rounds);
    if (scenarios.contains(HISTORY)) {
      settings.put("history_months", historyMonths());
      settings.put("history_partners", historyPartners());
      settings.put("history_entries", historyEntries());
    }
    if (scenarios.contains(CLICK_PURGE)) {
      settings.put("purge_clicks", purgeClicks());
      settings.put("purge_young", purgeYoung());
    }
    if (scenarios.contains(OVERVIEW_SCALE)) {
      settings.put(
          "overview_lines", System.getProperty("bench.overview.lines", OVERVIEW_SCALE_LINES));
    }
    root.set("run", run.toJson(settings));
    ObjectNode databases = root.putObject("databases");
    servers.forEach((db, server) -> server.forEach(databases.putObject(db)::put));
    ArrayNode array = root.putArray("results");
    StringBuilder md =
        new StringBuilder(
            "| database | rows | scenario | SDK median (p90) | baseline median (p90) | ratio |"
                + " target | met | SDK statements (+ commits, isolation calls) per op |\n"
                + "|---|---:|---|---:|---:|---:|---:|---|---:|\n");
    for (Measured m : results) {
      Result r = m.result();
      ObjectNode o = array.addObject();
      o.put("database", r.database());
      o.put("scale", r.scale());
      o.put("scenario", r.scenario());
      o.put("what", r.what());
      o.put("baseline", r.baseline());
      o.set("sdk", stats(r.sdk()));
      o.set("bare", stats(r.bare()));
      o.put("sdk_ops_per_s", RunInfo.round(r.sdkOpsPerSecond(), 1));
      o.put("bare_ops_per_s", RunInfo.round(r.bareOpsPerSecond(), 1));
      o.put("ratio", RunInfo.round(r.ratio(), 3));
      if (r.target() > 0) {
        o.put("target", r.target());
      } else {
        o.putNull("target");
      }
      putOrNull(o, "sdk_statements_per_op", r.statementsPerOp());
      putOrNull(o, "sdk_other_calls_per_op", r.otherCallsPerOp());
      o.put("rounds", m.rounds());
      o.put("at", m.at().toString());
      putOrNull(o, "load_1m", m.load1m());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %s | %s (%s) | %s (%s) | %.2fx | %s | %s | %s |%n",
              r.database(),
              r.scale(),
              r.what(),
              time(r.sdk().medianMicros()),
              time(r.sdk().p90Micros()),
              time(r.bare().medianMicros()),
              time(r.bare().p90Micros()),
              r.ratio(),
              r.target() > 0 ? "≤ " + r.target() + "x" : "-",
              r.target() <= 0 ? "" : r.ratio() <= r.target() ? "yes" : "**no**",
              Double.isNaN(r.statementsPerOp())
                  ? "-"
                  : String.format(
                      Locale.ROOT, "%.0f (+ %.0f)", r.statementsPerOp(), r.otherCallsPerOp())));
    }
    md.append(scaleGrowth());
    for (ObjectNode h : histories) {
      array.add(h);
      md.append('\n').append(HistoryScenario.summaryLine(h));
    }
    for (ObjectNode p : purges) {
      array.add(p);
      md.append('\n').append(ClickPurgeScenario.summaryLine(p));
    }
    for (ObjectNode r : reports) {
      array.add(r);
      md.append('\n').append(ReportsScenario.summaryLine(r));
    }
    Files.writeString(
        out.resolve("results.json"),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(out.resolve("summary.md"), md, StandardCharsets.UTF_8);
  }

  private static ObjectNode stats(Stats s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("count", s.count());
    o.put("median_us", RunInfo.round(s.medianMicros(), 1));
    o.put("p90_us", RunInfo.round(s.p90Micros(), 1));
    o.put("mean_us", RunInfo.round(s.meanMicros(), 1));
    return o;
  }

  private static void putOrNull(ObjectNode o, String field, double value) {
    if (Double.isNaN(value)) {
      o.putNull(field);
    } else {
      o.put(field, RunInfo.round(value, 2));
    }
  }

  /** Attribution's cost at the largest scale over its cost at the smallest (target ≤ 1.3). */
  private String scaleGrowth() {
    StringBuilder s = new StringBuilder();
    for (String db : results.stream().map(m -> m.result().database()).distinct().toList()) {
      List<Result> attribution =
          results.stream()
              .map(Measured::result)
              .filter(r -> r.database().equals(db) && r.scenario().equals("attribution"))
              .sorted((a, b) -> Long.compare(a.scale(), b.scale()))
              .toList();
      if (attribution.size() > 1) {
        Result small = attribution.get(0);
        Result large = attribution.get(attribution.size() - 1);
        double growth = large.sdk().medianMicros() / small.sdk().medianMicros();
        s.append(
            String.format(
                Locale.ROOT,
                "%n%s: attribution at %,d touches costs %.2fx its cost at %,d (target ≤ 1.3x: %s)%n",
                db,
                large.scale(),
                growth,
                small.scale(),
                growth <= 1.3 ? "met" : "missed"));
      }
    }
    return s.toString();
  }

  private static String time(double micros) {
    return micros >= 1e6
        ? String.format(Locale.ROOT, "%.2f s", micros / 1e6)
        : micros >= 1e3
            ? String.format(Locale.ROOT, "%.2f ms", micros / 1e3)
            : String.format(Locale.ROOT, "%.0f µs", micros);
  }
}
