package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Referrals#purgeExpiredClicks()} removed: a plain value.
 *
 * @param clicksRemoved how many clicks this call deleted (not those another instance deleted at the
 *     same time); at least 0
 * @param cutoff the first instant kept: clicks made before it were deleted, clicks at or after it
 *     are kept; never null
 * @param batches how many units of work (transactions) ran, each deleting at most one batch; at
 *     least 1
 */
public record ClickPurge(long clicksRemoved, Instant cutoff, int batches) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the cutoff is null
   * @throws IllegalArgumentException if a count is out of range
   */
  public ClickPurge {
    Objects.requireNonNull(cutoff, "cutoff");
    if (clicksRemoved < 0 || batches < 1) {
      throw new IllegalArgumentException(
          "clicksRemoved must be at least 0 and batches at least 1, were "
              + clicksRemoved
              + " and "
              + batches);
    }
  }
}
