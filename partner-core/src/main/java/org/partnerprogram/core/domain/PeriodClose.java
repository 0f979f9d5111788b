package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The record that a month was closed: at most one per month, for good.
 *
 * @param period the month; never null
 * @param closedAt when; also the creation time written in its bank file; never null
 */
public record PeriodClose(YearMonth period, Instant closedAt) {
  /** Checks for nulls. */
  public PeriodClose {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
