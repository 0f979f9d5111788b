package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * Revoke a referral code.
 *
 * @param code the code; never null
 */
public record RevokeReferralCodeCommand(ReferralCode code) {
  /**
   * Checks for null.
   *
   * @throws InvalidInputException if the code is null
   */
  public RevokeReferralCodeCommand {
    if (code == null) {
      throw new InvalidInputException("code", "must not be null");
    }
  }
}
