package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.Invariants;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * Issue 10, a crash during a payout run: a child JVM closes a month on PostgreSQL and is killed
 * with SIGKILL just before its k-th JDBC statement; the close is then run again in this JVM. For
 * every k: the crashed close left nothing behind (the new close is not "already closed"), no
 * partner is paid twice, no ledger entry is in two payouts, each partner's payouts plus unpaid
 * entries equal earned minus reversed, and the months closed before are unchanged. One month per
 * crash point, each with a paid order per partner and refunds of paid orders every third month.
 *
 * <p>CI kills the child at every {@value #CI_STEP}th statement of a close (and once after it
 * committed); {@code -Dpartner.soak=true} kills it at every statement.
 */
class PostgresCrashDuringCloseTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  private static final int PARTNERS = 20;
  private static final int CI_STEP = 2;
  private static final YearMonth FIRST = YearMonth.of(2026, 11);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Currency EUR = Currency.getInstance("EUR");

  private final MutableClock clock =
      MutableClock.at(FIRST.atDay(1).atTime(9, 0).atZone(AMSTERDAM).toInstant());

  private static Instant day(YearMonth month, int day) {
    return month.atDay(day).atTime(9, 0).atZone(AMSTERDAM).toInstant();
  }

  /** A paid order per partner in the month; every third month refunds of last month's orders. */
  private static void earnIn(PartnerProgram program, YearMonth month, int round) {
    Instant at = day(month, 2);
    for (int p = 0; p < PARTNERS; p++) {
      String orderId = "r" + round + "-p" + p;
      ReliabilityWorld.orderEvents(
              orderId,
              ReliabilityWorld.customer(p, 0),
              at,
              ReliabilityWorld.eur("100.00"),
              ReliabilityWorld.eur((10 + p) + ".00"),
              null)
          .forEach(e -> e.deliverTo(program));
      if (round > 0 && round % 3 == 0 && p < 5) {
        // Paid out last month; p = 0 gives back all of it, so its balance is not positive.
        String previous = "r" + (round - 1) + "-p" + p;
        program
            .commissions()
            .recordRefund(
                RecordRefundCommand.wholeOrder(
                    EventId.of("refund-" + previous),
                    OrderId.of(previous),
                    at,
                    ReliabilityWorld.eur(p == 0 ? (110 + p) + ".00" : "100.00")));
      }
    }
  }

  private static String setting(String property, String env, String defaultValue) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? defaultValue : value;
  }

  /** Runs the child; returns its last line: CRASH-POINT (then kills it) or CLOSED. */
  private static String closeInChild(DataSource db, YearMonth month, Instant now, int k)
      throws Exception {
    String url;
    String user;
    try (Connection c = db.getConnection()) {
      url = c.getMetaData().getURL();
      user = c.getMetaData().getUserName();
    }
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx96m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classpath,
            CrashingClose.class.getName(),
            url,
            user,
            setting("partner.test.pg.password", "PARTNER_TEST_PG_PASSWORD", ""),
            month.toString(),
            now.toString(),
            String.valueOf(k));
    builder.redirectError(
        ProcessBuilder.Redirect.appendTo(new File("target/crash-child-stderr.log")));
    Process child = builder.start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        last = line;
        if (line.startsWith("CRASH-POINT") || line.startsWith("CLOSED")) {
          break;
        }
      }
      if (last != null && last.startsWith("CRASH-POINT")) {
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the JVM
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(last).as("child output (see target/crash-child-stderr.log)").isNotNull();
    if (last.startsWith("CRASH-POINT")) {
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    } else {
      assertThat(child.exitValue()).isZero();
    }
    return last;
  }

  @Test
  void aCloseKilledAtAnyStatementAndRunAgainPaysEveryPartnerAndEveryEntryOnce() throws Exception {
    DataSource db = DB.emptied();
    try (HikariDataSource pool = ReliabilityWorld.pool(db, "crash-parent", 2)) {
      PartnerProgram program = ReliabilityWorld.program(JdbcProgramStorage.create(pool), clock, 5);
      JdbcProgramStorage storage = JdbcProgramStorage.create(pool);
      List<PartnerId> partners = ReliabilityWorld.populate(program, PARTNERS, 1, clock.instant());

      // Round 0, in this JVM: how many statements a close of this programme takes.
      FaultInjectingDataSource counting = new FaultInjectingDataSource(pool, (n, sql, c) -> {});
      PartnerProgram counted =
          ReliabilityWorld.program(JdbcProgramStorage.create(counting.dataSource()), clock, 6);
      YearMonth month = FIRST;
      clock.set(day(month, 2)); // the month's orders happen on its second day
      earnIn(program, month, 0);
      clock.set(day(month.plusMonths(1), 1));
      counted.payouts().close(month, Acts.TEST);
      int statements = counting.executed();
      // Claim, page, partners, payouts, assignment, sums, lines, events, result: a page is batched.
      assertThat(statements).isGreaterThanOrEqualTo(8);
      List<YearMonth> closed = new ArrayList<>(List.of(month));

      int step = ReliabilityWorld.SOAK ? 1 : CI_STEP;
      List<Integer> points = new ArrayList<>();
      for (int k = 1; k <= statements; k += step) {
        points.add(k);
      }
      points.add(statements + 1); // the child closes and commits; killed afterwards or not at all
      Set<String> boundaries = new TreeSet<>();
      int crashes = 0;
      long started = System.nanoTime();
      for (int round = 1; round <= points.size(); round++) {
        int k = points.get(round - 1);
        month = month.plusMonths(1);
        clock.set(day(month, 2));
        earnIn(program, month, round);
        clock.set(day(month.plusMonths(1), 1));
        List<Invariants.ClosedPeriod> before = new ArrayList<>();
        for (YearMonth m : closed.subList(Math.max(0, closed.size() - 3), closed.size())) {
          before.add(Invariants.snapshot(storage, m));
        }

        String outcome = closeInChild(db, month, clock.instant(), k);
        PeriodCloseResult again = program.payouts().close(month, Acts.TEST);

        if (outcome.startsWith("CRASH-POINT")) {
          crashes++;
          boundaries.add(outcome);
          assertThat(again.alreadyClosed()).as("k=%d: the killed close left nothing", k).isFalse();
        } else {
          assertThat(again.alreadyClosed()).as("k=%d: the child's close committed", k).isTrue();
        }
        closed.add(month);
        for (Invariants.ClosedPeriod snapshot : before) {
          snapshot.assertUnchangedIn(storage);
        }
        Set<PartnerId> paid = new HashSet<>();
        for (Payout p : ProgramFixture.payoutsOf(program, again.month())) {
          assertThat(paid.add(p.partnerId())).as("k=%d: %s paid twice", k, p.partnerId()).isTrue();
        }
        assertThat(ProgramFixture.closeLinesOf(program, again.month()))
            .as("k=%d", k)
            .hasSize(PARTNERS);
        Invariants.conservation(storage, EUR, partners, clock.instant(), closed);
        Invariants.payoutsPayTheirEntries(storage, List.of(month));
      }
      Invariants.payoutsPayTheirEntries(storage, closed);
      assertThat(
              ReliabilityWorld.query(
                  db, "SELECT entry_id FROM pp_payout_item GROUP BY entry_id HAVING COUNT(*) > 1"))
          .isEmpty();
      Money total = Money.zero(EUR);
      for (YearMonth m : closed) {
        for (Payout p :
            ProgramFixture.payoutsOf(program, program.payouts().close(m, Acts.TEST).month())) {
          total = total.plus(p.amount());
        }
      }
      System.out.printf(
          "%s: a close of %d partners takes %d statements; %d child JVMs killed (SIGKILL) at"
              + " %d distinct statements (every %d), 1 after commit, in %d s; %d months, paid %s%n",
          getClass().getSimpleName(),
          PARTNERS,
          statements,
          crashes,
          boundaries.size(),
          step,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
          closed.size(),
          total);
      assertThat(boundaries).hasSize(crashes);
    } finally {
      ReliabilityWorld.emptyAndVacuum(DB);
    }
  }
}
