package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The SDK keeps instants to the microsecond (what PostgreSQL, MariaDB and H2 all store exactly) and
 * within a sane range, so that what is stored reads back equal.
 */
public final class Instants {
  /** The earliest instant accepted: 1970-01-01T00:00:00Z. */
  public static final Instant MIN = Instant.EPOCH;

  /** The first instant no longer accepted: 3000-01-01T00:00:00Z. */
  public static final Instant MAX_EXCLUSIVE = Instant.parse("3000-01-01T00:00:00Z");

  private Instants() {}

  /**
   * Checks the range and truncates to microseconds.
   *
   * @param field the input's name, for the error message
   * @param instant the instant; may be null (which is rejected)
   * @return the instant truncated to microseconds
   * @throws InvalidInputException if null or outside [{@link #MIN}, {@link #MAX_EXCLUSIVE})
   */
  public static Instant check(String field, Instant instant) {
    if (instant == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (instant.isBefore(MIN) || !instant.isBefore(MAX_EXCLUSIVE)) {
      throw new InvalidInputException(
          field, "must be between " + MIN + " and " + MAX_EXCLUSIVE + ", was " + instant);
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
