package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PeriodCloseLine;

/**
 * What a close did (or, for a month closed before, what its close did).
 *
 * @param month the month; never null
 * @param closedAt when it was closed; never null
 * @param payouts the payouts made, ordered by payout id (with their current status); never null
 * @param lines per partner with a payable balance: paid out or carried over and why; never null
 * @param alreadyClosed true if the month had been closed before this call (nothing was written)
 */
public record PeriodCloseResult(
    YearMonth month,
    Instant closedAt,
    List<Payout> payouts,
    List<PeriodCloseLine> lines,
    boolean alreadyClosed) {
  /** Checks for nulls and copies the lists. */
  public PeriodCloseResult {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(closedAt, "closedAt");
    payouts = List.copyOf(payouts);
    lines = List.copyOf(lines);
  }
}
