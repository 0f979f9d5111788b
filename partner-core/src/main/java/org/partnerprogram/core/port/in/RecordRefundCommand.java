package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;

/**
 * The host's billing reports a refund or a chargeback, of net amounts (excluding VAT, like order
 * lines): either an amount on the whole order, spread over its lines in proportion to what is left
 * of each, or amounts per line. Commission is taken back in proportion per line, never beyond what
 * the line earned.
 *
 * <pre>{@code
 * RecordRefundCommand.wholeOrder("evt-991", "order-1", refundedAt, terms.money("30.00"))
 * RecordRefundCommand.perLine("evt-992", "order-1", refundedAt, Map.of(2, terms.money("9.99")))
 *     .asChargeback()
 * }</pre>
 */
public final class RecordRefundCommand {
  private final EventId eventId;
  private final OrderId orderId;
  private final Instant refundedAt;
  private final boolean chargeback;
  private final Money wholeOrder; // null when per line
  private final Map<Integer, Money> perLine; // empty when on the whole order

  private RecordRefundCommand(
      EventId eventId,
      OrderId orderId,
      Instant refundedAt,
      boolean chargeback,
      Money wholeOrder,
      Map<Integer, Money> perLine) {
    this.eventId = eventId;
    this.orderId = orderId;
    this.refundedAt = refundedAt;
    this.chargeback = chargeback;
    this.wholeOrder = wholeOrder;
    this.perLine = perLine;
  }

  private static void requireIds(EventId eventId, OrderId orderId, Instant refundedAt) {
    if (eventId == null || orderId == null || refundedAt == null) {
      throw new InvalidInputException("refund", "eventId, orderId and refundedAt must not be null");
    }
  }

  private static void requirePositive(Money amount) {
    if (amount == null) {
      throw new InvalidInputException("amount", "must not be null");
    }
    if (!amount.isPositive()) {
      throw new InvalidInputException(
          "amount", "a refund amount must be more than zero, was " + amount);
    }
  }

  /**
   * A refund of an amount on the whole order.
   *
   * @param eventId the host event's id (idempotency key); never null
   * @param orderId the order; never null
   * @param refundedAt when; never null, in [1970, 3000)
   * @param amount the net amount refunded; more than zero
   * @return the command
   * @throws InvalidInputException if an argument is null or out of range
   */
  public static RecordRefundCommand wholeOrder(
      EventId eventId, OrderId orderId, Instant refundedAt, Money amount) {
    requireIds(eventId, orderId, refundedAt);
    requirePositive(amount);
    return new RecordRefundCommand(
        eventId, orderId, Instants.check("refundedAt", refundedAt), false, amount, Map.of());
  }

  /**
   * A refund of an amount on the whole order, from the host's ids.
   *
   * @param eventId the host event's id
   * @param orderId the order id
   * @param refundedAt when; never null
   * @param amount the net amount refunded; more than zero
   * @return the command
   * @throws InvalidInputException if an argument is null, malformed or out of range
   */
  public static RecordRefundCommand wholeOrder(
      String eventId, String orderId, Instant refundedAt, Money amount) {
    return wholeOrder(EventId.of(eventId), OrderId.of(orderId), refundedAt, amount);
  }

  /**
   * A refund of amounts per line.
   *
   * @param eventId the host event's id (idempotency key); never null
   * @param orderId the order; never null
   * @param refundedAt when; never null, in [1970, 3000)
   * @param amounts net amounts by line number; at least one, each more than zero
   * @return the command
   * @throws InvalidInputException if an argument is null, empty or out of range
   */
  public static RecordRefundCommand perLine(
      EventId eventId, OrderId orderId, Instant refundedAt, Map<Integer, Money> amounts) {
    requireIds(eventId, orderId, refundedAt);
    if (amounts == null || amounts.isEmpty()) {
      throw new InvalidInputException("perLine", "give an amount for at least one line");
    }
    Map<Integer, Money> copy = new TreeMap<>();
    amounts.forEach(
        (line, amount) -> {
          if (line == null) {
            throw new InvalidInputException("perLine", "must not contain nulls");
          }
          requirePositive(amount);
          copy.put(line, amount);
        });
    return new RecordRefundCommand(
        eventId,
        orderId,
        Instants.check("refundedAt", refundedAt),
        false,
        null,
        Collections.unmodifiableMap(copy));
  }

  /**
   * A refund of amounts per line, from the host's ids.
   *
   * @param eventId the host event's id
   * @param orderId the order id
   * @param refundedAt when; never null
   * @param amounts net amounts by line number; at least one, each more than zero
   * @return the command
   * @throws InvalidInputException if an argument is null, malformed or out of range
   */
  public static RecordRefundCommand perLine(
      String eventId, String orderId, Instant refundedAt, Map<Integer, Money> amounts) {
    return perLine(EventId.of(eventId), OrderId.of(orderId), refundedAt, amounts);
  }

  /**
   * The same refund reported as a chargeback (the ledger treats both alike; the event says which).
   *
   * @return a new command
   */
  public RecordRefundCommand asChargeback() {
    return new RecordRefundCommand(eventId, orderId, refundedAt, true, wholeOrder, perLine);
  }

  /**
   * The host event's id.
   *
   * @return never null
   */
  public EventId eventId() {
    return eventId;
  }

  /**
   * The order.
   *
   * @return never null
   */
  public OrderId orderId() {
    return orderId;
  }

  /**
   * When the refund happened.
   *
   * @return never null
   */
  public Instant refundedAt() {
    return refundedAt;
  }

  /**
   * Whether it is a chargeback.
   *
   * @return true after {@link #asChargeback()}
   */
  public boolean isChargeback() {
    return chargeback;
  }

  /**
   * The amount on the whole order.
   *
   * @return the amount, or empty for a refund per line
   */
  public Optional<Money> wholeOrder() {
    return Optional.ofNullable(wholeOrder);
  }

  /**
   * The amounts per line.
   *
   * @return by line number; empty for a refund on the whole order
   */
  public Map<Integer, Money> perLine() {
    return perLine;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordRefundCommand c
        && eventId.equals(c.eventId)
        && orderId.equals(c.orderId)
        && refundedAt.equals(c.refundedAt)
        && chargeback == c.chargeback
        && Objects.equals(wholeOrder, c.wholeOrder)
        && perLine.equals(c.perLine);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, orderId, refundedAt, chargeback, wholeOrder, perLine);
  }

  @Override
  public String toString() {
    return "RecordRefundCommand["
        + eventId
        + ", "
        + orderId
        + ", "
        + refundedAt
        + (chargeback ? ", chargeback" : "")
        + (wholeOrder == null ? ", per line " + perLine : ", whole order " + wholeOrder)
        + "]";
  }
}
