package org.partnerprogram.core.port.out;

import java.util.function.Supplier;

/**
 * Runs one use case as one unit of work. The JDBC adapter either begins and commits its own
 * transaction or joins the host's; the in-memory adapter serialises units and undoes a failed one.
 */
@FunctionalInterface
public interface TransactionBoundary {

  /**
   * Runs the work in a transaction: commits when it returns, rolls back when it throws (and
   * rethrows).
   *
   * @param work the work; never null
   * @param <T> the result type
   * @return what the work returned
   * @throws org.partnerprogram.core.domain.PartnerProgramException what the work threw, or a {@link
   *     org.partnerprogram.core.domain.RetryableException} if the commit failed transiently
   */
  <T> T execute(Supplier<T> work);

  /**
   * Whether this boundary begins and ends its own transactions, so that a unit of work that threw
   * was rolled back whole and may be run again from the start. False when it joins a transaction
   * its caller owns (which the failure may have aborted): the SDK then never repeats a unit on its
   * own (see {@code RetryPolicy}). The default is true.
   *
   * @return true if the boundary owns its transactions
   */
  default boolean ownsTransactions() {
    return true;
  }
}
