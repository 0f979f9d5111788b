package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.ProcessedEventsQuery;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.ReliabilityWorld.HostEvent;
import org.partnerprogram.jdbc.support.ThreadConnections;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * Issue 10, reconciliation: a month of host events (orders, payments, refunds) delivered with 10 %
 * of the webhooks lost (seeded), then the host asks {@code processedEvents} which of its event ids
 * were processed and redelivers the others in shuffled order. The end state — every order, ledger
 * entry, refund, processed event, balance, and the month's payouts — equals a clean run's. The host
 * keeps one rule a webhook sender keeps anyway: a refund is sent after its order's payment was
 * processed (asked through {@code processedEvents} too). Each adapter runs it by a subclass.
 */
abstract class AbstractReconciliationTest {
  private static final int PARTNERS = 10;
  private static final int CUSTOMERS_PER_PARTNER = 4;
  private static final int ORDERS = ReliabilityWorld.SOAK ? 2_000 : 100;
  private static final Instant SIGNUPS = Instant.parse("2026-11-01T08:00:00Z");
  private static final Instant RECONCILED = Instant.parse("2026-12-01T10:00:00Z");

  private final List<ThreadConnections> pools = new ArrayList<>();

  /** Fresh, empty storage of the adapter under test (called once per run). */
  abstract ProgramStorage freshStorage();

  /** The database's data source with one connection kept per thread, closed after the test. */
  DataSource pooled(DataSource database) {
    ThreadConnections pool = new ThreadConnections(database);
    pools.add(pool);
    return pool;
  }

  /** Leaves the database as a fresh one for the test classes after this one. */
  void afterRuns() throws SQLException {}

  @AfterEach
  void closePools() throws SQLException {
    for (ThreadConnections pool : pools) {
      pool.close();
    }
    afterRuns();
  }

  /** A month of host events in the order they happened. */
  private static List<HostEvent> month() {
    SplittableRandom random = new SplittableRandom(2026);
    List<HostEvent> events = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    Instant first = Instant.parse("2026-11-02T09:00:00Z");
    for (int o = 0; o < ORDERS; o++) {
      Instant placed = first.plus(Duration.ofMinutes(random.nextLong(0, 60L * 24 * 26)));
      Money hosting = ReliabilityWorld.amount(random);
      Money vps = ReliabilityWorld.amount(random);
      boolean paid = random.nextInt(10) != 0;
      Money refund = paid && random.nextInt(4) == 0 ? hosting : null;
      List<HostEvent> of =
          ReliabilityWorld.orderEvents(
              "rec-" + o,
              ReliabilityWorld.customer(
                  random.nextInt(PARTNERS), random.nextInt(CUSTOMERS_PER_PARTNER)),
              placed,
              hosting,
              vps,
              refund);
      for (int i = 0; i < of.size() && (paid || i == 0); i++) {
        events.add(of.get(i));
        times.add(placed.plus(Duration.ofHours(i)));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(times::get));
    return order.stream().map(events::get).toList();
  }

  private static Set<String> processed(PartnerProgram program, List<String> ids) {
    Set<String> done = new java.util.HashSet<>();
    for (int from = 0; from < ids.size(); from += ProcessedEventsQuery.MAX_IDS) {
      List<String> chunk =
          ids.subList(from, Math.min(ids.size(), from + ProcessedEventsQuery.MAX_IDS));
      program.commissions().processed(chunk).stream().map(EventId::value).forEach(done::add);
    }
    return done;
  }

  /** Delivers the event unless the host would hold it back; false if not processed now. */
  private static boolean deliver(PartnerProgram program, HostEvent e) {
    if (e.kind().equals("refund") && processed(program, List.of("pay-" + e.orderId())).isEmpty()) {
      return false; // the host sends a refund after its payment went through
    }
    try {
      e.deliverTo(program);
      return true;
    } catch (OrderNotRecordedException notYet) {
      return false; // a payment whose order was lost: retryable, found by reconciliation
    }
  }

  /** Runs the month; returns the canonical end state and the figures. */
  private Run run(List<HostEvent> events, double dropRate) {
    ProgramStorage storage = freshStorage();
    MutableClock clock = MutableClock.at(SIGNUPS);
    PartnerProgram program = ReliabilityWorld.program(storage, clock, 9);
    List<PartnerId> partners =
        ReliabilityWorld.populate(program, PARTNERS, CUSTOMERS_PER_PARTNER, SIGNUPS);
    clock.set(RECONCILED);

    Random loss = new Random(10);
    int dropped = 0;
    for (HostEvent e : events) {
      if (loss.nextDouble() < dropRate) {
        dropped++;
        continue;
      }
      deliver(program, e);
    }
    List<String> ids = events.stream().map(HostEvent::id).toList();
    Set<String> done = processed(program, ids);
    List<HostEvent> missing = new ArrayList<>();
    for (HostEvent e : events) {
      if (!done.contains(e.id())) {
        missing.add(e);
      }
    }
    Collections.shuffle(missing, new Random(11));
    Deque<HostEvent> queue = new ArrayDeque<>(missing);
    int redeliveries = 0;
    while (!queue.isEmpty()) {
      HostEvent e = queue.poll();
      redeliveries++;
      if (!deliver(program, e)) {
        queue.add(e);
      }
      assertThat(redeliveries).as("redelivery converges").isLessThan(100 * events.size());
    }
    assertThat(processed(program, ids)).hasSize(events.size());

    List<String> state = new ArrayList<>();
    Set<String> orderIds =
        events.stream()
            .map(HostEvent::orderId)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    storage
        .transactions()
        .execute(
            () -> {
              for (String id : orderIds) {
                OrderId orderId = OrderId.of(id);
                state.add(String.valueOf(storage.orders().find(orderId)));
                state.add(
                    id + " refunded " + new TreeMap<>(storage.orders().refundedByLine(orderId)));
                storage.ledger().entriesOfOrder(orderId).stream()
                    .map(AbstractReconciliationTest::withoutId)
                    .sorted()
                    .forEach(state::add);
              }
              return null;
            });
    ReliabilityWorld.balances(program, partners)
        .forEach((p, b) -> state.add("partner " + p + " " + b));
    PeriodCloseResult close = program.payouts().close(java.time.YearMonth.of(2026, 11), Acts.TEST);
    ProgramFixture.payoutsOf(program, close.month()).stream()
        .map(p -> "payout " + p.partnerId() + " " + p.amount())
        .sorted()
        .forEach(state::add);
    ProgramFixture.closeLinesOf(program, close.month()).stream()
        .map(l -> "close line " + l.partnerId() + " " + l.amount() + " " + l.carriedOver())
        .sorted()
        .forEach(state::add);
    return new Run(
        state,
        dropped,
        missing.size(),
        redeliveries,
        ProgramFixture.payoutsOf(program, close.month()));
  }

  private static String withoutId(LedgerEntry e) {
    return String.join(
        " ",
        e.orderId().map(o -> o.value()).orElse("-"),
        String.valueOf(e.lineNumber()),
        e.kind().name(),
        e.partnerId().value(),
        e.amount().toString(),
        e.base().toString(),
        e.occurredAt().toString(),
        e.payableAt().toString(),
        e.sourceEvent().value(),
        e.recordedAt().toString());
  }

  private record Run(
      List<String> state, int dropped, int missing, int redeliveries, List<Payout> payouts) {}

  @Test
  void losingTenPercentOfWebhooksAndRedeliveringWhatReconciliationFindsEndsAsACleanRun() {
    List<HostEvent> events = month();

    Run clean = run(events, 0.0);
    Run lossy = run(events, 0.10);

    System.out.printf(
        "%s: %d events, %d dropped, %d not processed after the first pass, %d redeliveries,"
            + " end state (%d lines) equal to the clean run%n",
        getClass().getSimpleName(),
        events.size(),
        lossy.dropped(),
        lossy.missing(),
        lossy.redeliveries(),
        clean.state().size());
    assertThat(clean.missing()).isZero();
    assertThat(lossy.dropped()).isGreaterThan(events.size() / 20);
    assertThat(lossy.missing()).isGreaterThanOrEqualTo(lossy.dropped());
    assertThat(clean.payouts()).hasSize(PARTNERS);
    assertThat(lossy.state()).isEqualTo(clean.state());
  }
}
