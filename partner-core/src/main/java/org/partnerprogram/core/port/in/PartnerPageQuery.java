package org.partnerprogram.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * What every query for a page of one partner's rows has: the partner, the page size and where the
 * previous page ended. The queries themselves ({@link LedgerQuery}, {@link PayoutQuery}) add their
 * filters and return their own type from each {@code with}-style method.
 */
public abstract sealed class PartnerPageQuery permits LedgerQuery, PayoutQuery {
  /** The page size a query starts with. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** The largest page a query may ask for. */
  public static final int MAX_PAGE_SIZE = 200;

  private final PartnerId partnerId;
  private final int pageSize;
  private final PagePosition after; // null: the first page

  PartnerPageQuery(PartnerId partnerId, int pageSize, PagePosition after) {
    this.partnerId = partnerId;
    this.pageSize = pageSize;
    this.after = after;
  }

  static PartnerId checkPartner(PartnerId partnerId) {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
    return partnerId;
  }

  static int checkPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "pageSize", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    return pageSize;
  }

  static PagePosition checkPosition(PagePosition position) {
    if (position == null) {
      throw new InvalidInputException("after", "must not be null");
    }
    return position;
  }

  /**
   * The partner whose rows are asked for.
   *
   * @return never null
   */
  public PartnerId partnerId() {
    return partnerId;
  }

  /**
   * The most rows a page holds.
   *
   * @return 1 to {@value #MAX_PAGE_SIZE}
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

  /** Whether the partner, page size and position are equal (for the subclasses' equals). */
  final boolean samePage(PartnerPageQuery q) {
    return partnerId.equals(q.partnerId)
        && pageSize == q.pageSize
        && Objects.equals(after, q.after);
  }

  /** ", page of N[, after P]]" (for the subclasses' toString). */
  final String pageText() {
    return ", page of " + pageSize + (after == null ? "" : ", after " + after) + "]";
  }
}
