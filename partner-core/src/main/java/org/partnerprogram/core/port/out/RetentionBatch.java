package org.partnerprogram.core.port.out;

/**
 * What one batch of a retention step did in storage: how many rows it took and how many of those it
 * changed. A row is taken once for good (a later batch never takes it again), but it may need no
 * change (an attribution decision without a visitor id, or one already pseudonymised).
 *
 * @param taken rows the batch took, 0 to the batch's limit; fewer than the limit when no other row
 *     was left to it
 * @param changed rows of those whose personal data it changed, 0 to {@code taken}
 */
public record RetentionBatch(int taken, int changed) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if {@code taken} is negative or {@code changed} is not between
   *     0 and {@code taken}
   */
  public RetentionBatch {
    if (taken < 0 || changed < 0 || changed > taken) {
      throw new IllegalArgumentException(
          "need 0 <= changed <= taken, were changed " + changed + " and taken " + taken);
    }
  }
}
