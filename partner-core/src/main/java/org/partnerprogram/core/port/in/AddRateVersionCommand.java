package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;

/**
 * Add a rate version.
 *
 * @param overrideFor the partner whose overrides get the version, or empty for the programme-wide
 *     card; never null
 * @param effectiveFrom when it takes effect: now or later, and after the scope's latest version;
 *     empty means "now", by the programme's clock; never null
 * @param rates the rate per product or group; never null, at most {@link RateVersion#MAX_TARGETS}
 */
public record AddRateVersionCommand(
    Optional<PartnerId> overrideFor, Optional<Instant> effectiveFrom, Map<RateTarget, Rate> rates) {

  /**
   * Validates the command and copies the rates.
   *
   * @throws InvalidInputException if a component is null or there are too many rates
   */
  public AddRateVersionCommand {
    if (overrideFor == null) {
      throw new InvalidInputException("overrideFor", "must not be null (use Optional.empty())");
    }
    if (effectiveFrom == null) {
      throw new InvalidInputException("effectiveFrom", "must not be null (use Optional.empty())");
    }
    effectiveFrom = effectiveFrom.map(at -> Instants.check("effectiveFrom", at));
    if (rates == null) {
      throw new InvalidInputException("rates", "must not be null");
    }
    if (rates.size() > RateVersion.MAX_TARGETS) {
      throw new InvalidInputException(
          "rates", "at most " + RateVersion.MAX_TARGETS + " products and groups per version");
    }
    rates.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new InvalidInputException("rates", "must not contain null keys or values");
          }
        });
    rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
  }

  /**
   * A programme-wide version that takes effect now, by the programme's clock.
   *
   * @param rates the rates
   * @return the command
   */
  public static AddRateVersionCommand programmeWide(Map<RateTarget, Rate> rates) {
    return new AddRateVersionCommand(Optional.empty(), Optional.empty(), rates);
  }

  /**
   * A programme-wide version that takes effect at a given instant.
   *
   * @param effectiveFrom when it takes effect
   * @param rates the rates
   * @return the command
   */
  public static AddRateVersionCommand programmeWide(
      Instant effectiveFrom, Map<RateTarget, Rate> rates) {
    return new AddRateVersionCommand(
        Optional.empty(), Optional.of(requireInstant(effectiveFrom)), rates);
  }

  /**
   * A per-partner override version.
   *
   * @param partnerId the partner
   * @param effectiveFrom when it takes effect
   * @param rates the rates that differ from the programme-wide card
   * @return the command
   */
  public static AddRateVersionCommand override(
      PartnerId partnerId, Instant effectiveFrom, Map<RateTarget, Rate> rates) {
    if (partnerId == null) {
      throw new InvalidInputException(
          "partnerId", "an override needs a partner; use programmeWide(...) for the whole card");
    }
    return new AddRateVersionCommand(
        Optional.of(partnerId), Optional.of(requireInstant(effectiveFrom)), rates);
  }

  private static Instant requireInstant(Instant effectiveFrom) {
    if (effectiveFrom == null) {
      throw new InvalidInputException("effectiveFrom", "must not be null");
    }
    return effectiveFrom;
  }
}
