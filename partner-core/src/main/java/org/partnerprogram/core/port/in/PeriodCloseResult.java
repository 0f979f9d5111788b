package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;

/**
 * What a month's close did, as counts and totals: a plain value that reads nothing from storage.
 * The month's payouts and close lines are streamed by {@link Payouts#forEachPayout} and {@link
 * Payouts#forEachCloseLine}, so a close of any number of partners is reported in a fixed amount of
 * memory.
 *
 * @param month the closed month; never null
 * @param closedAt when it was closed; never null
 * @param payoutCount how many payouts the close made; at least 0
 * @param payoutTotal their total, in the programme currency; never null, not negative
 * @param carriedOver how many partners had their balance carried over, by reason (reasons with none
 *     are left out); never null, no count below 1
 * @param alreadyClosed true if the month had been closed before this call (nothing was written)
 */
public record PeriodCloseResult(
    YearMonth month,
    Instant closedAt,
    int payoutCount,
    Money payoutTotal,
    Map<CarryOverReason, Integer> carriedOver,
    boolean alreadyClosed) {

  /**
   * Checks the parts and copies the counts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a count or the total is negative, or a reason counts 0
   */
  public PeriodCloseResult {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(payoutTotal, "payoutTotal");
    Objects.requireNonNull(carriedOver, "carriedOver");
    if (payoutCount < 0 || carriedOver.values().stream().anyMatch(n -> n == null || n < 1)) {
      throw new IllegalArgumentException(
          "counts must be positive (payouts: zero or more), were "
              + payoutCount
              + " and "
              + carriedOver);
    }
    if (payoutTotal.isNegative()) {
      throw new IllegalArgumentException("payoutTotal must not be negative, was " + payoutTotal);
    }
    carriedOver =
        carriedOver.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(carriedOver));
  }

  /**
   * How many partners had their balance carried over, whatever the reason.
   *
   * @return the sum of {@link #carriedOver()}'s counts
   */
  public int carriedOverCount() {
    return carriedOver.values().stream().mapToInt(Integer::intValue).sum();
  }
}
