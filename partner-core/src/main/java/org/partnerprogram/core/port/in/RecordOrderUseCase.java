package org.partnerprogram.core.port.in;

/**
 * Records an order: if the customer was brought by a partner and the order earns under the
 * programme's policy, each line gets a pending commission priced with the rate version in force
 * when the order was placed. Idempotent per event id and per order id.
 */
@FunctionalInterface
public interface RecordOrderUseCase {

  /**
   * Records an order: if the customer was brought by a partner and the order earns under the
   * programme's policy, each line gets a pending commission priced with the rate version in force
   * when the order was placed. Idempotent per event id and per order id.
   *
   * @param command the command; never null
   * @return the priced lines, or why nobody earns; never null
   * @throws org.partnerprogram.core.domain.IdempotencyConflictException if the event id was used
   *     for different content, or the order id was recorded with different content
   * @throws org.partnerprogram.core.domain.CurrencyMismatchException if the order is not in the
   *     programme currency
   * @throws org.partnerprogram.core.domain.InvalidInputException if the placement time is out of
   *     range
   */
  OrderResult recordOrder(RecordOrderCommand command);
}
