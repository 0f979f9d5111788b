package org.partnerprogram.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Partner;

/**
 * The outcome of an enrolment: which of three things happened, the partner, and the referral code
 * the enrolment issued.
 *
 * <p>An enum says what happened rather than a sealed type of three records because every outcome
 * carries the same data (a partner, and a code unless nothing changed): a host switches on {@link
 * #outcome()} where it cares (a welcome or a welcome-back message) and reads {@link #partner()}
 * where it does not.
 *
 * @param outcome what happened; never null
 * @param partner the partner after the call (new, as it was, or active again); never null
 * @param issuedCode the referral code this call issued: present for {@link Outcome#NEW_PARTNER} and
 *     {@link Outcome#REJOINED}, empty for {@link Outcome#ALREADY_MEMBER}; never null
 */
public record EnrollmentResult(Outcome outcome, Partner partner, Optional<IssuedCode> issuedCode) {

  /** What an enrolment did. */
  public enum Outcome {
    /** The account was not a partner: a new partner was enrolled and its first code issued. */
    NEW_PARTNER,
    /**
     * The account is a partner already (ACTIVE or SUSPENDED): nothing was written. A redelivered
     * enrolment ends here.
     */
    ALREADY_MEMBER,
    /**
     * The account's partner had left: the same partner is ACTIVE again, the codes of its earlier
     * membership are revoked and one fresh code was issued.
     */
    REJOINED
  }

  /**
   * Checks for nulls, and that a code comes with exactly the outcomes that issue one.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code issuedCode} is present for {@link
   *     Outcome#ALREADY_MEMBER} or empty otherwise, or belongs to another partner
   */
  public EnrollmentResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(issuedCode, "issuedCode");
    if (issuedCode.isPresent() == (outcome == Outcome.ALREADY_MEMBER)) {
      throw new IllegalArgumentException(
          outcome + (issuedCode.isPresent() ? " issues no code" : " issues a code"));
    }
    if (issuedCode.isPresent() && !issuedCode.get().partnerId().equals(partner.id())) {
      throw new IllegalArgumentException("the issued code belongs to another partner");
    }
  }

  /**
   * A new partner with its first code.
   *
   * @param partner the new partner; never null
   * @param code the code issued; never null
   * @return the result
   */
  public static EnrollmentResult newPartner(Partner partner, IssuedCode code) {
    return new EnrollmentResult(Outcome.NEW_PARTNER, partner, Optional.of(code));
  }

  /**
   * An account that is a partner already; nothing changed.
   *
   * @param partner the partner as stored; never null
   * @return the result
   */
  public static EnrollmentResult alreadyMember(Partner partner) {
    return new EnrollmentResult(Outcome.ALREADY_MEMBER, partner, Optional.empty());
  }

  /**
   * A partner who left and is active again, with its fresh code.
   *
   * @param partner the active partner; never null
   * @param code the fresh code; never null
   * @return the result
   */
  public static EnrollmentResult rejoined(Partner partner, IssuedCode code) {
    return new EnrollmentResult(Outcome.REJOINED, partner, Optional.of(code));
  }
}
