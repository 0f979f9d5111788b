package org.partnerprogram.core.port.in;

/**
 * Records that an order was paid in full: its pending commission becomes earned, payable after the
 * holding period. Idempotent per event id; a second payment of a paid order books nothing.
 */
@FunctionalInterface
public interface RecordPaymentUseCase {

  /**
   * Records that an order was paid in full: its pending commission becomes earned, payable after
   * the holding period. Idempotent per event id; a second payment of a paid order books nothing.
   *
   * @param command the command; never null
   * @return the entries booked; never null
   * @throws org.partnerprogram.core.domain.OrderNotRecordedException (retryable) if the order has
   *     not been recorded yet
   * @throws org.partnerprogram.core.domain.IdempotencyConflictException if the event id was used
   *     for different content
   */
  PaymentResult recordPayment(RecordPaymentCommand command);
}
