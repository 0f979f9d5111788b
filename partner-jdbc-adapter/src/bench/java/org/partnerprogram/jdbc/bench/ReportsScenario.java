package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The reports of issue #27 (item 7) on a big ledger: do {@code reports().topPartners(..)} and
 * {@code reports().funnel(..)} stay within 2× of the bare SQL that computes the same aggregate?
 *
 * <p>A fresh database gets {@code entries} ledger entries spread evenly over 2026 (45 % ACCRUED, 40
 * % EARNED, 5 % CANCELLED, 10 % REVERSED) among {@value #PARTNERS} partners, and a year of clicks,
 * attribution decisions, paid orders and monthly payouts (sizes in {@link #run}), all made
 * server-side from a series ({@link Fixtures#range}); then statistics are taken (PostgreSQL {@code
 * VACUUM ANALYZE}, MariaDB {@code ANALYZE TABLE}); not timed.
 *
 * <p>Then, on one connection, for each query: {@value #WARM} warm-up calls of each side, and {@code
 * rounds} rounds of {@value #PER_ROUND} floor calls followed by {@value #PER_ROUND} SDK calls,
 * interleaved so that a busy machine slows both alike. The floor is the bare aggregate statement,
 * prepared, executed and read into Java values, in a transaction that it commits, as the SDK's unit
 * of work does. The SDK's answer must equal the floor's, or the run fails.
 */
final class ReportsScenario {
  /** The programme's "now": after the year the data covers. */
  static final Instant NOW = Instant.parse("2027-01-15T12:00:00Z");

  /** The month the reports are asked for. */
  static final YearMonth MONTH = YearMonth.of(2026, 6);

  static final int PARTNERS = 10_000;
  static final int TOP = 10;
  static final int WARM = 20;
  static final int PER_ROUND = 10;
  static final double TARGET = 2.0;

  /** The SDK's calls, as the results name them. */
  static final String TOP_CALL = "program.reports().topPartners(from, to, " + TOP + ")";

  static final String FUNNEL_CALL = "program.reports().funnel(month)";

  private static final String BASE = "2026-01-01 00:00:00";
  private static final long YEAR_SECONDS = 365L * 24 * 3600;

  final BenchDatabase.Kind kind;
  final long entries;
  final int rounds;
  private final Consumer<BenchDatabase> onDatabase;

  /**
   * A run to make.
   *
   * @param kind PostgreSQL or MariaDB
   * @param entries ledger entries (at least 100,000)
   * @param rounds rounds of each side
   * @param onDatabase told of the database once it exists (for its server's settings)
   */
  ReportsScenario(
      BenchDatabase.Kind kind, long entries, int rounds, Consumer<BenchDatabase> onDatabase) {
    FloorRows.requireServer(kind, "the reports' floor");
    if (entries < 100_000) {
      throw new IllegalArgumentException(
          "the reports need 100,000 entries or more, was " + entries);
    }
    this.kind = kind;
    this.entries = entries;
    this.rounds = rounds;
    this.onDatabase = onDatabase;
  }

  /** A query's measured calls. */
  private interface Call {
    Object run() throws Exception;
  }

  /**
   * Loads, then measures both queries.
   *
   * @return the result, as {@code results.json} holds it (scenario {@code reports})
   * @throws Exception if a step fails or the SDK's answer differs from the floor's
   */
  ObjectNode run() throws Exception {
    long clicks = entries / 5;
    long decisions = entries / 20;
    long orders = entries / 20;
    System.out.printf(
        Locale.ROOT,
        "== %s reports: %,d ledger entries, %,d partners, %,d clicks, %,d decisions, %,d orders%n",
        kind.label(),
        entries,
        PARTNERS,
        clicks,
        decisions,
        orders);
    ProgramTerms terms =
        ProgramTerms.builder()
            .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
            .build();
    Instant from = terms.startOf(MONTH);
    Instant to = terms.endOf(MONTH);
    Fixtures fixtures = new Fixtures(kind, entries, PARTNERS);
    try (BenchDatabase db = BenchDatabase.create(kind)) {
      onDatabase.accept(db);
      long seedStart = System.nanoTime();
      seed(db, fixtures, clicks, decisions, orders);
      long seedNanos = System.nanoTime() - seedStart;
      try (FixedPool pool = new FixedPool(db.dataSource, 1)) {
        PartnerProgram program =
            PartnerProgram.builder()
                .pseudonymKey(PseudonymKey.of(new byte[32]))
                .terms(terms)
                .storage(
                    JdbcProgramStorage.create(
                        pool,
                        kind == BenchDatabase.Kind.POSTGRESQL
                            ? Dialect.POSTGRESQL
                            : Dialect.MARIADB))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        List<PartnerAmount> sdkTop = program.reports().topPartners(from, to, TOP);
        List<List<String>> floorTop = floorTop(pool, from, to);
        FloorRows.same("top partners", text(sdkTop), floorTop);
        Funnel sdkFunnel = program.reports().funnel(MONTH);
        List<String> floorFunnel = floorFunnel(pool, from, to);
        FloorRows.same("the funnel", text(sdkFunnel), floorFunnel);
        System.out.printf(Locale.ROOT, "  %s: %s%n", MONTH, sdkFunnel);
        ObjectNode top =
            measure(
                "top partners",
                TOP_CALL,
                "bare SQL: SELECT partner_id, SUM(CASE kind WHEN EARNED THEN amount ELSE"
                    + " -amount END) … WHERE kind IN (EARNED, REVERSED) AND occurred_at in the"
                    + " month AND currency_code = ? GROUP BY partner_id ORDER BY the sum DESC,"
                    + " partner_id LIMIT "
                    + TOP,
                () -> program.reports().topPartners(from, to, TOP),
                () -> floorTop(pool, from, to));
        ObjectNode funnel =
            measure(
                "funnel",
                FUNNEL_CALL,
                "bare SQL: one SELECT of seven scalar subqueries (clicks, attributed decisions,"
                    + " distinct paying customers, EARNED, CANCELLED and REVERSED sums, PAID"
                    + " payouts), each over the month's range",
                () -> program.reports().funnel(MONTH),
                () -> floorFunnel(pool, from, to));
        return json(seedNanos, clicks, decisions, orders, top, funnel);
      }
    }
  }

  // ------------------------------------------------------------------ loading

  private void seed(BenchDatabase db, Fixtures f, long clicks, long decisions, long orders)
      throws SQLException {
    String partner =
        Fixtures.padded("p", "MOD(MOD(i, " + PARTNERS + ") * 7919, " + PARTNERS + ")", 6);
    String kindOf =
        "CASE WHEN MOD(i, 20) < 9 THEN 'ACCRUED' WHEN MOD(i, 20) < 17 THEN 'EARNED'"
            + " WHEN MOD(i, 20) = 17 THEN 'CANCELLED' ELSE 'REVERSED' END";
    String entryAt = f.at(BASE, "i * " + Math.max(1, YEAR_SECONDS / entries));
    List<String> statements = new ArrayList<>();
    statements.add(
        "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
            + " status_changed_at, version) SELECT "
            + Fixtures.padded("p", "i", 6)
            + ", "
            + Fixtures.padded("cust-", "i", 6)
            + ", 'ACTIVE', "
            + f.at("2025-01-01 00:00:00", "i")
            + ", "
            + f.at("2025-01-01 00:00:00", "i")
            + ", 1 FROM "
            + f.range(0, PARTNERS));
    for (long first = 0; first < entries; first += 1_000_000) {
      statements.add(
          "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
              + " kind, amount, currency_code, base_amount, base_currency, occurred_at,"
              + " payable_at, source_event_id, recorded_at) SELECT CONCAT("
              + Fixtures.padded("", "i", 8)
              + ", '-0000-4000-8000-000000000000'), "
              + Fixtures.padded("", "i", 32)
              + ", "
              + partner
              + ", "
              + Fixtures.padded("o", "i", 9)
              + ", 1, "
              + kindOf
              + ", MOD(i, 7) + 1, 'EUR', 100, 'EUR', "
              + entryAt
              + ", CASE WHEN MOD(i, 20) < 9 OR MOD(i, 20) = 17 THEN NULL ELSE "
              + entryAt
              + " END, "
              + Fixtures.padded("e", "i", 9)
              + ", "
              + entryAt
              + " FROM "
              + f.range(first, Math.min(1_000_000, entries - first)));
    }
    statements.add(
        "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at) SELECT "
            + Fixtures.padded("v", "i", 9)
            + ", 'BENCH-CODE', "
            + partner
            + ", "
            + f.at(BASE, "i * " + Math.max(1, YEAR_SECONDS / clicks))
            + " FROM "
            + f.range(0, clicks));
    String decidedAt = f.at(BASE, "i * " + Math.max(1, YEAR_SECONDS / decisions));
    statements.add(
        "INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
            + " decided_partner_id, code, touched_at, attribution_rule, reason, new_customer,"
            + " customer_iban_given, signup_at, decided_at) SELECT "
            + Fixtures.padded("c", "i", 9)
            + ", CASE WHEN MOD(i, 3) = 0 THEN 'NOT_ATTRIBUTED' ELSE 'ATTRIBUTED' END, "
            + partner
            + ", CASE WHEN MOD(i, 3) = 0 THEN NULL ELSE "
            + partner
            + " END, CASE WHEN MOD(i, 3) = 0 THEN NULL ELSE 'BENCH-CODE' END,"
            + " CASE WHEN MOD(i, 3) = 0 THEN NULL ELSE "
            + decidedAt
            + " END, CASE WHEN MOD(i, 3) = 0 THEN NULL ELSE 'LAST_TOUCH' END,"
            + " CASE WHEN MOD(i, 3) = 0 THEN 'NO_TOUCH' ELSE NULL END, TRUE, FALSE, "
            + decidedAt
            + ", "
            + decidedAt
            + " FROM "
            + f.range(0, decisions));
    String placedAt = f.at(BASE, "i * " + Math.max(1, YEAR_SECONDS / orders));
    statements.add(
        "INSERT INTO pp_order (order_id, customer_account_id, placed_at, currency_code,"
            + " partner_id, not_earning_reason, source_event_id, recorded_at, paid_at) SELECT "
            + Fixtures.padded("so", "i", 9)
            + ", "
            + Fixtures.padded("c", "MOD(i * 13, " + decisions + ")", 9)
            + ", "
            + placedAt
            + ", 'EUR', CASE WHEN MOD(i, 3) = 0 THEN NULL ELSE "
            + partner
            + " END, CASE WHEN MOD(i, 3) = 0 THEN 'CUSTOMER_NOT_ATTRIBUTED' ELSE NULL END, "
            + Fixtures.padded("se", "i", 9)
            + ", "
            + placedAt
            + ", "
            + f.at(BASE, "i * " + Math.max(1, YEAR_SECONDS / orders) + " + 3600")
            + " FROM "
            + f.range(0, orders));
    for (int m = 1; m <= 12; m++) {
      YearMonth period = YearMonth.of(2026, m);
      String created = period.plusMonths(1).atDay(2) + " 09:00:00";
      statements.add(
          "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
              + " holder_name, status, created_at, status_changed_at, failure_reason) SELECT "
              + Fixtures.padded("PO" + period.toString().replace("-", ""), "i", 8)
              + ", "
              + Fixtures.padded("p", "i", 6)
              + ", '"
              + period
              + "', MOD(i, 90) + 10, 'EUR', 'NL91ABNA0417164300', 'Bench',"
              + " CASE WHEN MOD(i, 10) < 6 THEN 'PAID' WHEN MOD(i, 10) = 6 THEN 'FAILED'"
              + " ELSE 'EXPORTED' END, "
              + f.at(created, "0")
              + ", "
              + f.at(created, "MOD(i, 172800)")
              + ", CASE WHEN MOD(i, 10) = 6 THEN 'account closed' ELSE NULL END FROM "
              + f.range(0, PARTNERS));
    }
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String sql : statements) {
        long start = System.nanoTime();
        int rows = s.executeUpdate(sql);
        System.out.printf(
            Locale.ROOT,
            "  %,d rows into %s in %.1f s%n",
            rows,
            sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length())),
            (System.nanoTime() - start) / 1e9);
      }
      long start = System.nanoTime();
      String tables = "pp_partner, pp_ledger_entry, pp_touch, pp_attribution, pp_order, pp_payout";
      if (kind == BenchDatabase.Kind.POSTGRESQL) {
        s.execute("VACUUM ANALYZE " + tables);
      } else {
        try (ResultSet rs = s.executeQuery("ANALYZE TABLE " + tables)) {
          while (rs.next()) {
            if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
              throw new SQLException("ANALYZE TABLE: " + rs.getString("Msg_text"));
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT, "  statistics taken in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  // ------------------------------------------------------------------ the floors

  /** The top earners' aggregate as bare SQL (parameters: from, to, the limit). */
  private String topSql() {
    String byteOrder = kind == BenchDatabase.Kind.POSTGRESQL ? " COLLATE \"C\"" : "";
    return "SELECT partner_id, SUM(CASE WHEN kind = 'EARNED' THEN amount ELSE -amount END) AS"
        + " earned FROM pp_ledger_entry WHERE kind IN ('EARNED', 'REVERSED')"
        + " AND occurred_at >= ? AND occurred_at < ? AND currency_code = 'EUR'"
        + " GROUP BY partner_id ORDER BY earned DESC, partner_id"
        + byteOrder
        + " LIMIT ?";
  }

  /** The funnel's figures as bare SQL (parameters: from and to, seven times). */
  private static final String FUNNEL_SQL =
      "SELECT (SELECT COUNT(*) FROM pp_touch WHERE touched_at >= ? AND touched_at < ?),"
          + " (SELECT COUNT(*) FROM pp_attribution WHERE outcome = 'ATTRIBUTED'"
          + " AND decided_at >= ? AND decided_at < ?),"
          + " (SELECT COUNT(DISTINCT customer_account_id) FROM pp_order"
          + " WHERE paid_at >= ? AND paid_at < ? AND partner_id IS NOT NULL),"
          + " (SELECT COALESCE(SUM(amount), 0) FROM pp_ledger_entry WHERE kind = 'EARNED'"
          + " AND occurred_at >= ? AND occurred_at < ? AND currency_code = 'EUR'),"
          + " (SELECT COALESCE(SUM(amount), 0) FROM pp_ledger_entry WHERE kind = 'CANCELLED'"
          + " AND occurred_at >= ? AND occurred_at < ? AND currency_code = 'EUR'),"
          + " (SELECT COALESCE(SUM(amount), 0) FROM pp_ledger_entry WHERE kind = 'REVERSED'"
          + " AND occurred_at >= ? AND occurred_at < ? AND currency_code = 'EUR'),"
          + " (SELECT COALESCE(SUM(amount), 0) FROM pp_payout WHERE status = 'PAID'"
          + " AND status_changed_at >= ? AND status_changed_at < ? AND currency_code = 'EUR')";

  private List<List<String>> floorTop(FixedPool pool, Instant from, Instant to)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      List<List<String>> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(topSql())) {
        setInstant(ps, 1, from);
        setInstant(ps, 2, to);
        ps.setInt(3, TOP);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(List.of(rs.getString(1), plain(rs.getBigDecimal(2))));
          }
        }
      }
      end(c);
      return rows;
    }
  }

  private List<String> floorFunnel(FixedPool pool, Instant from, Instant to) throws SQLException {
    try (Connection c = pool.getConnection()) {
      List<String> figures = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(FUNNEL_SQL)) {
        for (int i = 0; i < 7; i++) {
          setInstant(ps, 2 * i + 1, from);
          setInstant(ps, 2 * i + 2, to);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          for (int i = 1; i <= 3; i++) {
            figures.add(Long.toString(rs.getLong(i)));
          }
          for (int i = 4; i <= 7; i++) {
            figures.add(plain(rs.getBigDecimal(i)));
          }
        }
      }
      end(c);
      return figures;
    }
  }

  /** Ends the floor's transaction as the SDK ends its unit of work. */
  private static void end(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static List<List<String>> text(List<PartnerAmount> top) {
    return top.stream()
        .map(a -> List.of(a.partnerId().value(), a.amount().amount().toPlainString()))
        .toList();
  }

  private static List<String> text(Funnel f) {
    return List.of(
        Long.toString(f.clicks()),
        Long.toString(f.signupsAttributed()),
        Long.toString(f.customersWhoPaid()),
        f.earned().amount().toPlainString(),
        f.cancelled().amount().toPlainString(),
        f.reversed().amount().toPlainString(),
        f.paid().amount().toPlainString());
  }

  private void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (kind == BenchDatabase.Kind.MARIADB) {
      ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  // ------------------------------------------------------------------ measuring

  private ObjectNode measure(String what, String call, String baseline, Call sdk, Call floor)
      throws Exception {
    for (int i = 0; i < WARM; i++) {
      floor.run();
      sdk.run();
    }
    long[] sdkNanos = new long[rounds * PER_ROUND];
    long[] floorNanos = new long[rounds * PER_ROUND];
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < PER_ROUND; i++) {
        long t = System.nanoTime();
        floor.run();
        floorNanos[n + i] = System.nanoTime() - t;
      }
      for (int i = 0; i < PER_ROUND; i++) {
        long t = System.nanoTime();
        sdk.run();
        sdkNanos[n + i] = System.nanoTime() - t;
      }
      n += PER_ROUND;
    }
    Stats s = Stats.of(sdkNanos);
    Stats b = Stats.of(floorNanos);
    double ratio = s.medianMicros() / b.medianMicros();
    System.out.printf(
        Locale.ROOT,
        "  %s: SDK median %.0f µs (p90 %.0f), floor median %.0f µs (p90 %.0f): %.2fx%n",
        what,
        s.medianMicros(),
        s.p90Micros(),
        b.medianMicros(),
        b.p90Micros(),
        ratio);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("query", what);
    o.put("sdk_call", call);
    o.put("baseline", baseline);
    o.set("sdk", stats(s));
    o.set("bare", stats(b));
    o.put("ratio", RunInfo.round(ratio, 3));
    o.put("target", TARGET);
    return o;
  }

  private static ObjectNode stats(Stats s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("count", s.count());
    o.put("median_us", RunInfo.round(s.medianMicros(), 1));
    o.put("p90_us", RunInfo.round(s.p90Micros(), 1));
    o.put("mean_us", RunInfo.round(s.meanMicros(), 1));
    return o;
  }

  private ObjectNode json(
      long seedNanos, long clicks, long decisions, long orders, ObjectNode... queries) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("database", kind.label());
    o.put("scale", entries);
    o.put("scenario", DbBenchmarkMain.REPORTS);
    o.put(
        "what",
        String.format(
            Locale.ROOT,
            "top partners and the funnel of %s over %,d ledger entries",
            MONTH,
            entries));
    o.put("month", MONTH.toString());
    o.put("ledger_entries", entries);
    o.put("partners", PARTNERS);
    o.put("clicks", clicks);
    o.put("decisions", decisions);
    o.put("orders", orders);
    o.put("payouts", 12L * PARTNERS);
    o.put("seed_s", RunInfo.round(seedNanos / 1e9, 1));
    o.put("heap_max_mib", Runtime.getRuntime().maxMemory() >> 20);
    ArrayNode list = o.putArray("queries");
    for (ObjectNode q : queries) {
      list.add(q);
    }
    o.put("rounds", rounds);
    o.put("per_round", PER_ROUND);
    o.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    double load = RunInfo.loadAverage()[0];
    if (Double.isNaN(load)) {
      o.putNull("load_1m");
    } else {
      o.put("load_1m", RunInfo.round(load, 2));
    }
    return o;
  }

  /** The summary lines of a result of {@link #json}, for {@code summary.md}. */
  static String summaryLine(ObjectNode r) {
    StringBuilder s = new StringBuilder();
    for (var q : r.path("queries")) {
      s.append(
          String.format(
              Locale.ROOT,
              "%s reports at %,d ledger entries: %s SDK median %.0f µs, floor %.0f µs; %.2fx"
                  + " (target ≤ %.0fx: %s)%n",
              r.path("database").asText(),
              r.path("ledger_entries").asLong(),
              q.path("query").asText(),
              q.path("sdk").path("median_us").asDouble(),
              q.path("bare").path("median_us").asDouble(),
              q.path("ratio").asDouble(),
              q.path("target").asDouble(),
              q.path("ratio").asDouble() <= q.path("target").asDouble() ? "met" : "missed"));
    }
    return s.toString();
  }
}
