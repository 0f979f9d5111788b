package org.partnerprogram.core.port.out;

import java.util.Objects;
import org.partnerprogram.core.domain.Money;

/**
 * A partner's payouts in one currency, summed by where they stand. Failed payouts count in neither:
 * their amount went back to the partner's payable balance.
 *
 * @param inPayout the payouts on their way: CREATED or EXPORTED; never null
 * @param paid the payouts the bank paid: PAID; never null
 */
public record PayoutTotals(Money inPayout, Money paid) {
  /**
   * Checks for nulls.
   *
   * @throws NullPointerException if a component is null
   */
  public PayoutTotals {
    Objects.requireNonNull(inPayout, "inPayout");
    Objects.requireNonNull(paid, "paid");
  }

  /**
   * Both totals zero.
   *
   * @param currency the currency; never null
   * @return zero totals
   */
  public static PayoutTotals zero(java.util.Currency currency) {
    Money zero = Money.zero(currency);
    return new PayoutTotals(zero, zero);
  }

  /**
   * Everything paid out or on its way: what the ledger's payable balance is netted by.
   *
   * @return {@code inPayout + paid}
   */
  public Money total() {
    return inPayout.plus(paid);
  }
}
