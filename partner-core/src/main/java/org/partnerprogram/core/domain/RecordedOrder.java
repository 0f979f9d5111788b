package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as recorded, with what the programme decided about it: which partner earns on it, or why
 * nobody does.
 *
 * @param order the order; never null
 * @param partnerId the partner who earns on it, or empty; never null
 * @param notEarning why nobody earns on it, or empty when a partner does; never null
 * @param sourceEvent the host event that recorded it; never null
 * @param recordedAt when; never null
 */
public record RecordedOrder(
    Order order,
    Optional<PartnerId> partnerId,
    Optional<NotEarningReason> notEarning,
    EventId sourceEvent,
    Instant recordedAt) {

  /** Why an order earns nobody a commission. */
  public enum NotEarningReason {
    /** The customer was not brought by a partner. */
    CUSTOMER_NOT_ATTRIBUTED,
    /** The partner left the programme before the order was placed. */
    PARTNER_LEFT,
    /** The programme pays on the first order only, and this is not it. */
    NOT_FIRST_ORDER,
    /** The programme pays on orders within some months of the signup, and this one is later. */
    OUTSIDE_EARNING_PERIOD
  }

  /**
   * Checks for nulls and that exactly one of partner and reason is present.
   *
   * @throws IllegalArgumentException if both or neither are present
   */
  public RecordedOrder {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(notEarning, "notEarning");
    Objects.requireNonNull(sourceEvent, "sourceEvent");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (partnerId.isPresent() == notEarning.isPresent()) {
      throw new IllegalArgumentException("exactly one of partnerId and notEarning must be present");
    }
  }

  /**
   * This order under another customer id (a pseudonym, when the customer is erased).
   *
   * @param replacement the id; never null
   * @return the order with its customer replaced, all else equal
   */
  public RecordedOrder withCustomer(CustomerAccountId replacement) {
    Order o = order;
    return new RecordedOrder(
        new Order(o.orderId(), replacement, o.placedAt(), o.lines()),
        partnerId,
        notEarning,
        sourceEvent,
        recordedAt);
  }
}
