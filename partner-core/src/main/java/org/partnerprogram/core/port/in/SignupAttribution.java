package org.partnerprogram.core.port.in;

import java.util.Objects;
import org.partnerprogram.core.domain.AttributionDecision;

/**
 * The decision for a signup.
 *
 * @param decision the customer's decision: made by this call, or the first one if the customer was
 *     decided before (it never changes); never null
 * @param alreadyDecided true if the customer had been attributed (or refused) before this call,
 *     whose inputs were then ignored
 */
public record SignupAttribution(AttributionDecision decision, boolean alreadyDecided) {
  /** Checks for null. */
  public SignupAttribution {
    Objects.requireNonNull(decision, "decision");
  }
}
