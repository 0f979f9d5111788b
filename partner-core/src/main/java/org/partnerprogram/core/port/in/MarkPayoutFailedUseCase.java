package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Payout;

/**
 * Records that the bank rejected a payout: its amount returns to the partner's payable balance and
 * goes into the next close.
 */
@FunctionalInterface
public interface MarkPayoutFailedUseCase {

  /**
   * Records that the bank rejected a payout: its amount returns to the partner's payable balance
   * and goes into the next close.
   *
   * @param command the command; never null
   * @return the failed payout; never null
   * @throws org.partnerprogram.core.domain.NotFoundException if the payout does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if it is paid or failed
   *     already
   */
  Payout markFailed(MarkPayoutFailedCommand command);
}
