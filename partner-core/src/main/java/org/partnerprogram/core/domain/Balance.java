package org.partnerprogram.core.domain;

import java.util.Objects;

/**
 * A partner's commission in one currency, by state, named as a partner would: pending until the
 * customer pays, held during the holding period, payable until a month's close puts it in a payout,
 * in a payout while the bank transfer is on its way (created or exported), and paid once the host
 * confirmed the bank paid it. A failed payout's amount is back in {@code payable}. Conservation:
 * {@code held + payable + inPayout + paid = earned - reversed + adjusted}.
 *
 * @param pending ordered, not yet paid by the customer (accrued minus earned minus cancelled)
 * @param held earned but still in the holding period
 * @param payable earned, past the holding period, not yet paid out; negative when refunds after a
 *     payout exceed new earnings (later payouts net against it)
 * @param inPayout in payouts that are on their way to the bank (created or exported, not yet
 *     confirmed paid)
 * @param paid in payouts the bank paid (confirmed by {@code markPaid})
 * @param earned everything ever earned
 * @param reversed everything ever taken back after payment
 * @param adjusted the sum of the operator's adjustments and write-offs (signed: negative when they
 *     took more than they added)
 */
public record Balance(
    Money pending,
    Money held,
    Money payable,
    Money inPayout,
    Money paid,
    Money earned,
    Money reversed,
    Money adjusted) {

  /** Checks for nulls. */
  public Balance {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(payable, "payable");
    Objects.requireNonNull(inPayout, "inPayout");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(earned, "earned");
    Objects.requireNonNull(reversed, "reversed");
    Objects.requireNonNull(adjusted, "adjusted");
  }

  /**
   * All zero.
   *
   * @param currency the currency
   * @return a zero balance
   */
  public static Balance zero(java.util.Currency currency) {
    Money z = Money.zero(currency);
    return new Balance(z, z, z, z, z, z, z, z);
  }
}
