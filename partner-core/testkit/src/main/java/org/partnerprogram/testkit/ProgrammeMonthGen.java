package org.partnerprogram.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates {@link ProgrammeMonth}s: up to {@code n} partners and up to {@code m} customers, each
 * customer clicking a partner's link 0 to 2 times (0: an organic signup), signing up on one of the
 * month's first 25 days and placing 0 to 2 orders of 1 or 2 lines (EUR 0.00 to 500.00), each paid
 * or not and refunded in 0 to 2 parts. With {@link #duplicates(double)} a webhook (order, payment,
 * refund) is delivered twice with that probability; with {@link #reorderings(boolean)} webhooks
 * arrive up to five deliveries late, so a payment or refund may come before its order. Obtain it
 * from {@link Gens#programmeMonths()} and configure it by chaining: {@code
 * Gens.programmeMonths().partners(3).customers(10).duplicates(0.1).reorderings(true)}.
 *
 * <p>Shrinks towards one partner, one customer without clicks or orders, no refunds, unpaid orders,
 * no duplicates and no reordering, so a failing month prints a few deliveries.
 */
public final class ProgrammeMonthGen implements Gen<ProgrammeMonth> {
  private static final int MAX_DELAY = 5;

  private final YearMonth month;
  private final int maxPartners;
  private final int maxCustomers;
  private final double duplicates;
  private final boolean reorderings;

  ProgrammeMonthGen(
      YearMonth month, int maxPartners, int maxCustomers, double duplicates, boolean reorderings) {
    if (maxPartners < 1 || maxPartners > 100) {
      throw new IllegalArgumentException("partners: 1 to 100, not " + maxPartners);
    }
    if (maxCustomers < 1 || maxCustomers > 1000) {
      throw new IllegalArgumentException("customers: 1 to 1000, not " + maxCustomers);
    }
    if (!(duplicates >= 0 && duplicates <= 1)) {
      throw new IllegalArgumentException("duplicates: a probability, not " + duplicates);
    }
    this.month = month;
    this.maxPartners = maxPartners;
    this.maxCustomers = maxCustomers;
    this.duplicates = duplicates;
    this.reorderings = reorderings;
  }

  /**
   * At most this many partners (at least one; shrinks towards one).
   *
   * @param max 1 to 100
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public ProgrammeMonthGen partners(int max) {
    return new ProgrammeMonthGen(month, max, maxCustomers, duplicates, reorderings);
  }

  /**
   * At most this many new customers (at least one; shrinks towards one).
   *
   * @param max 1 to 1000
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public ProgrammeMonthGen customers(int max) {
    return new ProgrammeMonthGen(month, maxPartners, max, duplicates, reorderings);
  }

  /**
   * The probability that a webhook is delivered twice (0 by default).
   *
   * @param probability 0 to 1
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public ProgrammeMonthGen duplicates(double probability) {
    return new ProgrammeMonthGen(month, maxPartners, maxCustomers, probability, reorderings);
  }

  /**
   * Whether webhooks may arrive late, after later events (false by default).
   *
   * @param enabled true to reorder
   * @return a new generator
   */
  public ProgrammeMonthGen reorderings(boolean enabled) {
    return new ProgrammeMonthGen(month, maxPartners, maxCustomers, duplicates, enabled);
  }

  /**
   * The calendar month (November 2026 by default).
   *
   * @param calendarMonth the month, from 1970 on; never null
   * @return a new generator
   */
  public ProgrammeMonthGen in(YearMonth calendarMonth) {
    return new ProgrammeMonthGen(calendarMonth, maxPartners, maxCustomers, duplicates, reorderings);
  }

  /** What one order does: its lines, whether it is paid, and refunds as (line, percent left). */
  private record OrderStory(List<OrderLine> lines, boolean paid, List<int[]> refunds) {}

  /** What one customer does. */
  private record CustomerStory(int partner, int clicks, int signupDay, List<OrderStory> orders) {}

  @Override
  public ProgrammeMonth generate(RandomnessSource in) {
    int partners = integers().between(1, maxPartners).generate(in);
    Gen<OrderLine> line = Gens.orders().nets(Gens.money().in("EUR").upTo("500.00")).line();
    Gen<int[]> refund =
        integers().between(0, 1).zip(integers().between(1, 100), (l, pct) -> new int[] {l, pct});
    Gen<OrderStory> order =
        Gens.listOf(line, 1, 2)
            .zip(
                integers().between(0, 1),
                Gens.listOf(refund, 0, 2),
                (lines, paid, refunds) -> new OrderStory(lines, paid == 1, refunds));
    Gen<CustomerStory> customer =
        integers()
            .between(0, partners - 1)
            .zip(
                integers().between(0, 2),
                integers().between(0, 24),
                Gens.listOf(order, 0, 2),
                CustomerStory::new);
    List<CustomerStory> customers = Gens.listOf(customer, 1, maxCustomers).generate(in);

    List<MonthEvent> events = new ArrayList<>();
    Instant start = month.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    for (int c = 0; c < customers.size(); c++) {
      events.addAll(eventsOf(c + 1, customers.get(c), start));
    }
    events.sort(Comparator.comparing(MonthEvent::at)); // stable: ties keep the story's order
    return new ProgrammeMonth(month, partners, events, deliveries(events, in));
  }

  private static List<MonthEvent> eventsOf(int number, CustomerStory story, Instant monthStart) {
    List<MonthEvent> events = new ArrayList<>();
    String customer = "customer-" + number;
    String visitor = "visitor-" + number;
    Instant signupAt =
        monthStart.plus(Duration.ofDays(story.signupDay())).plusSeconds(36_000L + number);
    for (int k = story.clicks(); k >= 1; k--) {
      events.add(
          MonthEvent.Click.of(
              ProgrammeMonth.codeOf(story.partner() + 1),
              visitor,
              signupAt.minus(Duration.ofMinutes(7L * k))));
    }
    events.add(
        new MonthEvent.Signup(
            story.clicks() > 0
                ? AttributeSignupCommand.newCustomer(customer).visitor(visitor).at(signupAt)
                : AttributeSignupCommand.newCustomer(customer).at(signupAt)));
    for (int k = 0; k < story.orders().size(); k++) {
      OrderStory o = story.orders().get(k);
      String ref = number + "-" + (k + 1);
      OrderId orderId = OrderId.of("order-" + ref);
      Instant placedAt = signupAt.plus(Duration.ofHours(k + 1L));
      List<OrderLine> lines = new ArrayList<>();
      for (int i = 0; i < o.lines().size(); i++) {
        OrderLine l = o.lines().get(i);
        lines.add(new OrderLine(i + 1, l.productId(), l.productGroup(), l.net(), l.description()));
      }
      Order order = new Order(orderId, CustomerAccountId.of(customer), placedAt, lines);
      events.add(
          new MonthEvent.OrderPlaced(new RecordOrderCommand(EventId.of("order-" + ref), order)));
      if (o.paid()) {
        events.add(
            new MonthEvent.Payment(
                new RecordPaymentCommand(
                    EventId.of("payment-" + ref), orderId, placedAt.plusSeconds(1800))));
      }
      BigDecimal[] left = lines.stream().map(l -> l.net().amount()).toArray(BigDecimal[]::new);
      for (int r = 0; r < o.refunds().size(); r++) {
        int lineIndex = o.refunds().get(r)[0] % lines.size();
        BigDecimal amount =
            left[lineIndex]
                .multiply(BigDecimal.valueOf(o.refunds().get(r)[1]))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        if (amount.signum() == 0) {
          continue;
        }
        left[lineIndex] = left[lineIndex].subtract(amount);
        events.add(
            new MonthEvent.Refund(
                RecordRefundCommand.perLine(
                    EventId.of("refund-" + ref + "-" + (r + 1)),
                    orderId,
                    placedAt.plus(Duration.ofDays(1)).plusSeconds(3600L * r),
                    Map.of(lineIndex + 1, Money.of(amount, order.currency())))));
      }
    }
    return events;
  }

  /** A delivery: the event and where it lands (its slot times four, plus a tie-breaker). */
  private record Delivery(MonthEvent event, long key) {}

  private List<MonthEvent> deliveries(List<MonthEvent> events, RandomnessSource in) {
    Gen<Integer> delay = integers().between(0, reorderings ? MAX_DELAY : 0);
    // a draw at or above the threshold duplicates; draws shrink to 0, towards "no duplicate"
    int threshold = 1000 - (int) Math.round(duplicates * 1000);
    Gen<Integer> duplicate = integers().between(0, 999);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      MonthEvent e = events.get(i);
      if (!e.isWebhook()) {
        deliveries.add(new Delivery(e, 4L * i));
        continue;
      }
      int late = delay.generate(in);
      deliveries.add(new Delivery(e, late == 0 ? 4L * i : 4L * (i + late) + 1));
      if (duplicate.generate(in) >= threshold) {
        deliveries.add(new Delivery(e, 4L * (i + Math.max(late, delay.generate(in))) + 2));
      }
    }
    deliveries.sort(Comparator.comparingLong(Delivery::key));
    return deliveries.stream().map(Delivery::event).toList();
  }

  @Override
  public String toString() {
    return "programme months of up to "
        + maxPartners
        + " partners and "
        + maxCustomers
        + " customers";
  }
}
