package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Partner;

/**
 * A partner leaves the programme. Money already earned is still paid out; codes stop attributing.
 * The customer may enrol again later ({@link EnrollPartnerUseCase}): the same partner comes back.
 */
@FunctionalInterface
public interface LeaveProgramUseCase {

  /**
   * A partner leaves the programme. Money already earned is still paid out; orders placed from now
   * on earn nothing. The customer may enrol again later.
   *
   * @param command the command; never null
   * @return the partner, now TERMINATED
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the partner left already
   */
  Partner leave(LeaveProgramCommand command);
}
