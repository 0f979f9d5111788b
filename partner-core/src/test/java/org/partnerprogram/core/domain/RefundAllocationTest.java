package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundAllocationTest {
  private static final Instant PLACED = Instant.parse("2026-11-01T09:00:00Z");
  private static final Order ORDER =
      new Order(
          OrderId.of("o-1"),
          CustomerAccountId.of("c-1"),
          PLACED,
          List.of(
              OrderLine.of(1, "shared-hosting", eur("30.00")),
              OrderLine.of(2, "vps", eur("70.00"))));

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /** A priced line of the order with the given net and commission. */
  private static CommissionLine priced(int lineNumber, String net, String commission) {
    return new CommissionLine(
        ORDER.orderId(),
        lineNumber,
        PartnerId.of("p-jan"),
        ProductId.of("p"),
        eur(net),
        Optional.of(Rate.percent("10")),
        Optional.of(new CommissionLine.RateVersionRef(Optional.empty(), 1)),
        eur(commission),
        PLACED,
        EventId.of("e-order"));
  }

  @Test
  void aWholeOrderRefundIsSpreadInProportionToWhatIsLeftOnEachLine() {
    RefundAllocation refund = RefundAllocation.ofWholeOrder(ORDER, Map.of(), eur("10.00"));
    assertThat(refund.refunds())
        .containsExactly(Map.entry(1, eur("3.00")), Map.entry(2, eur("7.00")));
    // Line 1 fully refunded before: all of the next refund falls on line 2.
    RefundAllocation rest =
        RefundAllocation.ofWholeOrder(ORDER, Map.of(1, eur("30.00")), eur("5.00"));
    assertThat(rest.refunds()).containsExactly(Map.entry(2, eur("5.00")));
  }

  @Test
  void aRefundOfMoreThanIsLeftIsRefused() {
    assertThatThrownBy(
            () -> RefundAllocation.ofWholeOrder(ORDER, Map.of(2, eur("70.00")), eur("30.01")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than what is left to refund on the order (EUR 30.00)");
    assertThatThrownBy(
            () -> RefundAllocation.ofLines(ORDER, Map.of(1, eur("20.00")), Map.of(1, eur("10.01"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("on line 1 is more than what is left to refund on it");
    assertThatThrownBy(() -> RefundAllocation.ofLines(ORDER, Map.of(), Map.of(3, eur("1.00"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no line 3");
  }

  @Test
  void theCommissionTakenBackIsTheLinesShareRoundedOnceAndAFullRefundTakesBackAll() {
    CommissionLine line = priced(1, "30.00", "3.00");
    Money done = eur("0.00");
    Money taken = eur("0.00");
    // Three refunds of 10.00 each take back 1.00 each and exactly 3.00 in all.
    for (int i = 0; i < 3; i++) {
      RefundAllocation refund =
          RefundAllocation.ofLines(ORDER, Map.of(1, done), Map.of(1, eur("10.00")));
      Money back = refund.commissionTakenBack(line, RoundingMode.HALF_UP);
      assertThat(back).isEqualTo(eur("1.00"));
      taken = taken.plus(back);
      done = done.plus(eur("10.00"));
    }
    assertThat(taken).isEqualTo(line.commission());
  }

  @Test
  void cumulativeSharesNeverTakeBackACentMoreOrLessThanTheCommission() {
    // 1.00 commission on 3.00 net, refunded a third at a time: 0.33 + 0.34 + 0.33 = 1.00.
    CommissionLine line = priced(1, "3.00", "1.00");
    Order order =
        new Order(
            ORDER.orderId(),
            ORDER.customer(),
            PLACED,
            List.of(OrderLine.of(1, "shared-hosting", eur("3.00"))));
    assertThat(
            RefundAllocation.ofLines(order, Map.of(), Map.of(1, eur("1.00")))
                .commissionTakenBack(line, RoundingMode.HALF_UP))
        .isEqualTo(eur("0.33"));
    assertThat(
            RefundAllocation.ofLines(order, Map.of(1, eur("1.00")), Map.of(1, eur("1.00")))
                .commissionTakenBack(line, RoundingMode.HALF_UP))
        .isEqualTo(eur("0.34"));
    assertThat(
            RefundAllocation.ofLines(order, Map.of(1, eur("2.00")), Map.of(1, eur("1.00")))
                .commissionTakenBack(line, RoundingMode.HALF_UP))
        .isEqualTo(eur("0.33"));
  }

  @Test
  void aLineTheRefundDoesNotTouchOrThatEarnedNothingGivesNothingBack() {
    RefundAllocation refund = RefundAllocation.ofLines(ORDER, Map.of(), Map.of(1, eur("10.00")));
    assertThat(refund.commissionTakenBack(priced(2, "70.00", "7.00"), RoundingMode.HALF_UP))
        .isEqualTo(eur("0.00"));
    assertThat(refund.commissionTakenBack(priced(1, "30.00", "0.00"), RoundingMode.HALF_UP))
        .isEqualTo(eur("0.00"));
  }

  @Test
  void beforePaymentARefundCancelsAfterPaymentItReversesPayableWithThePayment() {
    RefundAllocation refund = RefundAllocation.ofLines(ORDER, Map.of(), Map.of(1, eur("10.00")));
    assertThat(refund.entryKind()).isEqualTo(LedgerEntry.Kind.CANCELLED);
    assertThat(refund.payableAt(Duration.ofDays(14))).isEmpty();
    Instant paidAt = PLACED.plus(Duration.ofDays(2));
    RefundAllocation afterPayment = refund.afterPaymentAt(paidAt);
    assertThat(afterPayment.entryKind()).isEqualTo(LedgerEntry.Kind.REVERSED);
    assertThat(afterPayment.payableAt(Duration.ofDays(14)))
        .contains(paidAt.plus(Duration.ofDays(14)));
    assertThat(afterPayment.refunds()).isEqualTo(refund.refunds());
  }
}
