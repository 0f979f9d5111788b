package org.partnerprogram.core.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the overview shows a partner about their referrals: counts only, never who.
 *
 * @param clicks clicks recorded on the partner's codes
 * @param signupsAttributed customers attributed to the partner
 * @param signupsRefused signups where the partner was the first candidate but was refused, by
 *     reason; never null, absent reasons mean zero
 */
public record AttributionCounts(
    long clicks, long signupsAttributed, Map<AttributionDecision.Reason, Long> signupsRefused) {

  /** Copies the map. */
  public AttributionCounts {
    EnumMap<AttributionDecision.Reason, Long> copy =
        new EnumMap<>(AttributionDecision.Reason.class);
    copy.putAll(signupsRefused);
    signupsRefused = Collections.unmodifiableMap(copy);
  }

  /**
   * No clicks, no signups.
   *
   * @return zero counts
   */
  public static AttributionCounts none() {
    return new AttributionCounts(0, 0, Map.of());
  }
}
