package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;

/**
 * The host's billing reports an order: its lines with their net amounts (excluding VAT, after
 * discounts).
 *
 * <pre>{@code
 * RecordOrderCommand.builder("evt-990", "order-1")
 *     .customer("C202")
 *     .placedAt(placedAt)
 *     .line(1, "webhosting-basic", terms.money("59.88"))
 *     .line(OrderLine.of(2, "domain-nl", terms.money("9.99")).inGroup("domains"))
 *     .build()
 * }</pre>
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

  /**
   * An order under a host event id.
   *
   * @param eventId the host event's id
   * @param order the order; never null
   * @return the command
   * @throws InvalidInputException if the id is malformed or the order null
   */
  public static RecordOrderCommand of(String eventId, Order order) {
    return new RecordOrderCommand(EventId.of(eventId), order);
  }

  /**
   * Starts building an order from the host's strings.
   *
   * @param eventId the host event's id
   * @param orderId the order id
   * @return a builder
   * @throws InvalidInputException if an id is null or malformed
   */
  public static Builder builder(String eventId, String orderId) {
    return new Builder(EventId.of(eventId), OrderId.of(orderId));
  }

  /**
   * Builds a {@link RecordOrderCommand}; each step checks its input and {@link #build()} checks the
   * order as a whole, so a built command is valid.
   */
  public static final class Builder {
    private final EventId eventId;
    private final OrderId orderId;
    private CustomerAccountId customer;
    private Instant placedAt;
    private final List<OrderLine> lines = new ArrayList<>();

    private Builder(EventId eventId, OrderId orderId) {
      this.eventId = eventId;
      this.orderId = orderId;
    }

    /**
     * The customer who placed the order. Required.
     *
     * @param customerAccountId the host's customer account id
     * @return this builder
     * @throws InvalidInputException if the id is null or malformed
     */
    public Builder customer(String customerAccountId) {
      this.customer = CustomerAccountId.of(customerAccountId);
      return this;
    }

    /**
     * When the order was placed (the rate version in force then prices it). Required.
     *
     * @param at the instant; never null
     * @return this builder
     * @throws InvalidInputException if the instant is null
     */
    public Builder placedAt(Instant at) {
      if (at == null) {
        throw new InvalidInputException("placedAt", "must not be null");
      }
      this.placedAt = at;
      return this;
    }

    /**
     * Adds a line of a product without a group.
     *
     * @param number the line number, 1 to {@value Order#MAX_LINES}, unique in the order
     * @param productId the product id
     * @param net the net amount; never null, not negative
     * @return this builder
     * @throws InvalidInputException if the line is invalid
     */
    public Builder line(int number, String productId, Money net) {
      return line(OrderLine.of(number, productId, net));
    }

    /**
     * Adds a line.
     *
     * @param line the line; never null
     * @return this builder
     * @throws InvalidInputException if the line is null
     */
    public Builder line(OrderLine line) {
      if (line == null) {
        throw new InvalidInputException("lines", "must not contain null");
      }
      lines.add(line);
      return this;
    }

    /**
     * Builds the command.
     *
     * @return the command
     * @throws InvalidInputException if the customer, time or lines are missing, or the order is
     *     invalid (see {@link Order})
     */
    public RecordOrderCommand build() {
      if (customer == null) {
        throw new InvalidInputException("customer", "call customer(...) before build()");
      }
      if (placedAt == null) {
        throw new InvalidInputException("placedAt", "call placedAt(...) before build()");
      }
      return new RecordOrderCommand(eventId, new Order(orderId, customer, placedAt, lines));
    }
  }
}
