package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Support moved a customer's attribution: orders the customer places from {@link #effectiveFrom()}
 * on earn for {@link #toPartner()} (or for nobody). Commission recorded before stays where it is.
 * Kept for good beside the original decision, so "why does this order earn for that partner?" has
 * an answer.
 *
 * @param reattributionId the host's id for the act (its idempotency key); never null
 * @param customer the customer account; never null
 * @param fromPartner who the customer's orders earned for just before; empty if nobody; never null
 * @param toPartner who they earn for from {@code effectiveFrom} on; empty for nobody; never null
 * @param effectiveFrom the first order placement it applies to; never null
 * @param act who moved it and why; never null
 * @param decidedAt when it was recorded; never null
 */
public record Reattribution(
    EventId reattributionId,
    CustomerAccountId customer,
    Optional<PartnerId> fromPartner,
    Optional<PartnerId> toPartner,
    Instant effectiveFrom,
    Act act,
    Instant decidedAt) {

  /** Checks for nulls. */
  public Reattribution {
    Objects.requireNonNull(reattributionId, "reattributionId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(fromPartner, "fromPartner");
    Objects.requireNonNull(toPartner, "toPartner");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /**
   * This re-attribution under another customer id (a pseudonym, when the customer is erased).
   *
   * @param replacement the id; never null
   * @return the re-attribution with {@code customer} replaced, all else equal
   */
  public Reattribution withCustomer(CustomerAccountId replacement) {
    return new Reattribution(
        reattributionId, replacement, fromPartner, toPartner, effectiveFrom, act, decidedAt);
  }
}
