package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A payout period: one calendar month in the programme's time zone, half-open {@code [start, end)}.
 * Month ends and daylight-saving changes are the zone's: November 2026 in Europe/Amsterdam runs
 * from 2026-10-31T23:00:00Z to 2026-11-30T23:00:00Z, and an entry at 23:30 local time on 30
 * November belongs to November.
 *
 * @param month the calendar month; never null
 * @param zone the programme's time zone; never null
 */
public record PayoutPeriod(YearMonth month, ZoneId zone) implements Comparable<PayoutPeriod> {

  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public PayoutPeriod {
    if (month == null || zone == null) {
      throw new InvalidInputException("period", "month and zone must not be null");
    }
  }

  /**
   * The period an instant falls in.
   *
   * @param instant the instant; never null
   * @param zone the programme's zone; never null
   * @return the period containing it
   */
  public static PayoutPeriod containing(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    return new PayoutPeriod(YearMonth.from(instant.atZone(zone)), zone);
  }

  /**
   * The first instant of the period: midnight at the start of the month's first day, local time.
   *
   * @return the inclusive start
   */
  public Instant start() {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The first instant after the period: midnight at the start of the next month, local time.
   *
   * @return the exclusive end
   */
  public Instant end() {
    return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Whether an instant lies in {@code [start, end)}.
   *
   * @param instant the instant; never null
   * @return true if it belongs to this period
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  /**
   * Whether the period is over at an instant (its end has been reached).
   *
   * @param now the instant; never null
   * @return true if {@code now >= end()}
   */
  public boolean hasEndedAt(Instant now) {
    return !now.isBefore(end());
  }

  /**
   * The following month.
   *
   * @return the next period
   */
  public PayoutPeriod next() {
    return new PayoutPeriod(month.plusMonths(1), zone);
  }

  /**
   * The preceding month.
   *
   * @return the previous period
   */
  public PayoutPeriod previous() {
    return new PayoutPeriod(month.minusMonths(1), zone);
  }

  /** Orders by month (periods of one programme share a zone). */
  @Override
  public int compareTo(PayoutPeriod o) {
    return month.compareTo(o.month);
  }

  /** Returns the month, such as {@code 2026-11}. */
  @Override
  public String toString() {
    return month.toString();
  }
}
