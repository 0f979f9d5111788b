package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A click on a referral link: which code, which (opaque) visitor, when. No IP address or other
 * personal data is kept.
 *
 * @param code the code in the link; never null
 * @param partnerId the partner the code belonged to when clicked; never null
 * @param visitorId the host's cookie value; never null
 * @param at when; never null
 * @param landingPath the host page the link landed on, if the host passed it; never null
 */
public record Touch(
    ReferralCode code,
    PartnerId partnerId,
    VisitorId visitorId,
    Instant at,
    Optional<LandingPath> landingPath) {
  /** Checks for nulls. */
  public Touch {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(landingPath, "landingPath");
  }

  /**
   * This touch under another visitor id (a pseudonym, when a customer is erased).
   *
   * @param replacement the id; never null
   * @return the touch with {@code visitorId} replaced, all else equal
   */
  public Touch withVisitor(VisitorId replacement) {
    return new Touch(code, partnerId, replacement, at, landingPath);
  }

  /**
   * This touch with another code (an erased partner's vanity code's pseudonym).
   *
   * @param replacement the code; never null
   * @return the touch with {@code code} replaced, all else equal
   */
  public Touch withCode(ReferralCode replacement) {
    return new Touch(replacement, partnerId, visitorId, at, landingPath);
  }
}
