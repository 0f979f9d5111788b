package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's results, with where the next page starts. Pages are keyset-paged: {@link
 * #next()} names the last row of this page, not an offset, so rows recorded meanwhile never shift a
 * row onto two pages or off all of them, and a page costs the same however deep it is.
 *
 * <pre>{@code
 * Page<LedgerLine> page = program.commissions().ledger(query);
 * while (page.next().isPresent()) {
 *   page = program.commissions().ledger(query.after(page.next().get()));
 * }
 * }</pre>
 *
 * @param items this page's rows, in the query's order; never null, unmodifiable, empty only when
 *     nothing (more) matches
 * @param next the position to pass to the query's {@code after(..)} for the next page, or empty if
 *     this is the last page; never null
 * @param <T> the row type
 */
public record Page<T>(List<T> items, Optional<PagePosition> next) {

  /**
   * Checks the parts and copies the rows.
   *
   * @throws NullPointerException if a part or a row is null
   */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
