package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order as the host's billing reports it.
 *
 * @param orderId the host's order id; never null
 * @param customer the ordering customer account; never null
 * @param placedAt when the order was placed (this picks the rate version); never null
 * @param lines 1 to {@value #MAX_LINES} lines with distinct line numbers, all in one currency,
 *     whose net amounts add up to at most {@link Money#MAX_ABS_AMOUNT}; never null
 */
public record Order(
    OrderId orderId, CustomerAccountId customer, Instant placedAt, List<OrderLine> lines) {
  /** The most lines an order may have (a documented limit against absurd input). */
  public static final int MAX_LINES = 500;

  /**
   * Validates the order.
   *
   * @throws InvalidInputException if a component is null, there are no or too many lines, line
   *     numbers repeat, lines are in different currencies, or their net amounts add up to more than
   *     {@link Money#MAX_ABS_AMOUNT}
   */
  public Order {
    if (orderId == null || customer == null || placedAt == null || lines == null) {
      throw new InvalidInputException(
          "order", "orderId, customer, placedAt and lines are required");
    }
    if (lines.isEmpty() || lines.size() > MAX_LINES) {
      throw new InvalidInputException(
          "lines", "an order has 1 to " + MAX_LINES + " lines, this one has " + lines.size());
    }
    List<OrderLine> sorted = new java.util.ArrayList<>(lines);
    sorted.sort(java.util.Comparator.comparingInt(OrderLine::lineNumber));
    lines = List.copyOf(sorted);
    Set<Integer> numbers = new HashSet<>();
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    for (OrderLine line : lines) {
      if (!numbers.add(line.lineNumber())) {
        throw new InvalidInputException("lines", "line number " + line.lineNumber() + " repeats");
      }
      if (!line.net().currency().equals(lines.get(0).net().currency())) {
        throw new CurrencyMismatchException(lines.get(0).net().currency(), line.net().currency());
      }
      total = total.add(line.net().amount());
    }
    // Each line's commission is at most its net, so this bounds the order's commission too: an
    // order above it could be recorded but its commission never added up, so never paid.
    if (total.compareTo(Money.MAX_ABS_AMOUNT) > 0) {
      throw new InvalidInputException(
          "lines",
          "the lines' net amounts add up to more than "
              + Money.MAX_ABS_AMOUNT.toPlainString()
              + ", the most an order may total");
    }
    placedAt = Instants.check("placedAt", placedAt);
  }

  /**
   * The order's currency (that of its lines).
   *
   * @return never null
   */
  public java.util.Currency currency() {
    return lines.get(0).net().currency();
  }

  /**
   * The line with a number.
   *
   * @param lineNumber the number
   * @return the line
   * @throws InvalidInputException if the order has no such line
   */
  public OrderLine line(int lineNumber) {
    for (OrderLine line : lines) {
      if (line.lineNumber() == lineNumber) {
        return line;
      }
    }
    throw new InvalidInputException(
        "lineNumber", "order " + orderId + " has no line " + lineNumber);
  }
}
