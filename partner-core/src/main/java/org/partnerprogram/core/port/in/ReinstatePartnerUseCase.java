package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Partner;

/**
 * Lifts a suspension. A partner who left is not reinstated: its customer enrols again instead
 * ({@link EnrollPartnerUseCase}).
 */
@FunctionalInterface
public interface ReinstatePartnerUseCase {

  /**
   * Lifts a suspension.
   *
   * @param command the command; never null
   * @return the partner, ACTIVE again
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException unless the partner is
   *     SUSPENDED (for a partner who left, the message points to enrolment)
   */
  Partner reinstate(ReinstatePartnerCommand command);
}
