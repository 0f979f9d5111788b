package org.partnerprogram.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A participating product or group with the rate a partner currently earns on it, as the overview
 * shows it.
 *
 * @param target the product or group; never null
 * @param rate the rate; never null
 * @param versionNumber the number of the rate version it comes from
 * @param overrideFor the partner whose override supplied the rate, or empty for the programme-wide
 *     card; never null
 */
public record ProductRate(
    RateTarget target, Rate rate, int versionNumber, Optional<PartnerId> overrideFor) {
  /** Checks that no component is null. */
  public ProductRate {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(overrideFor, "overrideFor");
  }
}
