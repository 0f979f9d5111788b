package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EarningPolicy;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/** Recording orders: who earns on an order, how its lines are priced, and what is refused. */
class OrderServiceTest extends ServiceTestWorld.EnrolledPartner {
  @Test
  void eachLineOfAReferredCustomersOrderIsPricedWithTheRateInForceAndRecorded() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    OrderResult result =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("o-1"),
                    f.order(
                        "order-1",
                        customer,
                        line(1, "shared-hosting", "19.99"),
                        line(2, "vps", "30.00"),
                        line(3, "domain", "9.99"),
                        line(4, "shared-hosting", "0.00"))));

    assertThat(result.earningPartner()).contains(f.partner.id());
    assertThat(result.lines())
        .extracting(CommissionLine::commission)
        .containsExactly(eur("5.00"), eur("3.75"), eur("0.00"), eur("0.00"));
    assertThat(result.lines().get(0).rateVersion())
        .hasValueSatisfying(v -> assertThat(v.number()).isEqualTo(1));
    assertThat(result.lines().get(2).notParticipating()).isTrue();
    assertThat(result.lines().get(2).rateVersion()).isEmpty();
    assertThat(balance().pending()).isEqualTo(eur("8.75"));
    assertThat(balance().payable()).isEqualTo(eur("0.00"));
  }

  @Test
  void aRateChangeNeverRepricesCommissionAlreadyRecorded() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("before", customer, line(1, "vps", "100.00")));
    f.clock.advance(Duration.ofDays(1));
    f.program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(Map.of(RateTarget.group("vps"), Rate.percent("20"))));
    f.record(f.order("after", customer, line(1, "vps", "100.00")));
    pay("pay-before", "before");
    pay("pay-after", "after");

    assertThat(entries("before"))
        .filteredOn(e -> e.kind() == LedgerEntry.Kind.EARNED)
        .extracting(LedgerEntry::amount)
        .containsExactly(eur("12.50"));
    assertThat(entries("after"))
        .filteredOn(e -> e.kind() == LedgerEntry.Kind.EARNED)
        .extracting(LedgerEntry::amount)
        .containsExactly(eur("20.00"));
    assertThat(
            f.storage
                .transactions()
                .execute(() -> f.storage.ledger().linesOfOrder(OrderId.of("after"))))
        .singleElement()
        .satisfies(l -> assertThat(l.rateVersion().orElseThrow().number()).isEqualTo(2));
  }

  @Test
  void theSameOrderWithLinesInAnotherOrderIsTheSameOrder() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(
        f.order("order-1", customer, line(1, "vps", "80.00"), line(2, "shared-hosting", "10.00")));
    OrderResult again =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("other-event"),
                    f.order(
                        "order-1",
                        customer,
                        line(2, "shared-hosting", "10.00"),
                        line(1, "vps", "80.00"))));
    assertThat(again.redelivery()).isTrue();
    assertThat(again.lines()).extracting(CommissionLine::lineNumber).containsExactly(1, 2);
  }

  @Test
  void ordersOfCustomersNobodyBroughtEarnNothing() {
    OrderResult result =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("o-1"),
                    f.order("order-1", CustomerAccountId.of("walk-in"), line(1, "vps", "80.00"))));
    assertThat(result.notEarning()).contains(NotEarningReason.CUSTOMER_NOT_ATTRIBUTED);
    assertThat(result.lines()).isEmpty();
    assertThat(pay("pay-1", "order-1").entries()).isEmpty();
  }

  @Test
  void earningPoliciesDecideWhichOrdersEarn() {
    ProgramFixture first =
        ProgramFixture.on(
            new InMemoryStorage(), b -> b.earningPolicy(EarningPolicy.firstOrderOnly()));
    CustomerAccountId c1 = first.referredCustomer("c-1");
    first.record(first.order("o-1", c1, line(1, "vps", "10.00")));
    OrderResult second =
        first
            .program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("e-2"), first.order("o-2", c1, line(1, "vps", "10.00"))));
    assertThat(second.notEarning()).contains(NotEarningReason.NOT_FIRST_ORDER);

    ProgramFixture within =
        ProgramFixture.on(
            new InMemoryStorage(), b -> b.earningPolicy(EarningPolicy.withinMonths(12)));
    CustomerAccountId c2 = within.referredCustomer("c-2");
    within.clock.advance(Duration.ofDays(364));
    assertThat(
            within
                .program
                .commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("e-1"), within.order("o-1", c2, line(1, "vps", "10.00"))))
                .notEarning())
        .isEmpty();
    within.clock.advance(Duration.ofDays(2));
    assertThat(
            within
                .program
                .commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("e-2"), within.order("o-2", c2, line(1, "vps", "10.00"))))
                .notEarning())
        .contains(NotEarningReason.OUTSIDE_EARNING_PERIOD);

    CustomerAccountId c3 = f.referredCustomer("c-3");
    f.program.partners().leave(f.partner.id());
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(
            f.program
                .commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("e-3"), f.order("o-3", c3, line(1, "vps", "10.00"))))
                .notEarning())
        .contains(NotEarningReason.PARTNER_LEFT);
  }

  @Test
  void badOrdersAreTypedErrors() {
    CustomerAccountId c = CustomerAccountId.of("c-1");
    assertThatThrownBy(() -> line(1, "vps", "-1.00")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> line(1, "vps", "1.001")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.order("o", c)).isInstanceOf(InvalidInputException.class);
    List<OrderLine> tooMany = new ArrayList<>();
    for (int i = 1; i <= Order.MAX_LINES; i++) {
      tooMany.add(line(i, "vps", "1.00"));
    }
    tooMany.add(
        new OrderLine(
            1,
            org.partnerprogram.core.domain.ProductId.of("x"),
            Optional.empty(),
            eur("1.00"),
            Optional.empty()));
    assertThatThrownBy(() -> new Order(OrderId.of("o"), c, f.clock.instant(), tooMany))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.order("o", c, line(1, "vps", "1.00"), line(1, "vps", "2.00")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("repeats");
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("e"),
                            new Order(
                                OrderId.of("o"),
                                c,
                                f.clock.instant(),
                                List.of(OrderLine.of(1, "vps", Money.of("1.00", "USD")))))))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(
            () ->
                f.order(
                    "o",
                    c,
                    line(1, "vps", "1.00"),
                    OrderLine.of(2, "vps", Money.of("1.00", "USD"))))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThat(entries("o")).isEmpty();
  }

  /** Commission decisions the broader suites pass through without pinning down. */
  @Nested
  class WithAHoldingPeriod {
    private final ProgramFixture f =
        ProgramFixture.on(new InMemoryStorage(), b -> b.holdingPeriod(Duration.ofDays(14)));

    @Test
    void underFirstOrderOnlyTheFirstOrderEarns() {
      ProgramFixture first =
          ProgramFixture.on(
              new InMemoryStorage(), b -> b.earningPolicy(EarningPolicy.firstOrderOnly()));
      CustomerAccountId c = first.referredCustomer("c-1");
      OrderResult result =
          first
              .program
              .commissions()
              .recordOrder(
                  new RecordOrderCommand(
                      EventId.of("e-1"), first.order("o-1", c, line(1, "vps", "10.00"))));
      assertThat(result.notEarning()).isEmpty();
      assertThat(result.earningPartner()).contains(first.partner.id());
      assertThat(result.lines())
          .extracting(CommissionLine::commission)
          .containsExactly(eur("1.25"));
    }

    @Test
    void aPartnerOverrideAppliesToItsProductsAndTheProgrammeCardToTheRest() {
      f.program
          .rates()
          .change(
              RateChange.forPartner(f.partner.id(), Acts.TEST)
                  .setAll(Map.of(RateTarget.group("vps"), Rate.percent("20")))
                  .from(f.clock.instant().plusSeconds(1)));
      f.clock.advance(Duration.ofSeconds(2));
      CustomerAccountId c = f.referredCustomer("c-1");
      OrderResult result =
          f.program
              .commissions()
              .recordOrder(
                  new RecordOrderCommand(
                      EventId.of("e-1"),
                      f.order(
                          "o-1", c, line(1, "vps", "10.00"), line(2, "shared-hosting", "10.00"))));
      assertThat(result.lines())
          .extracting(CommissionLine::commission)
          .containsExactly(eur("2.00"), eur("2.50"));
      assertThat(result.lines().get(0).rateVersion())
          .contains(new CommissionLine.RateVersionRef(Optional.of(f.partner.id()), 1));
      assertThat(result.lines().get(1).rateVersion())
          .contains(new CommissionLine.RateVersionRef(Optional.empty(), 1));
    }
  }

  /**
   * The instants a host's billing reports: none may lie beyond the programme's clock by more than
   * the clock skew that clicks and signups already allow, and a payment or refund cannot come
   * before its order. A refused event writes nothing, so the same event can be delivered again once
   * corrected.
   */
  @Nested
  class EventTimes {
    private final ProgramFixture f = ProgramFixture.inMemory();
    private final CustomerAccountId customer = f.referredCustomer("c-times");

    private Order orderAt(String id, Instant placedAt) {
      return new Order(OrderId.of(id), customer, placedAt, List.of(line(1, "vps", "100.00")));
    }

    private void record(String eventId, Order order) {
      f.program.commissions().recordOrder(new RecordOrderCommand(EventId.of(eventId), order));
    }

    private boolean processed(String eventId) {
      return !f.program.commissions().processed(List.of(eventId)).isEmpty();
    }

    private boolean orderRecorded(String orderId) {
      return f.storage
          .transactions()
          .execute(() -> f.storage.orders().find(OrderId.of(orderId)).isPresent());
    }

    @Test
    void anOrderPlacedBeyondTheClockSkewIsRefusedAndWritesNothing() {
      Instant now = f.clock.instant();
      for (Instant future :
          List.of(
              now.plus(Instants.MAX_CLOCK_SKEW).plusSeconds(1),
              now.plus(Duration.ofDays(1)),
              Instant.parse("2999-12-31T23:59:59Z"))) {
        assertThatThrownBy(() -> record("order-o-future", orderAt("o-future", future)))
            .as("%s", future)
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("placedAt"))
            .hasMessageContaining("future");
        assertThat(processed("order-o-future")).isFalse();
        assertThat(orderRecorded("o-future")).isFalse();
      }
      // the same event, corrected, is recorded: the refusal claimed nothing
      record("order-o-future", orderAt("o-future", now));
      assertThat(orderRecorded("o-future")).isTrue();
    }

    @Test
    void anOrderPlacedWithinTheClockSkewIsRecorded() {
      record("order-o-skew", orderAt("o-skew", f.clock.instant().plus(Instants.MAX_CLOCK_SKEW)));
      assertThat(orderRecorded("o-skew")).isTrue();
    }
  }

  /**
   * An order's lines may each be as large as money goes, but not their sum: an order whose total
   * net exceeds {@link Money#MAX_ABS_AMOUNT} could be recorded but never paid (its commission could
   * not be added up). Its commission is at most its net, line by line, so bounding the net bounds
   * it.
   */
  @Nested
  class OrderTotals {
    private static final Money MAX =
        Money.of(Money.MAX_ABS_AMOUNT, java.util.Currency.getInstance("EUR"));

    private final ProgramFixture f = ProgramFixture.inMemory();
    private final CustomerAccountId customer = f.referredCustomer("c-big");

    private static OrderLine vps(int number, Money net) {
      return new OrderLine(
          number,
          ProductId.of("vps-product"),
          Optional.of(ProductGroupId.of("vps")),
          net,
          Optional.empty());
    }

    @Test
    void anOrderWhoseLinesAddUpToMoreThanTheLargestAmountIsRefused() {
      List<OrderLine> lines = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        lines.add(vps(i, MAX));
      }
      assertThatThrownBy(() -> new Order(OrderId.of("o-huge"), customer, f.clock.instant(), lines))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lines"))
          .hasMessageContaining(Money.MAX_ABS_AMOUNT.toPlainString());
      assertThatThrownBy(
              () ->
                  new Order(
                      OrderId.of("o-huge"),
                      customer,
                      f.clock.instant(),
                      List.of(vps(1, MAX), vps(2, Money.of("0.01", "EUR")))))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anOrderOfTheLargestTotalAtAFullRateIsRecordedAndPaid() {
      f.program
          .rates()
          .change(
              RateChange.forPartner(f.partner.id(), Acts.TEST)
                  .setAll(Map.of(RateTarget.group("vps"), Rate.percent("100")))
                  .from(f.clock.instant()));
      Money half = MAX.multipliedBy(new BigDecimal("0.5"), java.math.RoundingMode.DOWN);
      Order order =
          new Order(
              OrderId.of("o-max"),
              customer,
              f.clock.instant(),
              List.of(vps(1, half), vps(2, MAX.minus(half))));
      f.program.commissions().recordOrder(new RecordOrderCommand(EventId.of("order-o-max"), order));
      PaymentResult paid =
          f.program
              .commissions()
              .recordPayment(
                  new RecordPaymentCommand(
                      EventId.of("pay-o-max"), OrderId.of("o-max"), f.clock.instant()));
      Money earned = Money.zero(MAX.currency());
      for (LedgerEntry e : paid.entries()) {
        earned = earned.plus(e.amount());
      }
      assertThat(earned).isEqualTo(MAX);
    }
  }
}
