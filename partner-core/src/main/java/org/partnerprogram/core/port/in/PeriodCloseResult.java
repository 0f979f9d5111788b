package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;

/**
 * What a close did (or, for a month closed before, what its close did): a summary that is held, and
 * the payouts and close lines, which are read from storage when asked for.
 *
 * <p>A close of 500,000 partners makes up to 500,000 payouts and as many close lines; the result
 * holds none of them, so a close keeps no more than a page of partners in memory however large the
 * programme is. {@link #payouts()} and {@link #lines()} read them into a list (one unit of work
 * each; fine for a month of a few thousand partners); {@link #forEachPayout} and {@link
 * #forEachLine} stream them, holding a few hundred at a time. Payouts are read as they are at that
 * time: a payout exported or paid since the close reads as exported or paid.
 *
 * <p>Two results are equal when their summaries are: month, close time, counts, total and {@link
 * #alreadyClosed()}.
 */
public final class PeriodCloseResult {

  /**
   * Reads a closed month's payouts and close lines. The SDK's reads its storage; a test double of
   * {@link ClosePeriodUseCase} may hold lists.
   */
  public interface Details {

    /**
     * Gives the month's payouts to an action one at a time, ordered by payout id (as {@link
     * String#compareTo}).
     *
     * @param action called once per payout; never null
     */
    void forEachPayout(Consumer<Payout> action);

    /**
     * Gives the month's close lines to an action one at a time, ordered by partner id (as {@link
     * String#compareTo}).
     *
     * @param action called once per line; never null
     */
    void forEachLine(Consumer<PeriodCloseLine> action);
  }

  private final YearMonth month;
  private final Instant closedAt;
  private final int payoutCount;
  private final Money payoutTotal;
  private final Map<CarryOverReason, Integer> carriedOver;
  private final boolean alreadyClosed;
  private final Details details;

  /**
   * A result.
   *
   * @param month the month; never null
   * @param closedAt when it was closed; never null
   * @param payoutCount how many payouts the close made; at least 0
   * @param payoutTotal their total, in the programme currency; never null, not negative
   * @param carriedOver how many partners with a payable balance had it carried over, by reason
   *     (reasons with none may be left out); never null, no count below 1
   * @param alreadyClosed true if the month had been closed before this call (nothing was written)
   * @param details reads the payouts and close lines; never null
   * @throws IllegalArgumentException if a count or the total is negative
   */
  public PeriodCloseResult(
      YearMonth month,
      Instant closedAt,
      int payoutCount,
      Money payoutTotal,
      Map<CarryOverReason, Integer> carriedOver,
      boolean alreadyClosed,
      Details details) {
    this.month = Objects.requireNonNull(month, "month");
    this.closedAt = Objects.requireNonNull(closedAt, "closedAt");
    this.payoutTotal = Objects.requireNonNull(payoutTotal, "payoutTotal");
    this.details = Objects.requireNonNull(details, "details");
    Objects.requireNonNull(carriedOver, "carriedOver");
    if (payoutCount < 0 || carriedOver.values().stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException(
          "counts must be positive (payouts: zero or more), were "
              + payoutCount
              + " and "
              + carriedOver);
    }
    if (payoutTotal.isNegative()) {
      throw new IllegalArgumentException("payoutTotal must not be negative, was " + payoutTotal);
    }
    this.payoutCount = payoutCount;
    this.carriedOver =
        carriedOver.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(carriedOver));
    this.alreadyClosed = alreadyClosed;
  }

  /**
   * The month.
   *
   * @return the month; never null
   */
  public YearMonth month() {
    return month;
  }

  /**
   * When the month was closed (for a month closed before, by that close).
   *
   * @return the close time; never null
   */
  public Instant closedAt() {
    return closedAt;
  }

  /**
   * How many payouts the close made (whatever happened to them since).
   *
   * @return the count; at least 0
   */
  public int payoutCount() {
    return payoutCount;
  }

  /**
   * The total of the payouts the close made (whatever happened to them since).
   *
   * @return the total in the programme currency; never null, not negative
   */
  public Money payoutTotal() {
    return payoutTotal;
  }

  /**
   * How many partners with a payable balance had it carried over to the next month.
   *
   * @return the count; at least 0
   */
  public int carriedOverCount() {
    return carriedOver.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * How many partners had their balance carried over, by reason: a partner above the programme's
   * maximum payout ({@link CarryOverReason#ABOVE_MAXIMUM_PAYOUT}) needs an operator's attention.
   *
   * @return the counts by reason, in the reasons' order, without reasons no partner had; never null
   */
  public Map<CarryOverReason, Integer> carriedOverByReason() {
    return carriedOver;
  }

  /**
   * Whether the month had been closed before this call, in which case nothing was written and the
   * result describes the earlier close.
   *
   * @return true if closed before
   */
  public boolean alreadyClosed() {
    return alreadyClosed;
  }

  /**
   * Reads the month's payouts into a list. For a large month, prefer {@link #forEachPayout}.
   *
   * @return the payouts ordered by payout id (as {@link String#compareTo}), with their current
   *     status; never null
   */
  public List<Payout> payouts() {
    List<Payout> payouts = new ArrayList<>(payoutCount);
    details.forEachPayout(payouts::add);
    return List.copyOf(payouts);
  }

  /**
   * Reads the month's close lines into a list: per partner with a payable balance, paid out or
   * carried over and why. For a large month, prefer {@link #forEachLine}.
   *
   * @return the lines ordered by partner id (as {@link String#compareTo}); never null
   */
  public List<PeriodCloseLine> lines() {
    List<PeriodCloseLine> lines = new ArrayList<>(payoutCount + carriedOverCount());
    details.forEachLine(lines::add);
    return List.copyOf(lines);
  }

  /**
   * Streams the month's payouts, in the order of {@link #payouts()}, holding a few hundred at a
   * time. The action runs inside a read of storage: it should not call the programme.
   *
   * @param action called once per payout; never null
   */
  public void forEachPayout(Consumer<Payout> action) {
    details.forEachPayout(Objects.requireNonNull(action, "action"));
  }

  /**
   * Streams the month's close lines, in the order of {@link #lines()}, holding a few hundred at a
   * time. The action runs inside a read of storage: it should not call the programme.
   *
   * @param action called once per line; never null
   */
  public void forEachLine(Consumer<PeriodCloseLine> action) {
    details.forEachLine(Objects.requireNonNull(action, "action"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeriodCloseResult r
        && month.equals(r.month)
        && closedAt.equals(r.closedAt)
        && payoutCount == r.payoutCount
        && payoutTotal.equals(r.payoutTotal)
        && carriedOver.equals(r.carriedOver)
        && alreadyClosed == r.alreadyClosed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(month, closedAt, payoutCount, payoutTotal, carriedOver, alreadyClosed);
  }

  @Override
  public String toString() {
    return "PeriodCloseResult[month="
        + month
        + ", closedAt="
        + closedAt
        + ", payoutCount="
        + payoutCount
        + ", payoutTotal="
        + payoutTotal
        + ", carriedOver="
        + carriedOver
        + ", alreadyClosed="
        + alreadyClosed
        + "]";
  }
}
