package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored attribution decision with the inputs it was made from, so support can answer "why?". One
 * per customer account, for good. Holds no personal data: the customer's IBAN, when the host passed
 * one, is only recorded as having been given.
 *
 * @param customer the customer account; never null
 * @param decision the decision; never null
 * @param candidatePartner the partner the decision concerns: the winner, or the partner of the
 *     first refused candidate; empty when there was no candidate; never null
 * @param visitorId the visitor id the host passed, if any; never null
 * @param typedCode the code the customer typed, if any; never null
 * @param newCustomer whether the host said the customer was new
 * @param customerIbanGiven whether the host passed the customer's IBAN for the self-referral check
 * @param signupAt the signup instant the host passed; never null
 * @param decidedAt when the decision was made, by the programme's clock; never null
 */
public record AttributionRecord(
    CustomerAccountId customer,
    AttributionDecision decision,
    Optional<PartnerId> candidatePartner,
    Optional<VisitorId> visitorId,
    Optional<ReferralCode> typedCode,
    boolean newCustomer,
    boolean customerIbanGiven,
    Instant signupAt,
    Instant decidedAt) {

  /** Checks for nulls. */
  public AttributionRecord {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(candidatePartner, "candidatePartner");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(typedCode, "typedCode");
    Objects.requireNonNull(signupAt, "signupAt");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /**
   * This decision under another customer id (a pseudonym, when the customer is erased).
   *
   * @param replacement the id; never null
   * @return the decision with {@code customer} replaced, all else equal
   */
  public AttributionRecord withCustomer(CustomerAccountId replacement) {
    return new AttributionRecord(
        replacement,
        decision,
        candidatePartner,
        visitorId,
        typedCode,
        newCustomer,
        customerIbanGiven,
        signupAt,
        decidedAt);
  }

  /**
   * This decision with another visitor id (a pseudonym, when a customer is erased).
   *
   * @param replacement the id; never null
   * @return the decision with {@code visitorId} replaced, all else equal
   */
  public AttributionRecord withVisitor(VisitorId replacement) {
    return new AttributionRecord(
        customer,
        decision,
        candidatePartner,
        Optional.of(replacement),
        typedCode,
        newCustomer,
        customerIbanGiven,
        signupAt,
        decidedAt);
  }

  /**
   * This decision with a referral code replaced wherever it holds it (the code that attributed it,
   * the code the customer typed): an erased partner's vanity code by its pseudonym.
   *
   * @param code the code replaced; never null
   * @param replacement the code that takes its place; never null
   * @return the decision with the code replaced, or this decision if it holds no such code
   */
  public AttributionRecord withCode(ReferralCode code, ReferralCode replacement) {
    AttributionDecision decided =
        decision instanceof AttributionDecision.Attributed a && a.code().equals(code)
            ? new AttributionDecision.Attributed(a.partnerId(), replacement, a.touchAt(), a.rule())
            : decision;
    Optional<ReferralCode> typed = typedCode.map(t -> t.equals(code) ? replacement : t);
    if (decided == decision && typed.equals(typedCode)) {
      return this;
    }
    return new AttributionRecord(
        customer,
        decided,
        candidatePartner,
        visitorId,
        typed,
        newCustomer,
        customerIbanGiven,
        signupAt,
        decidedAt);
  }
}
