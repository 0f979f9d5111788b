package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a customer's orders earn for whom they earn for: the decision made at signup and every
 * re-attribution by support since, oldest first.
 *
 * @param decision the decision made at signup, with its inputs; never null
 * @param reattributions support's moves of the attribution, by {@code effectiveFrom}; never null
 */
public record AttributionExplanation(
    AttributionRecord decision, List<Reattribution> reattributions) {

  /** Checks for nulls and copies the list. */
  public AttributionExplanation {
    Objects.requireNonNull(decision, "decision");
    reattributions = List.copyOf(reattributions);
  }

  /**
   * Who an order placed at an instant earns for, as far as attribution goes (the partner may still
   * not earn: it left, or the earning policy excludes the order): the latest re-attribution
   * effective at that instant, else the decision at signup.
   *
   * @param placedAt when the order was placed; never null
   * @return the partner, or empty if nobody
   */
  public Optional<PartnerId> partnerAt(Instant placedAt) {
    Optional<PartnerId> partner =
        decision.decision() instanceof AttributionDecision.Attributed a
            ? Optional.of(a.partnerId())
            : Optional.empty();
    for (Reattribution r : reattributions) {
      if (!r.effectiveFrom().isAfter(placedAt)) {
        partner = r.toPartner();
      }
    }
    return partner;
  }
}
