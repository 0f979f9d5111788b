package org.partnerprogram.jdbc.reliability;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.core.port.out.RetentionBatch;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.jdbc.support.ThreadConnections;

/**
 * Issue 26 on a real database: retention applied by two host instances at once (two {@link
 * JdbcProgramStorage}s, each with its own connections) deletes every expired click, pseudonymises
 * every old attribution decision's visitor id and deletes every payout account superseded before
 * the bookkeeping cutoff, each exactly once: none counted twice, and no run fails; the clicks
 * within window and grace, the young decisions and the accounts still needed all stay. Each
 * database runs it through a subclass.
 */
abstract class AbstractConcurrentPurgeTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00.123456Z");

  /** Now minus the default attribution window (90 days) and retention grace (30 days). */
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(120));

  /** Now minus the default bookkeeping retention (7 years), counted in Europe/Amsterdam. */
  private static final Instant BOOKKEEPING_CUTOFF =
      NOW.atZone(ZoneId.of("Europe/Amsterdam")).minusYears(7).toInstant();

  private static final PseudonymKey KEY = PseudonymKey.of(new byte[32]);

  private static final UnaryOperator<VisitorId> PSEUDONYM =
      v -> PseudonymKey.isPseudonym(v.value()) ? v : KEY.pseudonymOf(v);

  private static final int ROUNDS = 3;

  private DataSource dataSource;
  private ThreadConnections connectionsA;
  private ThreadConnections connectionsB;
  private ProgramStorage storageA;
  private ProgramStorage storageB;
  private ExecutorService pool;

  /** The database of the subclass. */
  abstract TestDatabase database();

  /** A {@code touched_at} value as the database's driver takes it. */
  abstract Object timestamp(Instant at);

  @BeforeEach
  void setUp() {
    dataSource = database().emptied();
    connectionsA = new ThreadConnections(dataSource);
    connectionsB = new ThreadConnections(dataSource);
    storageA = JdbcProgramStorage.create(connectionsA);
    storageB = JdbcProgramStorage.create(connectionsB);
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    connectionsA.close();
    connectionsB.close();
  }

  private static Privacy privacy(ProgramStorage storage) {
    return PartnerProgram.builder()
        .pseudonymKey(KEY)
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build()
        .privacy();
  }

  /**
   * Stores clicks: {@code expired} of them before the cutoff (a microsecond to hours before), and
   * {@code kept} at the cutoff and after it.
   */
  private void clicks(int expired, int kept) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < expired + kept; i++) {
        Instant at =
            i < expired
                ? CUTOFF.minusMillis(1 + i * 7L / 3)
                : CUTOFF.plusMillis((i - expired) * 5L);
        ps.setString(1, "v-" + (i % 977));
        ps.setString(2, i % 2 == 0 ? "JAN-HOSTING" : "PIET-HOSTING");
        ps.setString(3, i % 2 == 0 ? "p-jan" : "p-piet");
        ps.setObject(4, timestamp(at));
        ps.addBatch();
        if (i % 1_000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  /**
   * Stores attribution decisions of customers {@code prefix-0...}: {@code expired} of them signed
   * up before the click cutoff (a millisecond to hours before), and {@code kept} at it and after.
   * Every tenth has no visitor id.
   */
  private void decisions(String prefix, int expired, int kept) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO pp_attribution (customer_account_id, outcome, reason, visitor_id,"
                    + " new_customer, customer_iban_given, signup_at, decided_at)"
                    + " VALUES (?, 'NOT_ATTRIBUTED', 'NO_TOUCH', ?, TRUE, FALSE, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < expired + kept; i++) {
        Instant at =
            i < expired
                ? CUTOFF.minusMillis(1 + i * 7L / 3)
                : CUTOFF.plusMillis((i - expired) * 5L);
        ps.setString(1, prefix + "-" + i);
        ps.setString(2, i % 10 == 0 ? null : "v-" + prefix + "-" + i);
        ps.setObject(3, timestamp(at));
        ps.setObject(4, timestamp(at));
        ps.addBatch();
        if (i % 1_000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  /**
   * Stores payout-account histories of three entries each: {@code expired} partners whose first two
   * accounts were superseded before the bookkeeping cutoff, and {@code kept} partners whose first
   * account was superseded exactly at it and the second after it. Returns the entries due.
   */
  private long accounts(String prefix, int expired, int kept) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO pp_payout_account_change (partner_id, partner_version, iban,"
                    + " holder_name, changed_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int p = 0; p < expired + kept; p++) {
        Instant[] at =
            p < expired
                ? new Instant[] {
                  BOOKKEEPING_CUTOFF.minus(Duration.ofDays(900 + p % 7)),
                  BOOKKEEPING_CUTOFF.minus(Duration.ofDays(400)).minusMillis(p),
                  BOOKKEEPING_CUTOFF.minusMillis(1 + p)
                }
                : new Instant[] {
                  BOOKKEEPING_CUTOFF.minus(Duration.ofDays(900)),
                  BOOKKEEPING_CUTOFF,
                  BOOKKEEPING_CUTOFF.plusMillis(1 + p)
                };
        for (int v = 0; v < 3; v++) {
          ps.setString(1, prefix + "-" + p);
          ps.setLong(2, v + 1L);
          ps.setString(3, "NL91ABNA0417164300");
          ps.setString(4, "Holder " + p);
          ps.setObject(5, timestamp(at[v]));
          ps.setObject(6, v < 2 ? timestamp(at[v + 1]) : null);
          ps.addBatch();
        }
        if (p % 300 == 299) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    return 2L * expired;
  }

  private long rows(String sql, Instant at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (at != null) {
        ps.setObject(1, timestamp(at));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long count() throws SQLException {
    return count("", null);
  }

  private long count(String where, Instant at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pp_touch " + where)) {
      if (at != null) {
        ps.setObject(1, timestamp(at));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Runs the work on both instances at once; any failure fails the test. */
  private <T> List<T> atOnce(Function<ProgramStorage, T> work) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    List<Future<T>> futures = new ArrayList<>();
    for (ProgramStorage storage : List.of(storageA, storageB)) {
      futures.add(
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return work.apply(storage);
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(120, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void twoInstancesApplyingRetentionAtOnceHandleEveryExpiredRowOnceAndKeepTheRest()
      throws Exception {
    long partners = 0;
    long decisionsDue = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int expired = 12_001 + round * 1_000; // three batches of 5,000 or more in all
      int kept = 500;
      clicks(expired, kept);
      int expiredDecisions = 5_001 + round * 700;
      decisions("r" + round, expiredDecisions, 300);
      decisionsDue += expiredDecisions;
      long withVisitor = expiredDecisions - (expiredDecisions + 9) / 10;
      long accountsExpected = accounts("r" + round, 2_600 + round * 100, 50);
      partners += 2_600 + round * 100 + 50;

      List<RetentionRun> runs = atOnce(storage -> privacy(storage).applyRetention());

      assertThat(runs.stream().mapToLong(RetentionRun::clicksRemoved).sum())
          .as("round %d", round)
          .isEqualTo(expired);
      assertThat(runs.stream().mapToLong(RetentionRun::attributionInputsPseudonymised).sum())
          .as("round %d", round)
          .isEqualTo(withVisitor);
      assertThat(runs.stream().mapToLong(RetentionRun::payoutAccountChangesRemoved).sum())
          .as("round %d", round)
          .isEqualTo(accountsExpected);
      assertThat(runs).extracting(RetentionRun::clickCutoff).containsOnly(CUTOFF);
      assertThat(runs).extracting(RetentionRun::bookkeepingCutoff).containsOnly(BOOKKEEPING_CUTOFF);
      assertThat(count()).as("round %d", round).isEqualTo((long) kept * (round + 1));
      assertThat(count("WHERE touched_at = ?", CUTOFF)).isEqualTo(round + 1L);
      assertThat(count("WHERE touched_at < ?", CUTOFF)).isZero();
      assertThat(
              rows(
                  "SELECT COUNT(*) FROM pp_attribution WHERE signup_at < ?"
                      + " AND visitor_id NOT LIKE 'ps:%'",
                  CUTOFF))
          .isZero();
      assertThat(
              rows(
                  "SELECT COUNT(*) FROM pp_attribution WHERE signup_at >= ?"
                      + " AND visitor_id LIKE 'ps:%'",
                  CUTOFF))
          .isZero();
      assertThat(
              rows(
                  "SELECT COUNT(*) FROM pp_attribution WHERE signup_at < ?"
                      + " AND inputs_pseudonymised = FALSE",
                  CUTOFF))
          .isZero();
      assertThat(rows("SELECT COUNT(*) FROM pp_attribution", null))
          .isEqualTo(decisionsDue + 300L * (round + 1));
      assertThat(
              rows(
                  "SELECT COUNT(*) FROM pp_payout_account_change WHERE superseded_at < ?",
                  BOOKKEEPING_CUTOFF))
          .isZero();
      assertThat(
              rows(
                  "SELECT COUNT(*) FROM pp_payout_account_change WHERE superseded_at IS NULL",
                  null))
          .as("every partner's current account")
          .isEqualTo(partners);
      RetentionRun again = privacy(storageA).applyRetention();
      assertThat(again.changedNothing()).as("a run after both: %s", again).isTrue();
    }
    assertThat(
            rows(
                "SELECT COUNT(*) FROM pp_attribution WHERE visitor_id = '"
                    + KEY.pseudonymOf(VisitorId.of("v-r0-1")).value()
                    + "'",
                null))
        .isEqualTo(1);
  }

  /**
   * The port alone, in batches of 50: a batch may lose a deadlock to the other instance's (MariaDB)
   * and is then rolled back whole with a {@link RetryableException}, which the purge repeats; no
   * other failure, and no row counted by both.
   */
  @Test
  void smallBatchesRacingOverTheSameRowsNeverCountARowTwice() throws Exception {
    int expired = 3_000;
    clicks(expired, 100);

    List<Long> removed =
        atOnce(
            storage -> {
              long total = 0;
              int deleted = -1;
              Instant from = Instants.MIN;
              while (deleted != 0) {
                Instant start = from;
                try {
                  PurgedTouches batch =
                      storage
                          .transactions()
                          .execute(() -> storage.touches().deleteTouchedBetween(start, CUTOFF, 50));
                  deleted = batch.deleted();
                  total += deleted;
                  from = batch.latest().orElse(from);
                } catch (RetryableException transientConflict) {
                  deleted = -1; // rolled back whole: this batch again
                }
              }
              // what the other instance skipped past is behind the keyset: once more from the start
              return total + sweep(storage);
            });

    assertThat(removed.stream().mapToLong(Long::longValue).sum()).isEqualTo(expired);
    assertThat(count()).isEqualTo(100);
  }

  /** The rest from the oldest click, in batches of 50, until one deletes nothing. */
  private static long sweep(ProgramStorage storage) {
    long total = 0;
    int deleted = -1;
    while (deleted != 0) {
      try {
        deleted =
            storage
                .transactions()
                .execute(() -> storage.touches().deleteTouchedBetween(Instants.MIN, CUTOFF, 50))
                .deleted();
        total += deleted;
      } catch (RetryableException transientConflict) {
        deleted = -1;
      }
    }
    return total;
  }

  /**
   * A click that another unit of work holds is skipped by each batch (SKIP LOCKED), and the batches
   * after it start past it (the keyset); released before the run ends, it is deleted by the run's
   * last batch, which starts from the oldest click. The other unit here holds the ten oldest
   * expired clicks and lets them go just before that batch.
   */
  @Test
  void aClickHeldElsewhereWhileThePurgeWentPastItIsDeletedOnceReleasedBeforeTheRunEnds()
      throws Exception {
    int expired = 12_001; // three batches of 5,000 or fewer
    clicks(expired, 100);
    List<Instant> starts = new ArrayList<>();
    long[] heldAtRelease = {-1};
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      holder.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      List<Long> held = new ArrayList<>();
      try (PreparedStatement ps =
          holder.prepareStatement(
              "SELECT touch_id FROM pp_touch WHERE touched_at < ? ORDER BY touched_at LIMIT 10")) {
        ps.setObject(1, timestamp(CUTOFF));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            held.add(rs.getLong(1));
          }
        }
      }
      assertThat(held).hasSize(10);
      // locked by primary key: a locking read of the range would lock every row it scans (InnoDB)
      try (Statement s = holder.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT touch_id FROM pp_touch WHERE touch_id IN ("
                      + held.stream().map(String::valueOf).collect(joining(", "))
                      + ") FOR UPDATE")) {
        int locked = 0;
        while (rs.next()) {
          locked++;
        }
        assertThat(locked).isEqualTo(10);
      }
      TouchStore touches = storageA.touches();
      TouchStore watched =
          forwarding(
              TouchStore.class,
              touches,
              (method, args) -> {
                if (method.getName().equals("deleteTouchedBetween")) {
                  Instant from = (Instant) args[0];
                  if (from.equals(Instants.MIN) && !starts.isEmpty() && heldAtRelease[0] < 0) {
                    heldAtRelease[0] =
                        count(
                            "WHERE touch_id IN ("
                                + held.stream().map(String::valueOf).collect(joining(", "))
                                + ")",
                            null);
                    holder.rollback();
                  }
                  starts.add(from);
                }
              });
      ProgramStorage storage =
          forwarding(
              ProgramStorage.class, storageA, (method, args) -> {}, Map.of("touches", watched));

      RetentionRun run = privacy(storage).applyRetention();

      assertThat(heldAtRelease[0]).as("held clicks left by the keyset's batches").isEqualTo(10);
      assertThat(run.clicksRemoved()).isEqualTo(expired);
      assertThat(starts).hasSize(4);
      assertThat(starts.get(0)).isEqualTo(Instants.MIN);
      assertThat(starts.subList(1, 3)).allSatisfy(at -> assertThat(at).isAfter(Instants.MIN));
      assertThat(starts.get(3)).isEqualTo(Instants.MIN);
      assertThat(count("WHERE touched_at < ?", CUTOFF)).isZero();
      assertThat(count()).isEqualTo(100);
    }
  }

  /** What the forwarding proxy does before each call it forwards. */
  private interface BeforeCall {
    void run(Method method, Object[] args) throws Exception;
  }

  private static <T> T forwarding(Class<T> type, T target, BeforeCall before) {
    return forwarding(type, target, before, Map.of());
  }

  /**
   * A proxy of {@code type} that runs {@code before} and forwards every call to {@code target},
   * except the no-argument methods named in {@code replaced}, which return the value given there.
   */
  private static <T> T forwarding(
      Class<T> type, T target, BeforeCall before, Map<String, Object> replaced) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (args == null && replaced.containsKey(method.getName())) {
                return replaced.get(method.getName());
              }
              before.run(method, args);
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  /** The attribution port alone, in batches of 50, as the clicks' port above. */
  @Test
  void smallBatchesOfDecisionsRacingOverTheSameRowsNeverTakeARowTwice() throws Exception {
    int expired = 2_000;
    decisions("small", expired, 100);

    List<RetentionBatch> taken =
        atOnce(
            storage -> {
              int all = 0;
              int changed = 0;
              int last = -1;
              while (last != 0) {
                try {
                  RetentionBatch batch =
                      storage
                          .transactions()
                          .execute(
                              () ->
                                  storage
                                      .attributions()
                                      .pseudonymiseInputsSignedUpBefore(CUTOFF, 50, PSEUDONYM));
                  all += batch.taken();
                  changed += batch.changed();
                  last = batch.taken();
                } catch (RetryableException transientConflict) {
                  last = -1; // rolled back whole: this batch again
                }
              }
              return new RetentionBatch(all, changed);
            });

    assertThat(taken.stream().mapToInt(RetentionBatch::taken).sum()).isEqualTo(expired);
    assertThat(taken.stream().mapToInt(RetentionBatch::changed).sum()).isEqualTo(expired - 200);
    assertThat(
            rows(
                "SELECT COUNT(*) FROM pp_attribution WHERE visitor_id LIKE 'ps:%'"
                    + " AND signup_at < ?",
                CUTOFF))
        .isEqualTo(expired - 200);
  }

  /** The account history's port alone, in batches of 50, as the clicks' port above. */
  @Test
  void smallBatchesOfAccountsRacingOverTheSameRowsNeverDeleteARowTwice() throws Exception {
    long due = accounts("small", 1_000, 100);

    List<Long> removed =
        atOnce(
            storage -> {
              long total = 0;
              int deleted = -1;
              while (deleted != 0) {
                try {
                  deleted =
                      storage
                          .transactions()
                          .execute(
                              () ->
                                  storage
                                      .partners()
                                      .deletePayoutAccountsSupersededBefore(
                                          BOOKKEEPING_CUTOFF, 50));
                  total += deleted;
                } catch (RetryableException transientConflict) {
                  deleted = -1; // rolled back whole: this batch again
                }
              }
              return total;
            });

    assertThat(removed.stream().mapToLong(Long::longValue).sum()).isEqualTo(due);
    assertThat(rows("SELECT COUNT(*) FROM pp_payout_account_change", null))
        .isEqualTo(1_000L + 3L * 100);
  }
}
