package org.partnerprogram.core.port.in;

import java.util.Collection;
import java.util.Set;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderNotRecordedException;

/**
 * What the host's billing reports: orders, payments, refunds and chargebacks, each a host event
 * that is idempotent by its event id. Handed out by {@code PartnerProgram.commissions()}; safe for
 * concurrent use. A redelivery has effect once and returns the original result; the same event id
 * with another payload is an {@link IdempotencyConflictException} and writes nothing.
 */
public interface Commissions {

  /**
   * Records an order and prices it for the partner who brought the customer.
   *
   * @param command the order; never null
   * @return priced, or recorded as earning nothing and why; never null
   * @throws CurrencyMismatchException if the order is in another currency than the programme's
   * @throws InvalidInputException if it is placed beyond the programme's clock
   * @throws IdempotencyConflictException if the event id or order id was used with another order
   */
  OrderResult recordOrder(RecordOrderCommand command);

  /**
   * Records that an order was paid in full: its pending commission is earned.
   *
   * @param command the payment; never null
   * @return earned, nothing earned, already paid, or a redelivery; never null
   * @throws OrderNotRecordedException if the order was not recorded yet (retryable: deliver it
   *     again later)
   * @throws InvalidInputException if it is dated before the order or beyond the programme's clock
   */
  PaymentResult recordPayment(RecordPaymentCommand command);

  /**
   * Records a refund or chargeback: commission is taken back in proportion per line.
   *
   * @param command the refund; never null
   * @return what it booked; never null
   * @throws OrderNotRecordedException if the order was not recorded yet (retryable)
   * @throws InvalidInputException if an amount exceeds what is left of a line or order
   */
  RefundResult recordRefund(RecordRefundCommand command);

  /**
   * Which of the given host event ids were processed, to redeliver lost webhooks without guessing.
   *
   * @param eventIds up to 1,000 event ids
   * @return the processed ones; never null
   * @throws InvalidInputException if there are none, more than 1,000, or one is malformed
   */
  Set<EventId> processed(Collection<String> eventIds);

  /**
   * A page of one partner's commission lines with where each stands now (pending, held, payable, in
   * a payout, paid), for the partner page, support ("why is this order not paid out yet?") and
   * finance. It lives here, beside the orders, payments and refunds that make the lines, because a
   * host asks it about commissions; {@code partners()} holds the partner's account. Lines carry no
   * customer data.
   *
   * @param query the partner, optionally a month and a state, the page size and position; never
   *     null
   * @return the page, in the order the orders were placed
   * @throws InvalidInputException if the query is null or its position is not one a ledger query
   *     returned
   * @throws NotFoundException if the partner does not exist
   */
  Page<LedgerLine> ledger(LedgerQuery query);
}
