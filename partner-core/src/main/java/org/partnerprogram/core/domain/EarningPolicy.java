package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;

/**
 * Which orders of an attributed customer earn commission. Each policy answers {@link #excludes}:
 * whether, and why, it keeps an order of a customer a partner brought from earning.
 */
public sealed interface EarningPolicy
    permits EarningPolicy.EveryOrder, EarningPolicy.FirstOrderOnly, EarningPolicy.WithinMonths {

  /**
   * Why this policy keeps an order of an attributed customer from earning, if it does.
   *
   * @param placedAt when the order was placed; never null
   * @param signupAt when the customer signed up (was attributed); never null
   * @param zone the programme's zone, in which calendar months are counted; never null
   * @param orderedBefore whether the customer has an order recorded before this one; asked only by
   *     a policy that needs it (it may cost a storage read); never null
   * @return the reason, or empty if the order earns under this policy
   */
  Optional<NotEarningReason> excludes(
      Instant placedAt, Instant signupAt, ZoneId zone, BooleanSupplier orderedBefore);

  /**
   * Every order of the referred customer: the seed programme's rule ("voor elke bestelling").
   *
   * @return the policy
   */
  static EarningPolicy everyOrder() {
    return new EveryOrder();
  }

  /**
   * Only the customer's first recorded order.
   *
   * @return the policy
   */
  static EarningPolicy firstOrderOnly() {
    return new FirstOrderOnly();
  }

  /**
   * Orders placed within a number of months after the signup.
   *
   * @param months 1 to 120
   * @return the policy
   * @throws InvalidInputException if out of range
   */
  static EarningPolicy withinMonths(int months) {
    return new WithinMonths(months);
  }

  /** Every order earns. */
  record EveryOrder() implements EarningPolicy {
    @Override
    public Optional<NotEarningReason> excludes(
        Instant placedAt, Instant signupAt, ZoneId zone, BooleanSupplier orderedBefore) {
      return Optional.empty();
    }
  }

  /** Only the first order earns. */
  record FirstOrderOnly() implements EarningPolicy {
    @Override
    public Optional<NotEarningReason> excludes(
        Instant placedAt, Instant signupAt, ZoneId zone, BooleanSupplier orderedBefore) {
      return orderedBefore.getAsBoolean()
          ? Optional.of(NotEarningReason.NOT_FIRST_ORDER)
          : Optional.empty();
    }
  }

  /**
   * Orders placed less than {@code months} calendar months after the signup (in the programme's
   * zone) earn.
   *
   * @param months 1 to 120
   */
  record WithinMonths(int months) implements EarningPolicy {
    /**
     * Validates the months.
     *
     * @throws InvalidInputException if not 1 to 120
     */
    public WithinMonths {
      if (months < 1 || months > 120) {
        throw new InvalidInputException("earningPolicy", "months must be 1 to 120, was " + months);
      }
    }

    @Override
    public Optional<NotEarningReason> excludes(
        Instant placedAt, Instant signupAt, ZoneId zone, BooleanSupplier orderedBefore) {
      Instant end = signupAt.atZone(zone).plusMonths(months).toInstant();
      return placedAt.isBefore(end)
          ? Optional.empty()
          : Optional.of(NotEarningReason.OUTSIDE_EARNING_PERIOD);
    }
  }
}
