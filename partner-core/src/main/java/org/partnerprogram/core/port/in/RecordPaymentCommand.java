package org.partnerprogram.core.port.in;

import java.time.Instant;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.OrderId;

/**
 * The host's billing reports that an order was paid <b>in full</b>. Commission is earned only once
 * the order is paid in full; a host whose invoices can be paid in parts reports the payment that
 * settles the invoice (partial payments earn nothing, so there is nothing to undo if the rest never
 * comes).
 *
 * @param eventId the host event's id (idempotency key); never null
 * @param orderId the order; never null
 * @param paidAt when it was paid (the holding period counts from here); never null
 */
public record RecordPaymentCommand(EventId eventId, OrderId orderId, Instant paidAt) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public RecordPaymentCommand {
    if (eventId == null || orderId == null || paidAt == null) {
      throw new InvalidInputException("payment", "eventId, orderId and paidAt must not be null");
    }
    paidAt = Instants.check("paidAt", paidAt);
  }

  /**
   * A payment in full, from the host's ids.
   *
   * @param eventId the host event's id (idempotency key)
   * @param orderId the order id
   * @param paidAt when it was paid; never null
   * @return the command
   * @throws InvalidInputException if an argument is null, malformed or out of range
   */
  public static RecordPaymentCommand of(String eventId, String orderId, Instant paidAt) {
    return new RecordPaymentCommand(EventId.of(eventId), OrderId.of(orderId), paidAt);
  }
}
