package org.partnerprogram.core.domain;

import java.util.Objects;

/**
 * A partner's commission in one currency, by state. Conservation: {@code held + payable + paid =
 * earned - reversed}.
 *
 * @param pending ordered, not yet paid by the customer (accrued minus earned minus cancelled)
 * @param held earned but still in the holding period
 * @param payable earned, past the holding period, not yet paid out; negative when refunds after a
 *     payout exceed new earnings (later payouts net against it)
 * @param paid paid out in payouts
 * @param earned everything ever earned
 * @param reversed everything ever taken back after payment
 */
public record Balance(
    Money pending, Money held, Money payable, Money paid, Money earned, Money reversed) {

  /** Checks for nulls. */
  public Balance {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(payable, "payable");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(earned, "earned");
    Objects.requireNonNull(reversed, "reversed");
  }

  /**
   * All zero.
   *
   * @param currency the currency
   * @return a zero balance
   */
  public static Balance zero(java.util.Currency currency) {
    Money z = Money.zero(currency);
    return new Balance(z, z, z, z, z, z);
  }
}
