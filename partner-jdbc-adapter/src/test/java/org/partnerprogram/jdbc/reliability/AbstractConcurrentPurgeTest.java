package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RetentionBatch;
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
              while (deleted != 0) {
                try {
                  deleted =
                      storage
                          .transactions()
                          .execute(() -> storage.touches().deleteTouchedBefore(CUTOFF, 50));
                  total += deleted;
                } catch (RetryableException transientConflict) {
                  deleted = -1; // rolled back whole: this batch again
                }
              }
              return total;
            });

    assertThat(removed.stream().mapToLong(Long::longValue).sum()).isEqualTo(expired);
    assertThat(count()).isEqualTo(100);
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
