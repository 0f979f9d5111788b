package org.partnerprogram.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerStatus;

/**
 * Asks for a page of the partners with a status, by partner id (as Java compares strings), for a
 * support or finance list.
 *
 * <pre>{@code
 * PartnerListQuery.withStatus(PartnerStatus.SUSPENDED).pageSize(100).after(previous.next().get())
 * }</pre>
 */
public final class PartnerListQuery {
  private final PartnerStatus status;
  private final int pageSize;
  private final PagePosition after; // null: the first page

  private PartnerListQuery(PartnerStatus status, int pageSize, PagePosition after) {
    this.status = status;
    this.pageSize = pageSize;
    this.after = after;
  }

  /**
   * The first page of the partners with a status, of {@value PartnerPageQuery#DEFAULT_PAGE_SIZE}.
   *
   * @param status the status; never null
   * @return the query
   * @throws InvalidInputException if the status is null
   */
  public static PartnerListQuery withStatus(PartnerStatus status) {
    if (status == null) {
      throw new InvalidInputException("status", "must not be null");
    }
    return new PartnerListQuery(status, PartnerPageQuery.DEFAULT_PAGE_SIZE, null);
  }

  /**
   * How many partners a page holds at most.
   *
   * @param pageSize 1 to {@value PartnerPageQuery#MAX_PAGE_SIZE}
   * @return a new query
   * @throws InvalidInputException if the size is out of range
   */
  public PartnerListQuery pageSize(int pageSize) {
    return new PartnerListQuery(status, PartnerPageQuery.checkPageSize(pageSize), after);
  }

  /**
   * The page after a page a partner list returned.
   *
   * @param position the previous page's {@link Page#next()}; never null
   * @return a new query
   * @throws InvalidInputException if the position is null
   */
  public PartnerListQuery after(PagePosition position) {
    return new PartnerListQuery(status, pageSize, PartnerPageQuery.checkPosition(position));
  }

  /**
   * The status asked for.
   *
   * @return never null
   */
  public PartnerStatus status() {
    return status;
  }

  /**
   * The most partners a page holds.
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
    return o instanceof PartnerListQuery q
        && status == q.status
        && pageSize == q.pageSize
        && Objects.equals(after, q.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, pageSize, after);
  }

  @Override
  public String toString() {
    return "PartnerListQuery["
        + status
        + ", page of "
        + pageSize
        + (after == null ? "" : ", after " + after)
        + "]";
  }
}
