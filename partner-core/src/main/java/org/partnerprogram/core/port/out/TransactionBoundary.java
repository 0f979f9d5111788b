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
   * Whether a unit of work started now, on the calling thread, would run in a transaction this
   * boundary begins and ends, so that if it threw it was rolled back whole and may be run again
   * from the start. False when it would join a transaction its caller owns (which the failure may
   * have aborted): the SDK then never repeats the unit on its own (see {@code RetryPolicy}). The
   * SDK asks before each outermost unit, so a boundary that joins the host's transaction when one
   * is open and owns one otherwise answers per call. The default is true.
   *
   * @return true if the next unit on this thread would own its transaction
   */
  default boolean ownsTransactions() {
    return true;
  }
}
