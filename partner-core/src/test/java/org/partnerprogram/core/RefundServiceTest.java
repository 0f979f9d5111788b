package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * Recording refunds and chargebacks: proportional per line, cancelled before payment, reversed
 * after.
 */
class RefundServiceTest extends ServiceTestWorld.EnrolledPartner {
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

  /** Commission decisions the broader suites pass through without pinning down. */
  @Nested
  class WithAHoldingPeriod {
    private final ProgramFixture f =
        ProgramFixture.on(new InMemoryStorage(), b -> b.holdingPeriod(Duration.ofDays(14)));

    private List<CommissionReversed> reversals() {
      return ((InMemoryStorage) f.storage)
          .publishedEvents().stream()
              .filter(CommissionReversed.class::isInstance)
              .map(CommissionReversed.class::cast)
              .toList();
    }

    private void pay(String orderId, Instant at) {
      f.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(EventId.of("pay-" + orderId), OrderId.of(orderId), at));
    }

    private RefundResult refund(RecordRefundCommand command) {
      return f.program.commissions().recordRefund(command);
    }

    @Test
    void aRedeliveredPerLineRefundWithAnotherAmountIsAConflict() {
      CustomerAccountId c = f.referredCustomer("c-1");
      f.record(f.order("o-1", c, line(1, "vps", "10.00"), line(2, "vps", "10.00")));
      Instant at = f.clock.instant();
      refund(
          RecordRefundCommand.perLine(
              EventId.of("r-1"), OrderId.of("o-1"), at, Map.of(1, eur("2.00"))));
      assertThatThrownBy(
              () ->
                  refund(
                      RecordRefundCommand.perLine(
                          EventId.of("r-1"), OrderId.of("o-1"), at, Map.of(1, eur("3.00")))))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThatThrownBy(
              () ->
                  refund(
                      RecordRefundCommand.perLine(
                          EventId.of("r-1"), OrderId.of("o-1"), at, Map.of(2, eur("2.00")))))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(
              refund(
                      RecordRefundCommand.perLine(
                          EventId.of("r-1"), OrderId.of("o-1"), at, Map.of(1, eur("2.00"))))
                  .redelivery())
          .isTrue();
    }

    @Test
    void refundsInAnotherCurrencyAreRefusedBeforeAnythingIsWritten() {
      CustomerAccountId c = f.referredCustomer("c-1");
      f.record(f.order("o-1", c, line(1, "vps", "10.00")));
      Money usd = Money.of("1.00", "USD");
      Instant at = f.clock.instant();
      assertThatThrownBy(
              () ->
                  refund(
                      RecordRefundCommand.wholeOrder(
                          EventId.of("r-1"), OrderId.of("o-1"), at, usd)))
          .isInstanceOf(CurrencyMismatchException.class);
      assertThatThrownBy(
              () ->
                  refund(
                      RecordRefundCommand.perLine(
                          EventId.of("r-2"), OrderId.of("o-1"), at, Map.of(1, usd))))
          .isInstanceOf(CurrencyMismatchException.class);
      assertThat(f.program.commissions().processed(List.of("r-1", "r-2"))).isEmpty();
    }

    @Test
    void aRefundAfterPaymentIsAReversalPayableWithThePaymentAndAnnounced() {
      CustomerAccountId c = f.referredCustomer("c-1");
      f.record(f.order("o-1", c, line(1, "vps", "80.00")));
      Instant paidAt = f.clock.instant();
      pay("o-1", paidAt);
      f.clock.advance(Duration.ofDays(1));
      RefundResult result =
          refund(
              RecordRefundCommand.wholeOrder(
                      EventId.of("r-1"), OrderId.of("o-1"), f.clock.instant(), eur("40.00"))
                  .asChargeback());
      assertThat(result.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.REVERSED);
                assertThat(e.amount()).isEqualTo(eur("5.00"));
                assertThat(e.base()).isEqualTo(eur("40.00"));
                assertThat(e.payableAt()).contains(paidAt.plus(Duration.ofDays(14)));
              });
      assertThat(reversals())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.partnerId()).isEqualTo(f.partner.id());
                assertThat(r.orderId()).isEqualTo(OrderId.of("o-1"));
                assertThat(r.amount()).isEqualTo(eur("5.00"));
                assertThat(r.chargeback()).isTrue();
                assertThat(r.afterPayment()).isTrue();
              });
    }

    @Test
    void aRefundBeforePaymentCancelsAndSaysSoAndARefundOfNothingEarnedAnnouncesNothing() {
      CustomerAccountId c = f.referredCustomer("c-1");
      f.record(f.order("o-1", c, line(1, "vps", "80.00")));
      RefundResult result =
          refund(
              RecordRefundCommand.wholeOrder(
                  EventId.of("r-1"), OrderId.of("o-1"), f.clock.instant(), eur("8.00")));
      assertThat(result.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.CANCELLED);
                assertThat(e.amount()).isEqualTo(eur("1.00"));
                assertThat(e.payableAt()).isEmpty();
              });
      assertThat(reversals())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.afterPayment()).isFalse();
                assertThat(r.chargeback()).isFalse();
              });

      // a walk-in customer's order: the refund is recorded but nothing is reversed or announced
      f.record(f.order("o-2", CustomerAccountId.of("walk-in"), line(1, "vps", "80.00")));
      assertThat(
              refund(
                      RecordRefundCommand.wholeOrder(
                          EventId.of("r-2"), OrderId.of("o-2"), f.clock.instant(), eur("80.00")))
                  .entries())
          .isEmpty();
      // a refund too small to move a cent of commission announces nothing either
      assertThat(
              refund(
                      RecordRefundCommand.wholeOrder(
                          EventId.of("r-3"), OrderId.of("o-1"), f.clock.instant(), eur("0.01")))
                  .entries())
          .isEmpty();
      assertThat(reversals()).hasSize(1);
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

    @Test
    void aRefundBeyondTheClockSkewOrBeforeItsOrderIsRefusedAndWritesNothing() {
      Instant placed = f.clock.instant();
      record("order-o-refund", orderAt("o-refund", placed));
      f.clock.advance(Duration.ofHours(1));
      for (Instant bad :
          List.of(f.clock.instant().plus(Duration.ofDays(2)), placed.minusSeconds(1))) {
        assertThatThrownBy(
                () ->
                    f.program
                        .commissions()
                        .recordRefund(
                            RecordRefundCommand.wholeOrder(
                                EventId.of("refund-o-refund"),
                                OrderId.of("o-refund"),
                                bad,
                                eur("10.00"))))
            .as("%s", bad)
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("refundedAt"));
        assertThat(processed("refund-o-refund")).isFalse();
      }
    }
  }
}
