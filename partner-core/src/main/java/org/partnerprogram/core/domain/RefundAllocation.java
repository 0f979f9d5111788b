package org.partnerprogram.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one refund or chargeback falls on an order's lines, and how much commission it takes back
 * from each. A refund of the whole order is spread over the lines in proportion to what is left to
 * refund on each; a refund per line is checked against each line. The commission taken back from a
 * line is its share of the refunded net, rounded once, as the difference of the cumulative shares
 * before and after the refund, so that a full refund takes back exactly the commission however it
 * is split. Before the order was paid the refund cancels the unpaid commission; after, it is a
 * reversal, payable (as a negative amount) with the payment.
 */
public final class RefundAllocation {
  private final Map<Integer, Money> before;
  private final Map<Integer, Money> refunds;
  private final Optional<Instant> paidAt;

  private RefundAllocation(
      Map<Integer, Money> before, Map<Integer, Money> refunds, Optional<Instant> paidAt) {
    this.before = before;
    this.refunds = Collections.unmodifiableMap(refunds);
    this.paidAt = paidAt;
  }

  /**
   * A refund of an amount of the whole order, spread over its lines in proportion to what is left
   * to refund on each (no line gets more than what is left on it).
   *
   * @param order the order; never null
   * @param refundedBefore net already refunded per line number; never null
   * @param amount the refund; never null
   * @return the allocation, for an order not paid yet ({@link #afterPaymentAt})
   * @throws InvalidInputException if the amount is more than what is left to refund on the order
   */
  public static RefundAllocation ofWholeOrder(
      Order order, Map<Integer, Money> refundedBefore, Money amount) {
    Map<Integer, Money> remaining = remaining(order, refundedBefore);
    Money left = Money.zero(amount.currency());
    for (Money m : remaining.values()) {
      left = left.plus(m);
    }
    if (amount.compareTo(left) > 0) {
      throw new InvalidInputException(
          "amount",
          "refund of "
              + amount
              + " is more than what is left to refund on the order ("
              + left
              + ")");
    }
    List<Integer> numbers = new ArrayList<>(remaining.keySet());
    long[] weights = new long[numbers.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = remaining.get(numbers.get(i)).minorUnits();
    }
    List<Money> parts = amount.allocate(weights);
    Map<Integer, Money> refund = new TreeMap<>();
    for (int i = 0; i < weights.length; i++) {
      if (parts.get(i).isPositive()) {
        refund.put(numbers.get(i), parts.get(i));
      }
    }
    return new RefundAllocation(refundedBefore, refund, Optional.empty());
  }

  /**
   * A refund of given amounts on given lines.
   *
   * @param order the order; never null
   * @param refundedBefore net already refunded per line number; never null
   * @param amounts the refund per line number; never null
   * @return the allocation, for an order not paid yet ({@link #afterPaymentAt})
   * @throws InvalidInputException if the order has no such line, or a line's refund is more than
   *     what is left to refund on it
   */
  public static RefundAllocation ofLines(
      Order order, Map<Integer, Money> refundedBefore, Map<Integer, Money> amounts) {
    Map<Integer, Money> remaining = remaining(order, refundedBefore);
    Map<Integer, Money> refund = new TreeMap<>();
    for (Map.Entry<Integer, Money> e : amounts.entrySet()) {
      Money left = remaining.get(e.getKey());
      if (left == null) {
        throw new InvalidInputException(
            "lineNumber", "order " + order.orderId() + " has no line " + e.getKey());
      }
      if (e.getValue().compareTo(left) > 0) {
        throw new InvalidInputException(
            "amount",
            "refund of "
                + e.getValue()
                + " on line "
                + e.getKey()
                + " is more than what is left to refund on it ("
                + left
                + ")");
      }
      refund.put(e.getKey(), e.getValue());
    }
    return new RefundAllocation(refundedBefore, refund, Optional.empty());
  }

  private static Map<Integer, Money> remaining(Order order, Map<Integer, Money> before) {
    Map<Integer, Money> remaining = new TreeMap<>();
    for (OrderLine line : order.lines()) {
      Money done = before.getOrDefault(line.lineNumber(), Money.zero(line.net().currency()));
      remaining.put(line.lineNumber(), line.net().minus(done));
    }
    return remaining;
  }

  /**
   * The same allocation for an order that was paid: its commission is taken back by reversals.
   *
   * @param paidAt when the order was paid; never null
   * @return a new allocation
   */
  public RefundAllocation afterPaymentAt(Instant paidAt) {
    return new RefundAllocation(
        before, new TreeMap<>(refunds), Optional.of(Objects.requireNonNull(paidAt, "paidAt")));
  }

  /**
   * The refunded net per line number.
   *
   * @return the lines with a positive refund, by line number; unmodifiable
   */
  public Map<Integer, Money> refunds() {
    return refunds;
  }

  /**
   * The commission this refund takes back from a priced line: the line's share of the net refunded
   * after it minus its share of the net refunded before it, each rounded once and never above the
   * commission.
   *
   * @param line the priced line; never null
   * @param rounding how a share is rounded; never null
   * @return the amount, zero if the refund does not touch the line or the line earned nothing
   */
  public Money commissionTakenBack(CommissionLine line, RoundingMode rounding) {
    Money zero = Money.zero(line.net().currency());
    Money refund = refunds.get(line.lineNumber());
    if (refund == null || !line.commission().isPositive()) {
      return zero;
    }
    Money r0 = before.getOrDefault(line.lineNumber(), zero);
    Money r1 = r0.plus(refund);
    return share(line, r1, rounding).minus(share(line, r0, rounding));
  }

  /**
   * The commission share of a refunded net amount, rounded once: commission x refunded / net.
   * Taking the difference of cumulative shares means a full refund takes back exactly the
   * commission, never a cent more or less, however it is split.
   */
  private static Money share(CommissionLine line, Money refundedNet, RoundingMode rounding) {
    if (line.net().isZero()) {
      return Money.zero(line.net().currency());
    }
    BigDecimal ratio = refundedNet.amount().divide(line.net().amount(), 34, RoundingMode.HALF_EVEN);
    Money share = line.commission().multipliedBy(ratio, rounding);
    return share.compareTo(line.commission()) > 0 ? line.commission() : share;
  }

  /**
   * The kind of the ledger entry that takes commission back: a cancellation of unpaid commission
   * before the payment, a reversal after it.
   *
   * @return {@link LedgerEntry.Kind#CANCELLED} or {@link LedgerEntry.Kind#REVERSED}
   */
  public LedgerEntry.Kind entryKind() {
    return paidAt.isPresent() ? LedgerEntry.Kind.REVERSED : LedgerEntry.Kind.CANCELLED;
  }

  /**
   * When a reversal becomes payable: with the payment it takes back from, after the holding period.
   *
   * @param holdingPeriod the programme's holding period; never null
   * @return the instant, or empty for a cancellation before the payment
   */
  public Optional<Instant> payableAt(Duration holdingPeriod) {
    return paidAt.map(p -> p.plus(holdingPeriod));
  }
}
