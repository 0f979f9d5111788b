package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.testkit.ProgramFixture;
import org.quicktheories.core.Gen;

class CommissionProperties {
  private static final String[] GROUPS = {"shared-hosting", "vps", "domain"};

  /**
   * One order's story: its lines (group index, net cents), whether it is paid, refunds per line.
   */
  record OrderStory(int number, List<int[]> lines, boolean paid, List<int[]> refunds) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("order-" + number + "[");
      for (int[] l : lines) {
        b.append(GROUPS[l[0]]).append(' ').append(BigDecimal.valueOf(l[1], 2)).append("; ");
      }
      b.append(paid ? "paid" : "unpaid");
      for (int[] r : refunds) {
        b.append("; refund line ").append(r[0]).append(' ').append(BigDecimal.valueOf(r[1], 2));
      }
      return b.append(']').toString();
    }
  }

  /** Orders of one referred customer; each shrinks towards one line, unpaid, no refunds. */
  private static Gen<List<OrderStory>> stories() {
    Gen<int[]> line =
        integers().between(0, 2).zip(integers().between(0, 50_000), (g, c) -> new int[] {g, c});
    Gen<OrderStory> story =
        lists()
            .of(line)
            .ofSizeBetween(1, 3)
            .zip(
                integers().between(0, 1),
                lists().of(integers().between(0, 100)).ofSizeBetween(0, 3),
                (lines, paid, refundPercents) -> {
                  List<int[]> refunds = new ArrayList<>();
                  int[] left = lines.stream().mapToInt(l -> l[1]).toArray();
                  for (int i = 0; i < refundPercents.size(); i++) {
                    int lineIndex = i % lines.size();
                    int cents = (int) ((long) left[lineIndex] * refundPercents.get(i) / 100);
                    if (cents > 0) {
                      refunds.add(new int[] {lineIndex + 1, cents});
                      left[lineIndex] -= cents;
                    }
                  }
                  return new OrderStory(0, lines, paid == 1, refunds);
                });
    return lists()
        .of(story)
        .ofSizeBetween(1, 4)
        .map(
            list -> {
              List<OrderStory> numbered = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                OrderStory s = list.get(i);
                numbered.add(new OrderStory(i, s.lines(), s.paid(), s.refunds()));
              }
              return numbered;
            });
  }

  /** The host events of the stories, in their natural order. */
  private static List<Runnable> events(
      ProgramFixture f, CustomerAccountId customer, List<OrderStory> stories) {
    List<Runnable> events = new ArrayList<>();
    for (OrderStory s : stories) {
      OrderId orderId = OrderId.of("order-" + s.number());
      List<OrderLine> lines = new ArrayList<>();
      for (int i = 0; i < s.lines().size(); i++) {
        int[] l = s.lines().get(i);
        lines.add(
            ProgramFixture.line(i + 1, GROUPS[l[0]], BigDecimal.valueOf(l[1], 2).toPlainString()));
      }
      Order order = new Order(orderId, customer, ProgramFixture.START.plusSeconds(3600), lines);
      events.add(
          () ->
              f.program
                  .commissions()
                  .recordOrder(new RecordOrderCommand(EventId.of("o-" + s.number()), order)));
      if (s.paid()) {
        events.add(
            () ->
                f.program
                    .commissions()
                    .recordPayment(
                        new RecordPaymentCommand(
                            EventId.of("p-" + s.number()),
                            orderId,
                            ProgramFixture.START.plusSeconds(7200))));
      }
      for (int k = 0; k < s.refunds().size(); k++) {
        int[] r = s.refunds().get(k);
        int index = k;
        events.add(
            () ->
                f.program
                    .commissions()
                    .recordRefund(
                        RecordRefundCommand.perLine(
                            EventId.of("r-" + s.number() + "-" + index),
                            orderId,
                            ProgramFixture.START.plusSeconds(9000),
                            Map.of(
                                r[0],
                                Money.of(
                                    BigDecimal.valueOf(r[1], 2),
                                    Money.of("0", "EUR").currency())))));
      }
    }
    return events;
  }

  /** Delivers events like a webhook sender: what fails retryably is delivered again later. */
  private static void deliver(List<Runnable> events) {
    List<Runnable> pending = new ArrayList<>(events);
    for (int round = 0; round < 10 && !pending.isEmpty(); round++) {
      List<Runnable> failed = new ArrayList<>();
      for (Runnable e : pending) {
        try {
          e.run();
        } catch (PartnerProgramException ex) {
          if (!ex.isRetryable()) {
            throw ex;
          }
          failed.add(e);
        }
      }
      pending = failed;
    }
    assertThat(pending).as("events still refused after redelivery").isEmpty();
  }

  private static ProgramFixture fixture() {
    ProgramFixture f = ProgramFixture.inMemory();
    f.clock.set(ProgramFixture.START.plusSeconds(10_000));
    return f;
  }

  /** What must not depend on delivery order: per line, commission net of what was taken back. */
  private static Map<String, Money> netPerLine(ProgramFixture f, List<OrderStory> stories) {
    Map<String, Money> result = new TreeMap<>();
    f.storage
        .transactions()
        .execute(
            () -> {
              for (OrderStory s : stories) {
                for (LedgerEntry e :
                    f.storage.ledger().entriesOfOrder(OrderId.of("order-" + s.number()))) {
                  String key = e.orderId().map(OrderId::value).orElse("") + "#" + e.lineNumber();
                  Money current = result.getOrDefault(key, Money.zero(e.amount().currency()));
                  result.put(
                      key,
                      switch (e.kind()) {
                        case ACCRUED -> current.plus(e.amount());
                        case CANCELLED, REVERSED -> current.minus(e.amount());
                        case EARNED, CREDITED, DEBITED, WRITTEN_OFF -> current;
                      });
                }
              }
              return null;
            });
    return result;
  }

  private static Balance balance(ProgramFixture f) {
    return f.program.partners().overview(f.partner.id()).orElseThrow().balance();
  }

  @Test
  void earnedMinusReversedIsWhatTheLedgerHoldsAndNoLineGoesBelowZero() {
    qt().forAll(stories())
        .checkAssert(
            stories -> {
              ProgramFixture f = fixture();
              deliver(events(f, f.referredCustomer("c"), stories));
              Balance b = balance(f);
              assertThat(b.held().plus(b.payable()).plus(b.inPayout()).plus(b.paid()))
                  .isEqualTo(b.earned().minus(b.reversed()));
              assertThat(b.pending().isNegative()).isFalse();
              assertThat(b.payable().isNegative()).isFalse();
              for (Money net : netPerLine(f, stories).values()) {
                assertThat(net.isNegative()).as("a line's commission net of reversals").isFalse();
              }
              f.storage
                  .transactions()
                  .execute(
                      () -> {
                        for (OrderStory s : stories) {
                          for (CommissionLine line :
                              f.storage.ledger().linesOfOrder(OrderId.of("order-" + s.number()))) {
                            assertThat(line.commission().isNegative()).isFalse();
                            assertThat(line.commission().compareTo(line.net()))
                                .isLessThanOrEqualTo(0);
                          }
                        }
                        return null;
                      });
              Money expectedPending = Money.zero(b.pending().currency());
              Map<String, Money> net = netPerLine(f, stories);
              for (OrderStory s : stories) {
                if (!s.paid()) {
                  for (int i = 1; i <= s.lines().size(); i++) {
                    expectedPending =
                        expectedPending.plus(
                            net.getOrDefault(
                                "order-" + s.number() + "#" + i,
                                Money.zero(b.pending().currency())));
                  }
                }
              }
              assertThat(b.pending()).isEqualTo(expectedPending);
            });
  }

  @Test
  void anyPermutationWithDuplicatesEndsInTheSameState() {
    qt().withExamples(300)
        .forAll(stories(), longs().all())
        .checkAssert(
            (stories, seed) -> {
              ProgramFixture inOrder = fixture();
              deliver(events(inOrder, inOrder.referredCustomer("c"), stories));

              ProgramFixture shuffled = fixture();
              List<Runnable> events =
                  new ArrayList<>(events(shuffled, shuffled.referredCustomer("c"), stories));
              Random random = new Random(seed);
              int duplicates = events.size();
              for (int i = 0; i < duplicates; i++) {
                if (random.nextBoolean()) {
                  events.add(events.get(random.nextInt(duplicates)));
                }
              }
              Collections.shuffle(events, random);
              deliver(events);

              assertThat(netPerLine(shuffled, stories)).isEqualTo(netPerLine(inOrder, stories));
              Balance a = balance(inOrder);
              Balance b = balance(shuffled);
              assertThat(b.pending()).isEqualTo(a.pending());
              assertThat(b.earned().minus(b.reversed())).isEqualTo(a.earned().minus(a.reversed()));
              assertThat(b.payable()).isEqualTo(a.payable());
            });
  }
}
