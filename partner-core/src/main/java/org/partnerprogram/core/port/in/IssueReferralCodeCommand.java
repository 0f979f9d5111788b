package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * Issue a referral code.
 *
 * @param partnerId the partner; never null
 * @param vanityCode the code the partner chose (validated by {@link ReferralCode#vanity(String)}),
 *     or empty for a random code; never null
 */
public record IssueReferralCodeCommand(PartnerId partnerId, Optional<ReferralCode> vanityCode) {
  /**
   * Checks for nulls and refuses reserved vanity codes.
   *
   * @throws InvalidInputException if a component is null or the vanity code is reserved
   */
  public IssueReferralCodeCommand {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
    if (vanityCode == null) {
      throw new InvalidInputException("vanityCode", "must not be null (use Optional.empty())");
    }
    vanityCode.ifPresent(c -> ReferralCode.vanity(c.value()));
  }

  /**
   * A random code.
   *
   * @param partnerId the partner
   * @return the command
   */
  public static IssueReferralCodeCommand random(PartnerId partnerId) {
    return new IssueReferralCodeCommand(partnerId, Optional.empty());
  }

  /**
   * A vanity code.
   *
   * @param partnerId the partner
   * @param code the wished-for code, any case
   * @return the command
   * @throws InvalidInputException if the code is malformed or reserved
   */
  public static IssueReferralCodeCommand vanity(PartnerId partnerId, String code) {
    return new IssueReferralCodeCommand(partnerId, Optional.of(ReferralCode.vanity(code)));
  }
}
