package org.partnerprogram.core.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.testkit.ProgramFixture.eur;
import static org.partnerprogram.core.testkit.ProgramFixture.line;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EarningPolicy;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.domain.event.CommissionEarned;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.testkit.ProgramFixture;

class CommissionTest {
  private final ProgramFixture f = ProgramFixture.inMemory();

  private Balance balance() {
    return f.program.partners().overview(f.partner.id()).orElseThrow().balance();
  }

  private List<LedgerEntry> entries(String orderId) {
    return f.storage
        .transactions()
        .execute(() -> f.storage.ledger().entriesOfOrder(OrderId.of(orderId)));
  }

  private PaymentResult pay(String eventId, String orderId) {
    return f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of(eventId), OrderId.of(orderId), f.clock.instant()));
  }

  private RefundResult refund(String eventId, String orderId, String amount) {
    return f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of(eventId), OrderId.of(orderId), f.clock.instant(), eur(amount)));
  }

  private int eventCount() {
    return ((InMemoryStorage) f.storage).publishedEvents().size();
  }

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
            RateChange.programmeWide().setAll(Map.of(RateTarget.group("vps"), Rate.percent("20"))));
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
  void aPaymentEarnsThePendingCommissionPayableAfterTheHoldingPeriod() {
    ProgramFixture held =
        ProgramFixture.on(new InMemoryStorage(), b -> b.holdingPeriod(Duration.ofDays(14)));
    CustomerAccountId customer = held.referredCustomer("new-1");
    held.record(held.order("order-1", customer, line(1, "shared-hosting", "40.00")));
    Instant paidAt = held.clock.instant();
    PaymentResult paid =
        held.program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(EventId.of("pay-1"), OrderId.of("order-1"), paidAt));

    assertThat(paid.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amount()).isEqualTo(eur("10.00"));
              assertThat(e.payableAt()).contains(paidAt.plus(Duration.ofDays(14)));
            });
    Balance before = held.program.partners().overview(held.partner.id()).orElseThrow().balance();
    assertThat(before.pending()).isEqualTo(eur("0.00"));
    assertThat(before.held()).isEqualTo(eur("10.00"));
    assertThat(before.payable()).isEqualTo(eur("0.00"));
    held.clock.advance(Duration.ofDays(14));
    Balance after = held.program.partners().overview(held.partner.id()).orElseThrow().balance();
    assertThat(after.held()).isEqualTo(eur("0.00"));
    assertThat(after.payable()).isEqualTo(eur("10.00"));
    assertThat(((InMemoryStorage) held.storage).publishedEvents())
        .filteredOn(CommissionEarned.class::isInstance)
        .hasSize(1);
  }

  @Test
  void aRedeliveredEventReturnsTheOriginalResultAndWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    RecordOrderCommand command = f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    int events = eventCount();

    OrderResult again = f.program.commissions().recordOrder(command);
    PaymentResult paid = pay("pay-1", "order-1");
    PaymentResult paidAgain = pay("pay-1", "order-1");

    assertThat(again.redelivery()).isTrue();
    assertThat(again.lines()).extracting(CommissionLine::commission).containsExactly(eur("10.00"));
    assertThat(paidAgain.redelivery()).isTrue();
    assertThat(paidAgain.entries()).isEqualTo(paid.entries());
    assertThat(entries("order-1")).hasSize(2);
    assertThat(eventCount()).isEqualTo(events + 1);
  }

  @Test
  void theSameEventIdWithADifferentPayloadIsRefusedAndWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));

    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("order-order-1"),
                            f.order("order-1", customer, line(1, "vps", "81.00")))))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("another-event"),
                            f.order("order-1", customer, line(1, "vps", "81.00")))))
        .isInstanceOf(IdempotencyConflictException.class);
    pay("pay-1", "order-1");
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordPayment(
                        new RecordPaymentCommand(
                            EventId.of("pay-1"),
                            OrderId.of("order-1"),
                            f.clock.instant().plusSeconds(1))))
        .isInstanceOf(IdempotencyConflictException.class);

    assertThat(entries("order-1"))
        .extracting(LedgerEntry::kind)
        .containsExactly(LedgerEntry.Kind.ACCRUED, LedgerEntry.Kind.EARNED);
    // the refused event id was not claimed: the same id with the original content still works
    OrderResult sameOrderOtherEvent =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("another-event"),
                    f.order("order-1", customer, line(1, "vps", "80.00"))));
    assertThat(sameOrderOtherEvent.redelivery()).isTrue();
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
  void aHostCanAskWhichOfItsEventsWereProcessed() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    assertThatThrownBy(() -> pay("pay-lost", "order-404"))
        .isInstanceOf(OrderNotRecordedException.class);

    var processed =
        f.program.commissions().processed(List.of("order-order-1", "pay-lost", "never-sent"));

    assertThat(processed).containsExactly(EventId.of("order-order-1"));
    assertThatThrownBy(() -> org.partnerprogram.core.port.in.ProcessedEventsQuery.of(List.of()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPaymentBeforeItsOrderIsARetryableErrorThatWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    assertThatThrownBy(() -> pay("pay-1", "order-1"))
        .isInstanceOfSatisfying(
            OrderNotRecordedException.class, e -> assertThat(e.isRetryable()).isTrue());

    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    PaymentResult redelivered = pay("pay-1", "order-1");

    assertThat(redelivered.redelivery()).isFalse();
    assertThat(redelivered.entries()).hasSize(1);
  }

  @Test
  void onlyAPaymentInFullEarnsAndASecondPaymentEarnsNothingMore() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    assertThat(balance().payable()).isEqualTo(eur("0.00"));
    pay("pay-1", "order-1");
    PaymentResult second = pay("pay-2", "order-1");

    assertThat((second instanceof PaymentResult.AlreadyPaid)).isTrue();
    assertThat(second.entries()).isEmpty();
    assertThat(balance().payable()).isEqualTo(eur("10.00"));
  }

  @Test
  void aPartialRefundBeforePaymentCancelsInProportionAndThePaymentEarnsTheRest() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(
        f.order("order-1", customer, line(1, "shared-hosting", "60.00"), line(2, "vps", "40.00")));
    RefundResult refunded = refund("refund-1", "order-1", "50.00");
    pay("pay-1", "order-1");

    // 50.00 spread 30.00 / 20.00; commission 25 % of 30.00 and 12.5 % of 20.00
    assertThat(refunded.entries())
        .extracting(LedgerEntry::kind, LedgerEntry::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.CANCELLED, eur("7.50")),
            org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.CANCELLED, eur("2.50")));
    assertThat(balance().payable()).isEqualTo(eur("10.00"));
    assertThat(balance().pending()).isEqualTo(eur("0.00"));
  }

  @Test
  void anOrderCancelledBeforePaymentLeavesNothingPayable() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(
        f.order("order-1", customer, line(1, "shared-hosting", "19.99"), line(2, "vps", "7.77")));
    refund("cancel-1", "order-1", "27.76");
    PaymentResult paid = pay("pay-1", "order-1");

    assertThat(paid.entries()).isEmpty();
    assertThat(balance()).isEqualTo(Balance.zero(eur("0").currency()));
  }

  @Test
  void refundsAfterPaymentReverseExactlyWhatWasEarnedNeverMore() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "shared-hosting", "19.99")));
    pay("pay-1", "order-1");
    int events = eventCount();
    refund("refund-1", "order-1", "6.66");
    refund("refund-2", "order-1", "6.66");
    refund("refund-3", "order-1", "6.67");

    List<LedgerEntry> reversals =
        entries("order-1").stream().filter(e -> e.kind() == LedgerEntry.Kind.REVERSED).toList();
    Money reversed = reversals.stream().map(LedgerEntry::amount).reduce(eur("0"), Money::plus);
    assertThat(reversed).isEqualTo(eur("5.00"));
    assertThat(balance().payable()).isEqualTo(eur("0.00"));
    assertThat(balance().earned().minus(balance().reversed())).isEqualTo(eur("0.00"));
    assertThat(((InMemoryStorage) f.storage).publishedEvents().subList(events, eventCount()))
        .allMatch(e -> e instanceof CommissionReversed r && r.afterPayment());
    assertThatThrownBy(() -> refund("refund-4", "order-1", "0.01"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than what is left");
  }

  @Test
  void refundsPerLineAreCheckedAgainstEachLine() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(
        f.order("order-1", customer, line(1, "shared-hosting", "10.00"), line(2, "vps", "10.00")));
    RefundResult result =
        f.program
            .commissions()
            .recordRefund(
                RecordRefundCommand.perLine(
                    EventId.of("r-1"),
                    OrderId.of("order-1"),
                    f.clock.instant(),
                    Map.of(2, eur("10.00"))));

    assertThat(result.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.lineNumber()).isEqualTo(2);
              assertThat(e.amount()).isEqualTo(eur("1.25"));
            });
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordRefund(
                        RecordRefundCommand.perLine(
                            EventId.of("r-2"),
                            OrderId.of("order-1"),
                            f.clock.instant(),
                            Map.of(2, eur("0.01")))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordRefund(
                        RecordRefundCommand.perLine(
                            EventId.of("r-3"),
                            OrderId.of("order-1"),
                            f.clock.instant(),
                            Map.of(7, eur("1.00")))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordRefund(
                        RecordRefundCommand.wholeOrder(
                            EventId.of("r-4"),
                            OrderId.of("order-1"),
                            f.clock.instant(),
                            Money.of("1.00", "USD"))))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> refund("r-5", "no-such-order", "1.00"))
        .isInstanceOf(OrderNotRecordedException.class);
    assertThat(entries("order-1")).hasSize(3);
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

  @Test
  void fiftyDeliveriesOfOnePaymentFromEightThreadsEarnOnce() throws Exception {
    CustomerAccountId customer = f.referredCustomer("new-1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int order = 0; order < 20; order++) {
        String id = "order-" + order;
        f.record(
            f.order(id, customer, line(1, "vps", "80.00"), line(2, "shared-hosting", "20.00")));
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<PaymentResult>> results = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
          boolean waits = d < 8;
          results.add(
              pool.submit(
                  () -> {
                    if (waits) {
                      start.await();
                    }
                    return pay("pay-" + id, id);
                  }));
        }
        int firsts = 0;
        for (Future<PaymentResult> r : results) {
          firsts += r.get().redelivery() ? 0 : 1;
        }
        assertThat(firsts).isEqualTo(1);
        assertThat(entries(id)).filteredOn(e -> e.kind() == LedgerEntry.Kind.EARNED).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(balance().payable()).isEqualTo(eur("300.00"));
  }
}
