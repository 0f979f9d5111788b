package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Asks for a page of one partner's ledger lines ({@link LedgerLine}), in the order the orders were
 * placed (then by order id and line number), so a month reads like a statement. The month is the
 * month, in the programme's zone, in which the line's order was placed: a line stays in its month
 * whatever happens to it later, so the pages of a month never move rows between months.
 *
 * <pre>{@code
 * LedgerQuery.ofPartner(partnerId)
 *     .month(YearMonth.of(2026, 11))       // default: every month
 *     .state(LedgerLine.State.PAYABLE)     // default: every state
 *     .pageSize(20)                        // default: 50, at most 200
 *     .after(previousPage.next().get())    // default: the first page
 * }</pre>
 */
public final class LedgerQuery extends PartnerPageQuery {
  private final YearMonth month; // null: every month
  private final LedgerLine.State state; // null: every state

  private LedgerQuery(
      PartnerId partnerId,
      YearMonth month,
      LedgerLine.State state,
      int pageSize,
      PagePosition after) {
    super(partnerId, pageSize, after);
    this.month = month;
    this.state = state;
  }

  /**
   * The first page of a partner's lines of every month and state, of {@value #DEFAULT_PAGE_SIZE}.
   *
   * @param partnerId the partner; never null
   * @return the query
   * @throws InvalidInputException if the partner is null
   */
  public static LedgerQuery ofPartner(PartnerId partnerId) {
    return new LedgerQuery(checkPartner(partnerId), null, null, DEFAULT_PAGE_SIZE, null);
  }

  /**
   * As {@link #ofPartner(PartnerId)}, for a partner id a host holds as a string.
   *
   * @param partnerId the partner's id
   * @return the query
   * @throws InvalidInputException if the id is not a valid partner id
   */
  public static LedgerQuery ofPartner(String partnerId) {
    return ofPartner(PartnerId.of(partnerId));
  }

  /**
   * Only the lines of orders placed in a month of the programme's zone.
   *
   * @param month the month; never null
   * @return a new query
   * @throws InvalidInputException if the month is null or out of range
   */
  public LedgerQuery month(YearMonth month) {
    if (month == null) {
      throw new InvalidInputException("month", "must not be null");
    }
    Instants.checkMonth("month", month);
    return new LedgerQuery(partnerId(), month, state, pageSize(), after().orElse(null));
  }

  /**
   * Only the lines that stand in a state now.
   *
   * @param state the state; never null
   * @return a new query
   * @throws InvalidInputException if the state is null
   */
  public LedgerQuery state(LedgerLine.State state) {
    if (state == null) {
      throw new InvalidInputException("state", "must not be null");
    }
    return new LedgerQuery(partnerId(), month, state, pageSize(), after().orElse(null));
  }

  /**
   * How many lines a page holds at most.
   *
   * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
   * @return a new query
   * @throws InvalidInputException if the size is out of range
   */
  public LedgerQuery pageSize(int pageSize) {
    return new LedgerQuery(
        partnerId(), month, state, checkPageSize(pageSize), after().orElse(null));
  }

  /**
   * The page after a page this query (with the same partner, month and state) returned.
   *
   * @param position the previous page's {@link Page#next()}; never null
   * @return a new query
   * @throws InvalidInputException if the position is null
   */
  public LedgerQuery after(PagePosition position) {
    return new LedgerQuery(partnerId(), month, state, pageSize(), checkPosition(position));
  }

  /**
   * The month the lines' orders were placed in.
   *
   * @return the month, or empty for every month
   */
  public Optional<YearMonth> month() {
    return Optional.ofNullable(month);
  }

  /**
   * The state the lines stand in.
   *
   * @return the state, or empty for every state
   */
  public Optional<LedgerLine.State> state() {
    return Optional.ofNullable(state);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerQuery q
        && samePage(q)
        && Objects.equals(month, q.month)
        && state == q.state;
  }

  @Override
  public int hashCode() {
    return Objects.hash(partnerId(), month, state, pageSize(), after());
  }

  @Override
  public String toString() {
    return "LedgerQuery[partner "
        + partnerId()
        + (month == null ? "" : ", " + month)
        + (state == null ? "" : ", " + state)
        + pageText();
  }
}
