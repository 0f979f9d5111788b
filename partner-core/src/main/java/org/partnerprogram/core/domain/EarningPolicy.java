package org.partnerprogram.core.domain;

/** Which orders of an attributed customer earn commission. */
public sealed interface EarningPolicy
    permits EarningPolicy.EveryOrder, EarningPolicy.FirstOrderOnly, EarningPolicy.WithinMonths {

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
  record EveryOrder() implements EarningPolicy {}

  /** Only the first order earns. */
  record FirstOrderOnly() implements EarningPolicy {}

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
  }
}
