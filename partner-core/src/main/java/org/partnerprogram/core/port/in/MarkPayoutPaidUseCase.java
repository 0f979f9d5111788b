package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Payout;

/** Records that the bank paid a payout. */
@FunctionalInterface
public interface MarkPayoutPaidUseCase {

  /**
   * Records that the bank paid a payout.
   *
   * @param command the command; never null
   * @return the paid payout; never null
   * @throws org.partnerprogram.core.domain.NotFoundException if the payout does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if it is paid or failed
   *     already
   */
  Payout markPaid(MarkPayoutPaidCommand command);
}
