package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a new customer was bound to a partner, and why: a business outcome, returned as a value
 * so support can answer "why did I not get this customer?".
 */
public sealed interface AttributionDecision
    permits AttributionDecision.Attributed, AttributionDecision.NotAttributed {

  /** The rule that bound a customer to a partner. */
  enum Rule {
    /** The customer typed the partner's code at signup; it beats any cookie. */
    TYPED_CODE,
    /** The latest click inside the window. */
    LAST_TOUCH,
    /** The earliest click inside the window. */
    FIRST_TOUCH
  }

  /** Why a customer was not bound to a partner. */
  enum Reason {
    /** No click and no typed code. */
    NO_TOUCH,
    /** Clicks exist, but all before the attribution window. */
    OUTSIDE_WINDOW,
    /** The host says the customer is not new. */
    EXISTING_CUSTOMER,
    /** The customer is the partner's own account, or has the partner's payout IBAN. */
    SELF_REFERRAL,
    /** The partner is suspended or has left. */
    PARTNER_NOT_ACTIVE,
    /** The code was revoked before the signup. */
    CODE_REVOKED,
    /** The code typed at signup was never issued. */
    UNKNOWN_CODE
  }

  /**
   * The customer belongs to a partner, for good.
   *
   * @param partnerId the partner; never null
   * @param code the code that won; never null
   * @param touchAt when the winning click happened (the signup instant for a typed code); never
   *     null
   * @param rule the rule that decided; never null
   */
  record Attributed(PartnerId partnerId, ReferralCode code, Instant touchAt, Rule rule)
      implements AttributionDecision {
    /** Checks for nulls. */
    public Attributed {
      Objects.requireNonNull(partnerId, "partnerId");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(touchAt, "touchAt");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * The customer belongs to no partner.
   *
   * @param reason why; never null
   */
  record NotAttributed(Reason reason) implements AttributionDecision {
    /** Checks for null. */
    public NotAttributed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
