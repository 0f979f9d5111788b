package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PayoutStatus;

/**
 * Asks for a page of a closed month's payouts, by payout id, each with its status (optionally only
 * those with one status), for finance's reconciliation with the bank.
 *
 * <pre>{@code
 * MonthPayoutsQuery.of(YearMonth.of(2026, 11)).status(PayoutStatus.FAILED).pageSize(200)
 * }</pre>
 */
public final class MonthPayoutsQuery {
  private final YearMonth month;
  private final PayoutStatus status; // null: every status
  private final int pageSize;
  private final PagePosition after; // null: the first page

  private MonthPayoutsQuery(
      YearMonth month, PayoutStatus status, int pageSize, PagePosition after) {
    this.month = month;
    this.status = status;
    this.pageSize = pageSize;
    this.after = after;
  }

  /**
   * The first page of a month's payouts of every status, of {@value
   * PartnerPageQuery#DEFAULT_PAGE_SIZE}.
   *
   * @param month the closed month; never null
   * @return the query
   * @throws InvalidInputException if the month is null or outside the years the programme stores
   */
  public static MonthPayoutsQuery of(YearMonth month) {
    if (month == null) {
      throw new InvalidInputException("month", "must not be null");
    }
    return new MonthPayoutsQuery(
        Instants.checkMonth("month", month), null, PartnerPageQuery.DEFAULT_PAGE_SIZE, null);
  }

  /**
   * Only the payouts with a status.
   *
   * @param status the status; never null
   * @return a new query
   * @throws InvalidInputException if the status is null
   */
  public MonthPayoutsQuery status(PayoutStatus status) {
    if (status == null) {
      throw new InvalidInputException("status", "must not be null");
    }
    return new MonthPayoutsQuery(month, status, pageSize, after);
  }

  /**
   * How many payouts a page holds at most.
   *
   * @param pageSize 1 to {@value PartnerPageQuery#MAX_PAGE_SIZE}
   * @return a new query
   * @throws InvalidInputException if the size is out of range
   */
  public MonthPayoutsQuery pageSize(int pageSize) {
    return new MonthPayoutsQuery(month, status, PartnerPageQuery.checkPageSize(pageSize), after);
  }

  /**
   * The page after a page a month's payout list returned.
   *
   * @param position the previous page's {@link Page#next()}; never null
   * @return a new query
   * @throws InvalidInputException if the position is null
   */
  public MonthPayoutsQuery after(PagePosition position) {
    return new MonthPayoutsQuery(month, status, pageSize, PartnerPageQuery.checkPosition(position));
  }

  /**
   * The month asked for.
   *
   * @return never null
   */
  public YearMonth month() {
    return month;
  }

  /**
   * The status asked for.
   *
   * @return the status, or empty for every status
   */
  public Optional<PayoutStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * The most payouts a page holds.
   *
   * @return 1 to {@value PartnerPageQuery#MAX_PAGE_SIZE}
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Where the previous page ended.
   *
   * @return the position, or empty for the first page
   */
  public Optional<PagePosition> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MonthPayoutsQuery q
        && month.equals(q.month)
        && status == q.status
        && pageSize == q.pageSize
        && Objects.equals(after, q.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(month, status, pageSize, after);
  }

  @Override
  public String toString() {
    return "MonthPayoutsQuery["
        + month
        + (status == null ? "" : ", " + status)
        + ", page of "
        + pageSize
        + (after == null ? "" : ", after " + after)
        + "]";
  }
}
