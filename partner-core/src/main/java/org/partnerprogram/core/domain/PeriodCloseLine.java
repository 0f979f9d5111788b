package org.partnerprogram.core.domain;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What a period close did for one partner with a payable balance: paid it out, or carried it over
 * and why.
 *
 * @param period the closed month; never null
 * @param partnerId the partner; never null
 * @param amount the payable balance at the close (the payout's amount, or what carries over); never
 *     null
 * @param payoutId the payout made, or empty if the balance carries over; never null
 * @param carriedOver why the balance carries over, or empty if it was paid out; never null
 */
public record PeriodCloseLine(
    YearMonth period,
    PartnerId partnerId,
    Money amount,
    Optional<PayoutId> payoutId,
    Optional<CarryOverReason> carriedOver) {

  /** Why a payable balance was not paid out at a close. */
  public enum CarryOverReason {
    /** Below the programme's minimum payout. */
    BELOW_MINIMUM,
    /** Zero or negative: refunds after an earlier payout exceed new earnings. */
    NOT_POSITIVE,
    /** The partner is suspended; payouts wait. */
    PARTNER_SUSPENDED,
    /** The partner has no payout account on file. */
    NO_PAYOUT_ACCOUNT,
    /**
     * Above the programme's maximum payout (one transfer): an operator must look at it; the close
     * goes on for everybody else.
     */
    ABOVE_MAXIMUM_PAYOUT
  }

  /**
   * Checks for nulls and that exactly one of payout and reason is present.
   *
   * @throws IllegalArgumentException if both or neither are present
   */
  public PeriodCloseLine {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(carriedOver, "carriedOver");
    if (payoutId.isPresent() == carriedOver.isPresent()) {
      throw new IllegalArgumentException("exactly one of payoutId and carriedOver must be present");
    }
  }
}
