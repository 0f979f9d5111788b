package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.IssuedCode;

/** Issues a referral code to a partner: a random one, or the vanity code the partner asked for. */
@FunctionalInterface
public interface IssueReferralCodeUseCase {

  /**
   * Issues a referral code to a partner: a random one, or the vanity code the partner asked for.
   *
   * @param command the command; never null
   * @return the issued code
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the partner left
   * @throws org.partnerprogram.core.domain.ConflictException if the vanity code is taken
   */
  IssuedCode issue(IssueReferralCodeCommand command);
}
