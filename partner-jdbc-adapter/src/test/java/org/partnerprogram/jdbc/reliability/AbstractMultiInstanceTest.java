package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.ReliabilityWorld.HostEvent;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * Issue 10 on a real database: several SDK instances, each with its own connection pool, share one
 * database. (1) The same order, payment and refund events delivered many times each from 8 threads
 * spread over two instances leave exactly the state of one sequential delivery. (2) No lost update
 * on 20 hot partners: 8 threads recording orders, payments and refunds end with the balances of a
 * sequential run — and a negative control shows the same check catches the lost updates of a naive
 * read-modify-write. Soak sizes with {@code -Dpartner.soak=true}.
 */
abstract class AbstractMultiInstanceTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  /** Signups, orders, payments and refunds all happen at the clock's instant. */
  private static final Instant AT = NOW;

  private static final int THREADS = 8;
  private static final int HOT_PARTNERS = 20;
  private static final int CUSTOMERS_PER_PARTNER = 3;
  private static final int OPS_PER_THREAD = ReliabilityWorld.SOAK ? 10_000 : 100;
  private static final int DUPLICATE_ORDERS = ReliabilityWorld.SOAK ? 400 : 40;
  private static final int REFERENCE_BATCH = 400;
  private static final int DELIVERIES_PER_EVENT = ReliabilityWorld.SOAK ? 20 : 4;

  private DataSource database;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private ExecutorService threads;

  /** The database of the subclass. */
  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    database = database().emptied();
    threads = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() throws Exception {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    pools.forEach(HikariDataSource::close);
    ReliabilityWorld.emptyAndVacuum(database());
  }

  /** A new SDK instance over the database, with its own pool and its own SecureRandom. */
  private PartnerProgram instance(String name) {
    HikariDataSource pool = ReliabilityWorld.pool(database, name, 4);
    pools.add(pool);
    return ReliabilityWorld.program(
        JdbcProgramStorage.create(pool), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private interface Work {
    void run(int thread) throws Exception;
  }

  private void onAllThreads(Work work) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          threads.submit(
              () -> {
                work.run(thread);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.MINUTES); // a thread's failure fails the test here
    }
  }

  // --------------------------------------------------------------- exactly once, many instances

  private List<HostEvent> duplicateScenario() {
    SplittableRandom random = new SplittableRandom(42);
    List<HostEvent> events = new ArrayList<>();
    for (int o = 0; o < DUPLICATE_ORDERS; o++) {
      int partner = o % HOT_PARTNERS;
      Money hosting = ReliabilityWorld.amount(random);
      Money vps = ReliabilityWorld.amount(random);
      Money refund = o % 3 == 0 ? hosting : null; // every third order refunded in part
      events.addAll(
          ReliabilityWorld.orderEvents(
              "dup-" + o,
              ReliabilityWorld.customer(partner, o % CUSTOMERS_PER_PARTNER),
              AT,
              hosting,
              vps,
              refund));
    }
    return events;
  }

  private static boolean processed(PartnerProgram program, String eventId) {
    return !program.commissions().processed(List.of(eventId)).isEmpty();
  }

  @Test
  void eventsDeliveredManyTimesToTwoInstancesFromEightThreadsHaveEffectOnce() throws Exception {
    List<HostEvent> events = duplicateScenario();

    // Reference: one instance, each event once, in order.
    PartnerProgram sequential = instance("sequential");
    ReliabilityWorld.populate(sequential, HOT_PARTNERS, CUSTOMERS_PER_PARTNER, AT);
    for (HostEvent e : events) {
      e.deliverTo(sequential);
    }
    List<String> expected = ReliabilityWorld.canonicalState(database);

    database = database().emptied();
    PartnerProgram a = instance("instance-a");
    PartnerProgram b = instance("instance-b");
    ReliabilityWorld.populate(a, HOT_PARTNERS, CUSTOMERS_PER_PARTNER, AT);
    List<HostEvent> deliveries = new ArrayList<>();
    for (HostEvent e : events) {
      for (int d = 0; d < DELIVERIES_PER_EVENT; d++) {
        deliveries.add(e);
      }
    }
    Collections.shuffle(deliveries, new Random(43));
    ConcurrentLinkedQueue<HostEvent> queue = new ConcurrentLinkedQueue<>(deliveries);
    AtomicInteger delivered = new AtomicInteger();
    AtomicInteger postponed = new AtomicInteger();
    onAllThreads(
        thread -> {
          Random pick = new Random(thread);
          HostEvent e;
          while ((e = queue.poll()) != null) {
            PartnerProgram instance = pick.nextBoolean() ? a : b;
            // A webhook sender retries a refund the host sees before its payment went through.
            if (e.kind().equals("refund") && !processed(instance, "pay-" + e.orderId())) {
              queue.add(e);
              postponed.incrementAndGet();
              continue;
            }
            try {
              e.deliverTo(instance);
              delivered.incrementAndGet();
            } catch (OrderNotRecordedException notYet) {
              queue.add(e); // a payment before its order: retryable, delivered again later
              postponed.incrementAndGet();
            }
          }
        });

    System.out.printf(
        "%s: %d events x %d deliveries = %d from %d threads on 2 instances (%d postponed)%n",
        getClass().getSimpleName(),
        events.size(),
        DELIVERIES_PER_EVENT,
        delivered.get(),
        THREADS,
        postponed.get());
    assertThat(delivered.get()).isEqualTo(events.size() * DELIVERIES_PER_EVENT);
    List<String> actual = ReliabilityWorld.canonicalState(database);
    assertThat(actual).isEqualTo(expected);
    assertThat(actual)
        .filteredOn(r -> r.startsWith("ledger|") && r.contains("|EARNED|"))
        .hasSize(2 * DUPLICATE_ORDERS);
    assertThat(actual)
        .filteredOn(r -> r.startsWith("ledger|") && r.contains("|REVERSED|"))
        .isNotEmpty();
    assertThat(actual).filteredOn(r -> r.startsWith("processed|")).hasSize(events.size());
  }

  // --------------------------------------------------------------- lost updates on hot partners

  /** One operation: a new order for a hot partner's customer, paid, sometimes refunded. */
  private static List<HostEvent> operation(int thread, int op, SplittableRandom random) {
    int partner = random.nextInt(HOT_PARTNERS);
    Money hosting = ReliabilityWorld.amount(random);
    Money vps = ReliabilityWorld.amount(random);
    Money refund = random.nextInt(5) == 0 ? vps : null;
    return ReliabilityWorld.orderEvents(
        "hot-" + thread + "-" + op,
        ReliabilityWorld.customer(partner, random.nextInt(CUSTOMERS_PER_PARTNER)),
        AT,
        hosting,
        vps,
        refund);
  }

  private static List<List<HostEvent>> operationsOf(int thread) {
    SplittableRandom random = new SplittableRandom(1000L + thread);
    List<List<HostEvent>> ops = new ArrayList<>();
    for (int op = 0; op < OPS_PER_THREAD; op++) {
      ops.add(operation(thread, op, random));
    }
    return ops;
  }

  /**
   * The check: per key, the concurrent run's total must equal the sequential run's. Returns the
   * mismatches, empty when none.
   */
  static List<String> lostUpdates(
      Map<Integer, BigDecimal> sequential, Map<Integer, BigDecimal> concurrent) {
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<Integer, BigDecimal> e : sequential.entrySet()) {
      BigDecimal actual = concurrent.getOrDefault(e.getKey(), BigDecimal.ZERO);
      if (actual.compareTo(e.getValue()) != 0) {
        mismatches.add(
            "key " + e.getKey() + ": sequential " + e.getValue() + ", concurrent " + actual);
      }
    }
    if (!concurrent.keySet().equals(sequential.keySet())) {
      mismatches.add("keys differ: " + sequential.keySet() + " vs " + concurrent.keySet());
    }
    return mismatches;
  }

  private static Map<String, BigDecimal> totals(Balance b) {
    return Map.of(
        "earned", b.earned().amount(),
        "reversed", b.reversed().amount(),
        "payable", b.payable().amount(),
        "pending", b.pending().amount(),
        "held", b.held().amount());
  }

  private static Map<Integer, BigDecimal> column(
      Map<Integer, Map<String, BigDecimal>> totals, String field) {
    Map<Integer, BigDecimal> column = new TreeMap<>();
    totals.forEach((p, t) -> column.put(p, t.get(field)));
    return column;
  }

  @Test
  void hotPartnersLoseNoUpdateUnderEightThreadsOnTwoInstances() throws Exception {
    // Sequential reference run in memory. Orders are independent, so each partner's totals are
    // sums over orders: the run is cut into batches of fresh programmes (the in-memory adapter
    // scans its lists, which would make one run of 80,000 orders quadratic) and the totals added.
    Map<Integer, Map<String, BigDecimal>> expected = new TreeMap<>();
    List<List<HostEvent>> all = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      all.addAll(operationsOf(t));
    }
    for (int from = 0; from < all.size(); from += REFERENCE_BATCH) {
      PartnerProgram reference =
          ReliabilityWorld.program(new InMemoryStorage(), Clock.fixed(NOW, ZoneOffset.UTC), 7);
      List<PartnerId> referencePartners =
          ReliabilityWorld.populate(reference, HOT_PARTNERS, CUSTOMERS_PER_PARTNER, AT);
      for (List<HostEvent> op : all.subList(from, Math.min(all.size(), from + REFERENCE_BATCH))) {
        op.forEach(e -> e.deliverTo(reference));
      }
      ReliabilityWorld.balances(reference, referencePartners)
          .forEach(
              (p, b) ->
                  totals(b)
                      .forEach(
                          (field, amount) ->
                              expected
                                  .computeIfAbsent(p, k -> new TreeMap<>())
                                  .merge(field, amount, BigDecimal::add)));
    }

    PartnerProgram a = instance("hot-a");
    PartnerProgram b = instance("hot-b");
    List<PartnerId> partners =
        ReliabilityWorld.populate(a, HOT_PARTNERS, CUSTOMERS_PER_PARTNER, AT);
    onAllThreads(
        thread -> {
          PartnerProgram mine = thread % 2 == 0 ? a : b;
          for (List<HostEvent> op : operationsOf(thread)) {
            op.forEach(e -> e.deliverTo(mine));
          }
        });
    Map<Integer, Map<String, BigDecimal>> actual = new TreeMap<>();
    ReliabilityWorld.balances(a, partners)
        .forEach((index, balance) -> actual.put(index, totals(balance)));

    System.out.printf(
        "%s: %d hot partners, %d threads x %d operations (order + payment, 1 in 5 refunded)%n",
        getClass().getSimpleName(), HOT_PARTNERS, THREADS, OPS_PER_THREAD);
    for (String field : List.of("earned", "reversed", "payable", "pending", "held")) {
      assertThat(lostUpdates(column(expected, field), column(actual, field))).as(field).isEmpty();
    }
    assertThat(expected.get(0).get("earned")).isPositive();
    assertThat(expected.get(0).get("reversed")).isPositive();
    assertThat(
            ReliabilityWorld.query(
                database, "SELECT COUNT(*) FROM pp_order WHERE order_id LIKE 'hot-%'"))
        .containsExactly(String.valueOf(THREADS * OPS_PER_THREAD));
  }

  /**
   * The negative control: the same check over a deliberately naive counter (read, then write
   * without a lock, in autocommit) updated by the same 8 threads must report lost updates.
   */
  @Test
  void theLostUpdateCheckCatchesANaiveReadModifyWrite() throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS rel_naive_counter");
      s.execute(
          "CREATE TABLE rel_naive_counter (k INT PRIMARY KEY, total DECIMAL(19, 2) NOT NULL)");
    }
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO rel_naive_counter (k, total) VALUES (?, 0)")) {
      for (int p = 0; p < HOT_PARTNERS; p++) {
        insert.setInt(1, p);
        insert.executeUpdate();
      }
    }
    Map<Integer, BigDecimal> expected = new TreeMap<>();
    for (int p = 0; p < HOT_PARTNERS; p++) {
      expected.put(p, BigDecimal.ZERO.setScale(2));
    }
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom random = new SplittableRandom(1000L + t);
      for (int op = 0; op < OPS_PER_THREAD; op++) {
        expected.merge(random.nextInt(HOT_PARTNERS), BigDecimal.ONE, BigDecimal::add);
      }
    }
    HikariDataSource pool = ReliabilityWorld.pool(database, "naive", THREADS);
    pools.add(pool);

    onAllThreads(
        thread -> {
          SplittableRandom random = new SplittableRandom(1000L + thread);
          try (Connection c = pool.getConnection();
              PreparedStatement read =
                  c.prepareStatement("SELECT total FROM rel_naive_counter WHERE k = ?");
              PreparedStatement write =
                  c.prepareStatement("UPDATE rel_naive_counter SET total = ? WHERE k = ?")) {
            for (int op = 0; op < OPS_PER_THREAD; op++) {
              int k = random.nextInt(HOT_PARTNERS);
              read.setInt(1, k);
              BigDecimal total;
              try (ResultSet rs = read.executeQuery()) {
                rs.next();
                total = rs.getBigDecimal(1);
              }
              write.setBigDecimal(1, total.add(BigDecimal.ONE));
              write.setInt(2, k);
              write.executeUpdate();
            }
          }
        });
    Map<Integer, BigDecimal> actual = new TreeMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k, total FROM rel_naive_counter")) {
      while (rs.next()) {
        actual.put(rs.getInt(1), rs.getBigDecimal(2));
      }
    }

    List<String> mismatches = lostUpdates(expected, actual);
    System.out.printf(
        "%s: naive read-modify-write, %d threads x %d increments: %d of %d keys lost updates%n",
        getClass().getSimpleName(), THREADS, OPS_PER_THREAD, mismatches.size(), HOT_PARTNERS);
    assertThat(mismatches).isNotEmpty();
    assertThat(Set.copyOf(actual.keySet())).isEqualTo(expected.keySet());
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE rel_naive_counter");
    }
  }
}
