package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Order;

/**
 * The host's billing reports an order.
 *
 * @param eventId the host event's id (idempotency key); never null
 * @param order the order; never null
 */
public record RecordOrderCommand(EventId eventId, Order order) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public RecordOrderCommand {
    if (eventId == null || order == null) {
      throw new InvalidInputException("order", "eventId and order must not be null");
    }
  }
}
