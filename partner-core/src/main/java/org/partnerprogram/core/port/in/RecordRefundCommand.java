package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Map;
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
 * @param eventId the host event's id (idempotency key); never null
 * @param orderId the order; never null
 * @param refundedAt when; never null
 * @param chargeback true for a chargeback, false for a refund
 * @param wholeOrder an amount on the whole order, or empty when {@code perLine} is given; never
 *     null
 * @param perLine amounts per line number, or empty when {@code wholeOrder} is given; never null
 */
public record RecordRefundCommand(
    EventId eventId,
    OrderId orderId,
    Instant refundedAt,
    boolean chargeback,
    Optional<Money> wholeOrder,
    Map<Integer, Money> perLine) {

  /**
   * Validates the command.
   *
   * @throws InvalidInputException if a component is null, both or neither form is given, or an
   *     amount is not positive
   */
  public RecordRefundCommand {
    if (eventId == null || orderId == null || refundedAt == null) {
      throw new InvalidInputException("refund", "eventId, orderId and refundedAt must not be null");
    }
    refundedAt = Instants.check("refundedAt", refundedAt);
    if (wholeOrder == null || perLine == null) {
      throw new InvalidInputException("refund", "wholeOrder and perLine must not be null");
    }
    if (wholeOrder.isPresent() == !perLine.isEmpty()) {
      throw new InvalidInputException(
          "refund", "give either an amount on the whole order or amounts per line");
    }
    wholeOrder.ifPresent(RecordRefundCommand::requirePositive);
    perLine.forEach(
        (line, amount) -> {
          if (line == null || amount == null) {
            throw new InvalidInputException("perLine", "must not contain nulls");
          }
          requirePositive(amount);
        });
    perLine = java.util.Collections.unmodifiableMap(new TreeMap<>(perLine));
  }

  private static void requirePositive(Money amount) {
    if (!amount.isPositive()) {
      throw new InvalidInputException(
          "amount", "a refund amount must be more than zero, was " + amount);
    }
  }

  /**
   * A refund of an amount on the whole order.
   *
   * @param eventId the event id
   * @param orderId the order id
   * @param refundedAt when
   * @param amount the net amount refunded
   * @return the command
   */
  public static RecordRefundCommand wholeOrder(
      EventId eventId, OrderId orderId, Instant refundedAt, Money amount) {
    return new RecordRefundCommand(
        eventId, orderId, refundedAt, false, Optional.ofNullable(amount), Map.of());
  }

  /**
   * A refund of amounts per line.
   *
   * @param eventId the event id
   * @param orderId the order id
   * @param refundedAt when
   * @param amounts net amounts by line number
   * @return the command
   */
  public static RecordRefundCommand perLine(
      EventId eventId, OrderId orderId, Instant refundedAt, Map<Integer, Money> amounts) {
    return new RecordRefundCommand(eventId, orderId, refundedAt, false, Optional.empty(), amounts);
  }
}
