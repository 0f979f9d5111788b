package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The click purge of issue #26: does deleting {@code expired} clicks run in short, bounded units of
 * work, in a small heap, at the speed of a bare batched {@code DELETE}?
 *
 * <p>A fresh database gets {@code expired} clicks made before the purge's cutoff (now − the
 * attribution window − the retention grace: 90 + 30 days, the defaults), spread evenly over the
 * year before it and inserted oldest first, as clicks arrive, the last one a second before the
 * cutoff; and {@code young} clicks from the cutoff itself (kept: the cutoff is the first instant
 * kept) to now. Both are inserted server-side from a series (PostgreSQL {@code generate_series},
 * MariaDB's sequence engine), a million rows per statement, with pp_touch's secondary indexes
 * dropped and built again after the load; then the statistics are taken (PostgreSQL {@code VACUUM
 * ANALYZE pp_touch}, MariaDB {@code ANALYZE TABLE pp_touch}); not timed.
 *
 * <p>First the floor deletes the expired clicks with bare SQL, in batches of the SDK's batch size,
 * each its own transaction, oldest first through the index on {@code touched_at}, each batch from
 * the latest instant the one before it deleted ({@link #POSTGRES_FLOOR}, {@link #MARIADB_FLOOR}),
 * until a batch comes back short. Then the expired clicks are inserted again (PostgreSQL first
 * {@code VACUUM}s away the deleted rows; the indexes dropped and built again as before) and
 * analysed, and the SDK purges them ({@link #purge}). The floor runs first, on the freshly loaded
 * table, so the ratio errs against the SDK. After each, the run fails unless no click before the
 * cutoff is left and every young click is.
 *
 * <p>Measured for each: the wall time (clicks per second), the units of work and the time of each,
 * from the moment it took its connection to the moment its commit returned (a wrapper around the
 * connections, {@link UnitTimer}: the transaction lies inside that span), the statements it
 * prepared, and the JVM's used heap, sampled every {@value #HEAP_SAMPLE_MILLIS} ms from a {@code
 * System.gc()} just before the start to the end (its peak includes garbage not yet collected, so it
 * bounds what the purge holds from above).
 */
final class ClickPurgeScenario {
  /** The programme's "now", as in the other scenarios. */
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

  /** Rows per seeding statement. */
  private static final long SEED_CHUNK = 1_000_000;

  /** The year before the cutoff, over which the expired clicks are spread. */
  private static final long YEAR_SECONDS = 365L * 24 * 3600;

  static final int HEAP_SAMPLE_MILLIS = 5;

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The call the scenario measures and its batch size: the one place that names the SDK's purge
   * (issue #26 may move it, e.g. to {@code program.privacy().applyRetention()}; change it here, and
   * {@link #purge} below).
   */
  static final String SDK_CALL = "program.privacy().applyRetention()";

  /** The SDK's batch: the floor deletes as many per transaction. */
  static final int BATCH = Privacy.RETENTION_BATCH;

  /** What the SDK's purge reported: the clicks it removed and its units of work. */
  record Purged(long removed, long batches) {}

  /** The SDK's purge, through {@link #SDK_CALL}. */
  static Purged purge(PartnerProgram program) {
    RetentionRun result = program.privacy().applyRetention();
    return new Purged(result.clicksRemoved(), result.batches());
  }

  final BenchDatabase.Kind kind;
  final long expired;
  final long young;
  private final Consumer<BenchDatabase> onDatabase;

  /**
   * A purge to run.
   *
   * @param kind PostgreSQL or MariaDB
   * @param expired clicks made before the cutoff (at least 1,000)
   * @param young clicks from the cutoff on (at least 1)
   * @param onDatabase told of the database once it exists (for its server's settings)
   */
  ClickPurgeScenario(
      BenchDatabase.Kind kind, long expired, long young, Consumer<BenchDatabase> onDatabase) {
    FloorRows.requireServer(kind, "the click purge's floor");
    if (expired < 1_000 || young < 1) {
      throw new IllegalArgumentException(
          "the click purge needs 1,000 expired clicks or more and a young one, was "
              + expired
              + " and "
              + young);
    }
    this.kind = kind;
    this.expired = expired;
    this.young = young;
    this.onDatabase = onDatabase;
  }

  /** One side's figures. */
  @SuppressWarnings("ArrayRecordComponent")
  record Side(
      long nanos,
      long removed,
      long reportedBatches,
      long[] unitNanos,
      long statements,
      long heapBeforeBytes,
      long heapPeakBytes,
      double load1m) {}

  /**
   * Loads, purges with the floor, loads again and purges with the SDK.
   *
   * @return the result, as {@code results.json} holds it (scenario {@code clickpurge})
   * @throws Exception if a step fails or a purge left the wrong clicks
   */
  ObjectNode run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "== %s click purge: %,d expired clicks, %,d young, batches of %,d%n",
        kind.label(),
        expired,
        young,
        BATCH);
    ProgramTerms terms =
        ProgramTerms.builder()
            .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
            .build();
    Instant cutoff =
        NOW.minus(terms.attributionWindow())
            .minus(terms.clickRetentionGrace())
            .truncatedTo(ChronoUnit.SECONDS);
    Fixtures fixtures = new Fixtures(kind, Math.max(expired, 1_000));
    try (BenchDatabase db = BenchDatabase.create(kind)) {
      onDatabase.accept(db);
      long seedStart = System.nanoTime();
      List<String> indexes = dropSecondaryIndexes(db);
      seed(db, fixtures, cutoff, true);
      seed(db, fixtures, cutoff, false);
      long indexNanos = createIndexes(db, indexes);
      analyze(db, false);
      long seedNanos = System.nanoTime() - seedStart;
      try (FixedPool pool = new FixedPool(db.dataSource, 1)) {
        UnitTimer units = new UnitTimer(pool, expired / BATCH + 1);
        Side floor = measure(pool, units, () -> floorPurge(units, cutoff));
        check(db, cutoff, "the floor");
        System.out.printf(Locale.ROOT, "  floor: %s%n", line(floor));
        analyze(db, true);
        dropSecondaryIndexes(db);
        seed(db, fixtures, cutoff, true);
        createIndexes(db, indexes);
        analyze(db, false);
        PartnerProgram program =
            PartnerProgram.builder()
                .pseudonymKey(PseudonymKey.of(new byte[32]))
                .terms(terms)
                .storage(
                    JdbcProgramStorage.create(
                        units,
                        kind == BenchDatabase.Kind.POSTGRESQL
                            ? Dialect.POSTGRESQL
                            : Dialect.MARIADB))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        Side sdk =
            measure(
                pool,
                units,
                () -> {
                  Purged p = purge(program);
                  return new long[] {p.removed(), p.batches()};
                });
        check(db, cutoff, "the SDK");
        System.out.printf(Locale.ROOT, "  SDK:   %s%n", line(sdk));
        for (Side side : new Side[] {floor, sdk}) {
          if (side.removed() != expired) {
            throw new IllegalStateException(
                "a purge reported " + side.removed() + " clicks removed, not " + expired);
          }
        }
        return json(cutoff, seedNanos, indexNanos, floor, sdk);
      }
    }
  }

  // ------------------------------------------------------------------ loading

  /**
   * Inserts the expired clicks (oldest first, {@link #spacing} seconds apart, the last one that
   * long before the cutoff) or the young ones (from the cutoff, spread over the 120 days to now), a
   * million per statement, each committed.
   */
  private void seed(BenchDatabase db, Fixtures fixtures, Instant cutoff, boolean old)
      throws SQLException {
    long n = old ? expired : young;
    long spacing = spacing();
    String base = SQL_TIME.format(old ? cutoff.minusSeconds(n * spacing) : cutoff);
    long youngSpan = Duration.between(cutoff, NOW).toSeconds();
    String seconds = old ? "i * " + spacing : "MOD(i * 61, " + youngSpan + ")";
    long offset = old ? 0 : expired;
    long start = System.nanoTime();
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (long first = 0; first < n; first += SEED_CHUNK) {
        long count = Math.min(SEED_CHUNK, n - first);
        // The visitor and partner ids are spread as in a real programme, so their indexes are
        // written (and, by the purge, deleted from) all over, not in order.
        s.execute(
            "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at) SELECT "
                + Fixtures.padded("v", "MOD((i + " + offset + ") * 37, 2000003)", 9)
                + ", "
                + Fixtures.padded("BP", "MOD(i, 50000)", 8)
                + ", "
                + Fixtures.padded("p", "MOD(i, 50000)", 8)
                + ", "
                + fixtures.at(base, seconds)
                + " FROM "
                + fixtures.range(first, count));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  loaded %,d %s clicks in %.1f s%n",
        n,
        old ? "expired" : "young",
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * Drops pp_touch's secondary indexes (all but the primary key) before a bulk load: maintaining
   * the index on visitor_id, whose values are spread all over, row by row made the load of 10^7
   * clicks take a quarter of an hour. {@link #createIndexes} builds them again, as the migrations
   * define them, after the load.
   *
   * @return the statements that create them again, read from the catalog
   */
  private List<String> dropSecondaryIndexes(BenchDatabase db) throws SQLException {
    List<String> creates = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      String catalog =
          kind == BenchDatabase.Kind.POSTGRESQL
              ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                  + " AND tablename = 'pp_touch' AND indexdef NOT LIKE 'CREATE UNIQUE %'"
                  + " ORDER BY indexname"
              : "SELECT INDEX_NAME, CONCAT('CREATE INDEX ', INDEX_NAME, ' ON pp_touch (',"
                  + " GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')')"
                  + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                  + " AND TABLE_NAME = 'pp_touch' AND NON_UNIQUE = 1 GROUP BY INDEX_NAME"
                  + " ORDER BY INDEX_NAME";
      try (ResultSet rs = s.executeQuery(catalog)) {
        while (rs.next()) {
          names.add(rs.getString(1));
          creates.add(rs.getString(2));
        }
      }
      if (names.isEmpty()) {
        throw new IllegalStateException("pp_touch has no secondary index to drop");
      }
      for (String name : names) {
        s.execute(
            kind == BenchDatabase.Kind.POSTGRESQL
                ? "DROP INDEX " + name
                : "DROP INDEX " + name + " ON pp_touch");
      }
    }
    System.out.printf(Locale.ROOT, "  dropped %s for the load%n", String.join(", ", names));
    return creates;
  }

  /**
   * Builds the indexes {@link #dropSecondaryIndexes} dropped.
   *
   * @return how long it took, in nanoseconds
   */
  private static long createIndexes(BenchDatabase db, List<String> creates) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String create : creates) {
        s.execute(create);
      }
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT, "  built %d indexes of pp_touch in %.1f s%n", creates.size(), nanos / 1e9);
    return nanos;
  }

  /** Seconds between two expired clicks: the year before the cutoff holds them all. */
  private long spacing() {
    return Math.max(1, YEAR_SECONDS / expired);
  }

  /**
   * Statistics after a load ({@code vacuumOnly} false) or, on PostgreSQL, a {@code VACUUM} after a
   * purge, which makes the deleted rows' space free for the next load.
   */
  private void analyze(BenchDatabase db, boolean vacuumOnly) throws SQLException {
    String sql =
        kind == BenchDatabase.Kind.POSTGRESQL
            ? vacuumOnly ? "VACUUM pp_touch" : "VACUUM ANALYZE pp_touch"
            : vacuumOnly ? null : "ANALYZE TABLE pp_touch";
    if (sql == null) {
      return;
    }
    long start = System.nanoTime();
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
              throw new SQLException("ANALYZE TABLE: " + rs.getString("Msg_text"));
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "  %s in %.1f s%n", sql, (System.nanoTime() - start) / 1e9);
  }

  // ------------------------------------------------------------------ purging

  /** A purge: the clicks it removed and the units of work it reports. */
  @FunctionalInterface
  private interface Purge {
    long[] run() throws Exception;
  }

  /**
   * Runs a purge on the timed connections, sampling the heap from a GC just before it.
   *
   * @return its figures
   */
  private static Side measure(FixedPool pool, UnitTimer units, Purge purge) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    long[] peak = {before};
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long used = memory.getHeapMemoryUsage().getUsed();
                synchronized (peak) {
                  peak[0] = Math.max(peak[0], used);
                }
                try {
                  Thread.sleep(HEAP_SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    units.reset();
    long statements0 = pool.statements.get();
    sampler.start();
    long t = System.nanoTime();
    long[] reported;
    try {
      reported = purge.run();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    long nanos = System.nanoTime() - t;
    long top;
    synchronized (peak) {
      top = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
    }
    return new Side(
        nanos,
        reported[0],
        reported[1],
        units.times(),
        pool.statements.get() - statements0,
        before,
        top,
        RunInfo.loadAverage()[0]);
  }

  /**
   * The floor's statement on PostgreSQL (parameters: the batch's first instant, the cutoff, the
   * limit): the batch's rows by primary key from the index on touched_at, read from the first
   * instant on, and the count and latest time of those deleted, in one statement. The SDK's,
   * without {@code FOR UPDATE SKIP LOCKED}.
   */
  static final String POSTGRES_FLOOR =
      "WITH gone AS (DELETE FROM pp_touch WHERE touch_id IN (SELECT touch_id FROM pp_touch"
          + " WHERE touched_at >= ? AND touched_at < ? ORDER BY touched_at LIMIT ?)"
          + " RETURNING touched_at) SELECT COUNT(*), MAX(touched_at) FROM gone";

  /**
   * The floor's statement on MariaDB (the same parameters): a single-table {@code DELETE} in index
   * order, returning the time of each row it deleted; the latest is the batch's last row.
   */
  static final String MARIADB_FLOOR =
      "DELETE FROM pp_touch WHERE touched_at >= ? AND touched_at < ? ORDER BY touched_at LIMIT ?"
          + " RETURNING touched_at";

  /**
   * The floor: bare batched deletes, each committed, each from the latest instant the one before it
   * deleted (the SDK's keyset), until one comes back short. One connection alone deletes, so no row
   * is skipped, and the floor needs no last batch from the oldest click, as the SDK's purge (which
   * may run on several instances at once) does.
   */
  private long[] floorPurge(DataSource ds, Instant cutoff) throws SQLException {
    String sql = kind == BenchDatabase.Kind.POSTGRESQL ? POSTGRES_FLOOR : MARIADB_FLOOR;
    long removed = 0;
    long batches = 0;
    Instant from = Instant.EPOCH;
    long deleted;
    do {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        setInstant(ps, 1, from);
        setInstant(ps, 2, cutoff);
        ps.setInt(3, BATCH);
        deleted = 0;
        Instant latest = null;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (kind == BenchDatabase.Kind.POSTGRESQL) {
              deleted = rs.getLong(1);
              latest = instant(rs, 2);
            } else {
              deleted++;
              latest = instant(rs, 1);
            }
          }
        }
        c.commit();
        if (latest != null) {
          from = latest;
        }
      }
      removed += deleted;
      batches++;
    } while (deleted == BATCH);
    return new long[] {removed, batches};
  }

  private Instant instant(ResultSet rs, int column) throws SQLException {
    if (kind == BenchDatabase.Kind.MARIADB) {
      LocalDateTime at = rs.getObject(column, LocalDateTime.class);
      return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (kind == BenchDatabase.Kind.MARIADB) {
      ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  /** Fails unless no click before the cutoff is left and every young click is. */
  private void check(BenchDatabase db, Instant cutoff, String who) throws SQLException {
    long left;
    long kept;
    try (Connection c = db.dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT SUM(CASE WHEN touched_at < ? THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN touched_at >= ? THEN 1 ELSE 0 END) FROM pp_touch")) {
      setInstant(ps, 1, cutoff);
      setInstant(ps, 2, cutoff);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        left = rs.getLong(1);
        kept = rs.getLong(2);
      }
    }
    if (left != 0 || kept != young) {
      throw new IllegalStateException(
          who
              + "'s purge left "
              + left
              + " expired clicks (0 expected) and "
              + kept
              + " young ones ("
              + young
              + " expected)");
    }
  }

  // ------------------------------------------------------------------ output

  private static String line(Side s) {
    long[] sorted = s.unitNanos().clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%.1f s, %,.0f clicks/s, %d units of work (reported %d), longest %.1f ms, median %.1f ms,"
            + " %d statements, heap %.1f MiB after GC, peak %.1f MiB",
        s.nanos() / 1e9,
        s.removed() / (s.nanos() / 1e9),
        sorted.length,
        s.reportedBatches(),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2] / 1e6,
        s.statements(),
        s.heapBeforeBytes() / 1048576.0,
        s.heapPeakBytes() / 1048576.0);
  }

  private ObjectNode json(Instant cutoff, long seedNanos, long indexNanos, Side floor, Side sdk) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("database", kind.label());
    o.put("scale", expired);
    o.put("scenario", DbBenchmarkMain.CLICK_PURGE);
    o.put(
        "what",
        String.format(
            Locale.ROOT,
            "purge %,d expired clicks, keep %,d young ones, in batches of %,d",
            expired,
            young,
            BATCH));
    o.put("sdk_call", SDK_CALL);
    o.put(
        "baseline",
        kind == BenchDatabase.Kind.POSTGRESQL
            ? "bare SQL: WITH gone AS (DELETE … WHERE touch_id IN (SELECT touch_id … WHERE"
                + " touched_at >= ? AND touched_at < ? ORDER BY touched_at LIMIT ?) RETURNING"
                + " touched_at) SELECT COUNT(*), MAX(touched_at) FROM gone, each batch from the"
                + " latest instant the one before deleted, one transaction per batch"
            : "bare SQL: DELETE … WHERE touched_at >= ? AND touched_at < ? ORDER BY touched_at"
                + " LIMIT ? RETURNING touched_at, each batch from the latest instant the one"
                + " before deleted, one transaction per batch");
    o.put("expired_clicks", expired);
    o.put("young_clicks", young);
    o.put("batch", BATCH);
    o.put("cutoff", cutoff.toString());
    o.put("expired_spacing_s", spacing());
    o.put("seed_s", RunInfo.round(seedNanos / 1e9, 1));
    o.put("seed_indexes_s", RunInfo.round(indexNanos / 1e9, 1));
    o.put("heap_max_mib", Runtime.getRuntime().maxMemory() >> 20);
    o.put("order", "floor first on the fresh table, then the SDK on the table loaded again");
    o.set("floor", side(floor));
    o.set("sdk", side(sdk));
    o.put("sdk_over_floor", RunInfo.round((double) sdk.nanos() / floor.nanos(), 3));
    o.put("young_kept", young);
    o.put("expired_left", 0);
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

  private static ObjectNode side(Side s) {
    long[] sorted = s.unitNanos().clone();
    Arrays.sort(sorted);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("seconds", RunInfo.round(s.nanos() / 1e9, 2));
    o.put("clicks_removed", s.removed());
    o.put("clicks_per_s", Math.round(s.removed() / (s.nanos() / 1e9)));
    o.put("units_of_work", sorted.length);
    o.put("batches_reported", s.reportedBatches());
    o.put("unit_median_ms", RunInfo.round(percentile(sorted, 0.5) / 1e6, 1));
    o.put("unit_p99_ms", RunInfo.round(percentile(sorted, 0.99) / 1e6, 1));
    o.put("unit_max_ms", RunInfo.round(percentile(sorted, 1.0) / 1e6, 1));
    o.put("statements", s.statements());
    o.put("heap_after_gc_mib", RunInfo.round(s.heapBeforeBytes() / 1048576.0, 1));
    o.put("heap_peak_mib", RunInfo.round(s.heapPeakBytes() / 1048576.0, 1));
    if (Double.isNaN(s.load1m())) {
      o.putNull("load_1m");
    } else {
      o.put("load_1m", RunInfo.round(s.load1m(), 2));
    }
    return o;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }

  /** The summary line of a result of {@link #json}, for {@code summary.md}. */
  static String summaryLine(ObjectNode r) {
    return String.format(
        Locale.ROOT,
        "%s click purge (%,d expired, %,d young, batches of %,d): SDK %.1f s (%,d clicks/s,"
            + " longest unit %.1f ms, heap peak %.1f MiB), floor %.1f s; SDK / floor %.2fx%n",
        r.path("database").asText(),
        r.path("expired_clicks").asLong(),
        r.path("young_clicks").asLong(),
        r.path("batch").asInt(),
        r.path("sdk").path("seconds").asDouble(),
        r.path("sdk").path("clicks_per_s").asLong(),
        r.path("sdk").path("unit_max_ms").asDouble(),
        r.path("sdk").path("heap_peak_mib").asDouble(),
        r.path("floor").path("seconds").asDouble(),
        r.path("sdk_over_floor").asDouble());
  }

  /**
   * Hands out the pool's connections and times each unit of work on them: from taking the
   * connection (or from its previous commit) to the return of its commit. The SDK takes a
   * connection per unit of work and commits it once, as the floor does, so each span holds one
   * transaction, with the pool's hand-over around it.
   */
  static final class UnitTimer implements DataSource {
    private final DataSource target;
    private final long expectedUnits;
    private long[] times = new long[1024];
    private int count;
    private long start;

    /**
     * Times the units of work on a data source's connections.
     *
     * @param target where the connections come from
     * @param expectedUnits how many units a purge makes, for the progress printed every 10 %
     */
    UnitTimer(DataSource target, long expectedUnits) {
      this.target = target;
      this.expectedUnits = Math.max(10, expectedUnits);
    }

    synchronized void reset() {
      count = 0;
      start = System.nanoTime();
    }

    synchronized long[] times() {
      return Arrays.copyOf(times, count);
    }

    private synchronized void add(long nanos) {
      if (count == times.length) {
        times = Arrays.copyOf(times, count * 2);
      }
      times[count++] = nanos;
      if (count % (expectedUnits / 10) == 0) {
        System.out.printf(
            Locale.ROOT,
            "    %,d units of work in %.1f s%n",
            count,
            (System.nanoTime() - start) / 1e9);
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = target.getConnection();
      long[] since = {System.nanoTime()};
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                try {
                  Object result = method.invoke(c, args);
                  if ("commit".equals(method.getName())) {
                    long now = System.nanoTime();
                    add(now - since[0]);
                    since[0] = now;
                  }
                  return result;
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
