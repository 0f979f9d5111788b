package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * What one batch of {@link TouchStore#deleteTouchedBetween} deleted: how many touches, and the
 * instant of the latest of them, where the next batch starts (inclusive: more touches at that very
 * instant may be left).
 *
 * @param deleted how many touches the batch deleted, 0 or more
 * @param latest the time of the latest touch the batch deleted; empty exactly when it deleted none
 */
public record PurgedTouches(int deleted, Optional<Instant> latest) {
  /** A batch that deleted nothing. */
  public static final PurgedTouches NONE = new PurgedTouches(0, Optional.empty());

  /**
   * Checks the count against the instant.
   *
   * @throws IllegalArgumentException if {@code deleted} is negative, or {@code latest} is empty
   *     while {@code deleted} is positive or present while it is zero
   * @throws NullPointerException if {@code latest} is null
   */
  public PurgedTouches {
    if (deleted < 0 || latest.isPresent() != (deleted > 0)) {
      throw new IllegalArgumentException(
          "need a latest instant exactly when touches were deleted, were "
              + deleted
              + " deleted and latest "
              + latest);
    }
  }

  /**
   * A batch that deleted touches.
   *
   * @param deleted how many, at least 1
   * @param latest the time of the latest of them; never null
   * @return the batch
   * @throws IllegalArgumentException if {@code deleted} is less than 1
   */
  public static PurgedTouches of(int deleted, Instant latest) {
    return new PurgedTouches(deleted, Optional.of(latest));
  }
}
