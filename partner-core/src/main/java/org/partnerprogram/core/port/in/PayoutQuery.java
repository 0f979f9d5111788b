package org.partnerprogram.core.port.in;

import java.util.Objects;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Asks for a page of one partner's payouts, newest first: by month, latest first, then by payout
 * id, highest first. Failed payouts are included (with their status), as a partner page shows them.
 *
 * <pre>{@code
 * PayoutQuery.ofPartner(partnerId).pageSize(12).after(previousPage.next().get())
 * }</pre>
 */
public final class PayoutQuery extends PartnerPageQuery {
  private PayoutQuery(PartnerId partnerId, int pageSize, PagePosition after) {
    super(partnerId, pageSize, after);
  }

  /**
   * The first page of a partner's payouts, of {@value #DEFAULT_PAGE_SIZE}.
   *
   * @param partnerId the partner; never null
   * @return the query
   * @throws InvalidInputException if the partner is null
   */
  public static PayoutQuery ofPartner(PartnerId partnerId) {
    return new PayoutQuery(checkPartner(partnerId), DEFAULT_PAGE_SIZE, null);
  }

  /**
   * As {@link #ofPartner(PartnerId)}, for a partner id a host holds as a string.
   *
   * @param partnerId the partner's id
   * @return the query
   * @throws InvalidInputException if the id is not a valid partner id
   */
  public static PayoutQuery ofPartner(String partnerId) {
    return ofPartner(PartnerId.of(partnerId));
  }

  /**
   * How many payouts a page holds at most.
   *
   * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
   * @return a new query
   * @throws InvalidInputException if the size is out of range
   */
  public PayoutQuery pageSize(int pageSize) {
    return new PayoutQuery(partnerId(), checkPageSize(pageSize), after().orElse(null));
  }

  /**
   * The page after a page this query (for the same partner) returned.
   *
   * @param position the previous page's {@link Page#next()}; never null
   * @return a new query
   * @throws InvalidInputException if the position is null
   */
  public PayoutQuery after(PagePosition position) {
    return new PayoutQuery(partnerId(), pageSize(), checkPosition(position));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PayoutQuery q && samePage(q);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partnerId(), pageSize(), after());
  }

  @Override
  public String toString() {
    return "PayoutQuery[partner " + partnerId() + pageText();
  }
}
