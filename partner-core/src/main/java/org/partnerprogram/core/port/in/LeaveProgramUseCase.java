package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Partner;

/** A partner leaves the programme for good. Money already earned is still paid out. */
@FunctionalInterface
public interface LeaveProgramUseCase {

  /**
   * A partner leaves the programme for good. Money already earned is still paid out.
   *
   * @param command the command; never null
   * @return the partner, now TERMINATED
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the partner left already
   */
  Partner leave(LeaveProgramCommand command);
}
