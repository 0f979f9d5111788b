package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.IssuedCode;

/**
 * Revokes a referral code: links with it stop attributing. A revoked code is never issued again.
 */
@FunctionalInterface
public interface RevokeReferralCodeUseCase {

  /**
   * Revokes a referral code: links with it stop attributing. A revoked code is never issued again.
   *
   * @param command the command; never null
   * @return the revoked code
   * @throws org.partnerprogram.core.domain.NotFoundException if the code was never issued
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if it was revoked already
   */
  IssuedCode revoke(RevokeReferralCodeCommand command);
}
