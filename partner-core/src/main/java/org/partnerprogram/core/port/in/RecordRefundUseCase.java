package org.partnerprogram.core.port.in;

/**
 * Records a refund or chargeback: commission is taken back in proportion per line (cancelled if the
 * order is unpaid, reversed if paid; after a payout the balance goes negative and later payouts net
 * against it). Idempotent per event id.
 */
@FunctionalInterface
public interface RecordRefundUseCase {

  /**
   * Records a refund or chargeback: commission is taken back in proportion per line (cancelled if
   * the order is unpaid, reversed if paid; after a payout the balance goes negative and later
   * payouts net against it). Idempotent per event id.
   *
   * @param command the command; never null
   * @return the entries booked; never null
   * @throws org.partnerprogram.core.domain.OrderNotRecordedException (retryable) if the order has
   *     not been recorded yet
   * @throws org.partnerprogram.core.domain.InvalidInputException if an amount exceeds what is left
   *     to refund, names an unknown line, or is in another currency
   * @throws org.partnerprogram.core.domain.IdempotencyConflictException if the event id was used
   *     for different content
   */
  RefundResult recordRefund(RecordRefundCommand command);
}
