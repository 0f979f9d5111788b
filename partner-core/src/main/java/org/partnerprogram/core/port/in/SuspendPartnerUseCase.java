package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Partner;

/**
 * Suspends an active partner (for example during a fraud review): their codes stop attributing and
 * payouts wait.
 */
@FunctionalInterface
public interface SuspendPartnerUseCase {

  /**
   * Suspends an active partner (for example during a fraud review): their codes stop attributing
   * and payouts wait.
   *
   * @param command the command; never null
   * @return the partner, now SUSPENDED
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException unless the partner is ACTIVE
   */
  Partner suspend(SuspendPartnerCommand command);
}
