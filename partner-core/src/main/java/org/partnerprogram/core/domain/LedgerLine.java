package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One commission line as a partner page, support or finance shows it: a priced order line with what
 * happened to it since. It carries no customer data (a partner never sees the people they
 * referred): only the order's reference, the product and the amounts.
 *
 * @param orderId the order; never null
 * @param lineNumber the line's number in the order
 * @param productId the product; never null
 * @param net the net base (excluding VAT, after discounts); never null
 * @param rate the rate applied, or empty if the product did not participate; never null
 * @param commission net x rate, rounded once; never null
 * @param reversed the commission cancelled or reversed by refunds and chargebacks so far, zero or
 *     more; never null
 * @param placedAt when the order was placed; never null
 * @param state where the line's commission stands now; never null
 * @param payableAt when the earned commission is or was payable, empty while {@link State#PENDING};
 *     never null
 * @param payoutId the payout that holds the earned commission, present exactly when {@link
 *     State#IN_PAYOUT} or {@link State#PAID}; never null
 */
public record LedgerLine(
    OrderId orderId,
    int lineNumber,
    ProductId productId,
    Money net,
    Optional<Rate> rate,
    Money commission,
    Money reversed,
    Instant placedAt,
    State state,
    Optional<Instant> payableAt,
    Optional<PayoutId> payoutId) {

  /**
   * Where a line's commission stands, in the order a line passes through the states. A line's state
   * is the state of its earned commission: refunds show in {@link #reversed()}, not as a state.
   */
  public enum State {
    /** Ordered, not yet paid by the customer. */
    PENDING,
    /** Paid by the customer; the holding period has not ended. */
    HELD,
    /** Earned and past the holding period; the next close pays it. */
    PAYABLE,
    /** In a payout that is not paid yet (created or exported). */
    IN_PAYOUT,
    /** In a payout the bank paid. */
    PAID
  }

  /**
   * Checks for nulls and that the payout is there exactly when the state says so.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the payout and the state disagree
   */
  public LedgerLine {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(reversed, "reversed");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(payableAt, "payableAt");
    Objects.requireNonNull(payoutId, "payoutId");
    if (payoutId.isPresent() != (state == State.IN_PAYOUT || state == State.PAID)) {
      throw new IllegalArgumentException("a line has a payout exactly when IN_PAYOUT or PAID");
    }
    if (payableAt.isPresent() == (state == State.PENDING)) {
      throw new IllegalArgumentException("a line has payableAt exactly when it is not PENDING");
    }
  }

  /**
   * The line's state from its earned commission: {@code PENDING} without one, else from its payout
   * (PAID or IN_PAYOUT), else {@code HELD} before {@code payableAt} and {@code PAYABLE} from then.
   * Every adapter derives the state by this rule.
   *
   * @param payableAt when the earned commission becomes payable, or empty if not earned
   * @param payout the status of the payout holding the earned commission, or empty if none
   * @param now the instant that separates held from payable
   * @return the state
   */
  public static State stateOf(
      Optional<Instant> payableAt, Optional<PayoutStatus> payout, Instant now) {
    if (payableAt.isEmpty()) {
      return State.PENDING;
    }
    if (payout.isPresent() && payout.get() == PayoutStatus.PAID) {
      return State.PAID;
    }
    if (payout.isPresent() && payout.get() != PayoutStatus.FAILED) {
      return State.IN_PAYOUT;
    }
    return payableAt.get().isAfter(now) ? State.HELD : State.PAYABLE;
  }
}
