package org.partnerprogram.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.testkit.ProgramFixture.eur;
import static org.partnerprogram.core.testkit.ProgramFixture.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EarningPolicy;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.testkit.ProgramFixture;

/** Commission decisions the broader suites pass through without pinning down. */
class CommissionServiceTest {
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
    assertThat(result.lines()).extracting(CommissionLine::commission).containsExactly(eur("1.25"));
  }

  @Test
  void aPartnerOverrideAppliesToItsProductsAndTheProgrammeCardToTheRest() {
    f.program
        .rates()
        .change(
            RateChange.forPartner(f.partner.id())
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
                    RecordRefundCommand.wholeOrder(EventId.of("r-1"), OrderId.of("o-1"), at, usd)))
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
