package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.in.ClickPurge;
import org.partnerprogram.core.port.in.Referrals;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.jdbc.support.ThreadConnections;

/**
 * Issue 26 on a real database: expired clicks purged by two host instances at once (two {@link
 * JdbcProgramStorage}s, each with its own connections) are all deleted, none counted twice, and no
 * purge fails; the clicks within window and grace all stay. Each database runs it through a
 * subclass.
 */
abstract class AbstractConcurrentPurgeTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00.123456Z");

  /** Now minus the default attribution window (90 days) and retention grace (30 days). */
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(120));

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

  private static Referrals referrals(ProgramStorage storage) {
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build()
        .referrals();
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
  void twoInstancesPurgingAtOnceRemoveEveryExpiredClickOnceAndKeepTheRest() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      int expired = 12_001 + round * 1_000; // three batches of 5,000 or more in all
      int kept = 500;
      clicks(expired, kept);

      List<ClickPurge> purges = atOnce(storage -> referrals(storage).purgeExpiredClicks());

      assertThat(purges.stream().mapToLong(ClickPurge::clicksRemoved).sum())
          .as("round %d", round)
          .isEqualTo(expired);
      assertThat(purges).extracting(ClickPurge::cutoff).containsOnly(CUTOFF);
      assertThat(count()).as("round %d", round).isEqualTo((long) kept * (round + 1));
      assertThat(count("WHERE touched_at = ?", CUTOFF)).isEqualTo(round + 1L);
      assertThat(count("WHERE touched_at < ?", CUTOFF)).isZero();
      assertThat(referrals(storageA).purgeExpiredClicks().clicksRemoved()).isZero();
    }
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
}
