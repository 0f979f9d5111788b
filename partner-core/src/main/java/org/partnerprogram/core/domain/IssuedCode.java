package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral code as issued to a partner.
 *
 * @param code the code; never null
 * @param partnerId the partner it belongs to; never null
 * @param vanity whether the partner chose it (false for generated codes)
 * @param issuedAt when it was issued; never null
 * @param revokedAt when it was revoked, or empty while it is live; never null
 */
public record IssuedCode(
    ReferralCode code,
    PartnerId partnerId,
    boolean vanity,
    Instant issuedAt,
    Optional<Instant> revokedAt) {

  /** Checks that no component is null. */
  public IssuedCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /**
   * Whether the code still leads to its partner.
   *
   * @return true until it is revoked
   */
  public boolean isLive() {
    return revokedAt.isEmpty();
  }

  /**
   * This code, revoked at the given instant.
   *
   * @param at when it was revoked; never null
   * @return the revoked code
   * @throws IllegalTransitionException if it was revoked already
   */
  public IssuedCode revoke(Instant at) {
    if (!isLive()) {
      throw new IllegalTransitionException("referral code " + code + " is already revoked");
    }
    return new IssuedCode(code, partnerId, vanity, issuedAt, Optional.of(at));
  }

  /**
   * This code under another text (an erased partner's vanity code, replaced by its pseudonym).
   *
   * @param replacement the new text; never null
   * @return the code with {@code code} replaced, all else equal
   */
  public IssuedCode withCode(ReferralCode replacement) {
    return new IssuedCode(replacement, partnerId, vanity, issuedAt, revokedAt);
  }
}
