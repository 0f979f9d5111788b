package org.partnerprogram.core.domain;

import java.time.Duration;
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

  /** The earliest month accepted. */
  public static final java.time.YearMonth MIN_MONTH = java.time.YearMonth.of(1970, 1);

  /** The latest month accepted. */
  public static final java.time.YearMonth MAX_MONTH = java.time.YearMonth.of(2999, 12);

  /**
   * How far ahead of the programme's clock an instant the host reports for something that happened
   * (a click, a signup, an order, a payment, a refund) may lie: 5 minutes of clock skew between the
   * host's machines and the programme's clock. Anything later has not happened yet.
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private Instants() {}

  /**
   * Checks that a month lies in [{@link #MIN_MONTH}, {@link #MAX_MONTH}].
   *
   * @param field the input's name, for the error message
   * @param month the month; may be null (which is rejected)
   * @return the month
   * @throws InvalidInputException if null or out of range
   */
  public static java.time.YearMonth checkMonth(String field, java.time.YearMonth month) {
    if (month == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (month.isBefore(MIN_MONTH) || month.isAfter(MAX_MONTH)) {
      throw new InvalidInputException(
          field, "must be between " + MIN_MONTH + " and " + MAX_MONTH + ", was " + month);
    }
    return month;
  }

  /**
   * Checks that a date lies in [1970-01-01, 2999-12-31].
   *
   * @param field the input's name, for the error message
   * @param date the date; may be null (which is rejected)
   * @return the date
   * @throws InvalidInputException if null or out of range
   */
  public static java.time.LocalDate checkDate(String field, java.time.LocalDate date) {
    if (date == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    checkMonth(field, java.time.YearMonth.from(date));
    return date;
  }

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

  /**
   * Checks that an instant the host reports for something that happened is not in the future, by
   * more than {@link #MAX_CLOCK_SKEW}, of the programme's clock.
   *
   * @param field the input's name, for the error message
   * @param at the reported instant; never null
   * @param now the programme's clock; never null
   * @return {@code at}
   * @throws InvalidInputException if {@code at} lies more than {@link #MAX_CLOCK_SKEW} after {@code
   *     now}
   */
  public static Instant notAhead(String field, Instant at, Instant now) {
    if (at.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw new InvalidInputException(
          field,
          "lies in the future ("
              + at
              + "; the programme's clock says "
              + now
              + ", and allows "
              + MAX_CLOCK_SKEW.toMinutes()
              + " minutes of clock skew)");
    }
    return at;
  }
}
