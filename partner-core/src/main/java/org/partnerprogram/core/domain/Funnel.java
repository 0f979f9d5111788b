package org.partnerprogram.core.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What the programme did in one month of its zone, from click to payout: how many clicks came in,
 * how many signups were attributed, how many referred customers paid, and the commission that was
 * earned, cancelled, reversed and paid out. Each figure counts what happened in the month on its
 * own, not the fate of the month's clicks: a customer who clicked in October and paid in November
 * counts as a click in October and as a paying customer in November.
 *
 * @param month the month, in the programme's zone; never null
 * @param clicks clicks on referral links recorded in the month (clicks already purged by retention
 *     are not counted); zero or more
 * @param signupsAttributed attribution decisions made in the month that bound the customer to a
 *     partner (decisions that attributed nobody are left out); zero or more
 * @param customersWhoPaid distinct customers with an order that earns a partner commission (an
 *     order of an attributed customer, placed while its partner took part) whose payment was
 *     recorded as made in the month; zero or more
 * @param earned commission earned in the month (EARNED ledger entries: orders paid in the month);
 *     never null, zero or more, in the programme currency
 * @param cancelled pending commission cancelled in the month (CANCELLED entries: refunds before the
 *     customer paid, which never reached {@code earned}); never null, zero or more
 * @param reversed earned commission taken back in the month (REVERSED entries: refunds and
 *     chargebacks after the customer paid); never null, zero or more. The month's net commission is
 *     {@code earned - reversed}, as {@code reports().topPartners(..)} ranks it
 * @param paid payouts confirmed paid in the month (by the instant given to {@code markPaid}); never
 *     null, zero or more
 */
public record Funnel(
    YearMonth month,
    long clicks,
    long signupsAttributed,
    long customersWhoPaid,
    Money earned,
    Money cancelled,
    Money reversed,
    Money paid) {

  /**
   * Checks for nulls and negative counts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a count is negative
   */
  public Funnel {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(earned, "earned");
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(reversed, "reversed");
    Objects.requireNonNull(paid, "paid");
    if (clicks < 0 || signupsAttributed < 0 || customersWhoPaid < 0) {
      throw new IllegalArgumentException("a funnel's counts are never negative");
    }
  }

  /**
   * The commission earned in the month net of what was taken back in it.
   *
   * @return {@code earned - reversed}; may be negative
   */
  public Money netEarned() {
    return earned.minus(reversed);
  }
}
