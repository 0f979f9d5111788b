package org.partnerprogram.core.port.in;

/**
 * Closes a payout month: per partner, everything payable before the month's end and not yet paid,
 * netted with any negative balance, becomes one payout when it reaches the minimum and the partner
 * is active with a payout account; otherwise it carries over, with the reason. Idempotent and
 * exactly-once, also when two host instances close the same month at once.
 */
@FunctionalInterface
public interface ClosePeriodUseCase {

  /**
   * Closes a payout month: per partner, everything payable before the month's end and not yet paid,
   * netted with any negative balance, becomes one payout when it reaches the minimum and the
   * partner is active with a payout account; otherwise it carries over, with the reason. Idempotent
   * and exactly-once, also when two host instances close the same month at once.
   *
   * @param command the command; never null
   * @return what the close made, counted; its payouts and close lines are read from storage when
   *     asked for, so a close of any size holds no more than a page of partners; never null
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the month has not ended,
   *     or an earlier month is not closed yet
   */
  PeriodCloseResult close(ClosePeriodCommand command);
}
