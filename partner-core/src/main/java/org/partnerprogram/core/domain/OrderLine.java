package org.partnerprogram.core.domain;

import java.util.Optional;

/**
 * One line of an order as the host's billing reports it.
 *
 * @param lineNumber the line's position, 1 to {@link Order#MAX_LINES}; unique within the order
 * @param productId the product; never null
 * @param productGroup the product's group, if it has one (rates may be set per group); never null
 * @param net the net amount: excluding VAT, after discounts; zero or more (a free first-year domain
 *     is a valid zero line); never null
 * @param description a short description for statements, if any; at most {@value
 *     #MAX_DESCRIPTION_LENGTH} characters; never null
 */
public record OrderLine(
    int lineNumber,
    ProductId productId,
    Optional<ProductGroupId> productGroup,
    Money net,
    Optional<String> description) {
  /** The longest description kept. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  /**
   * Validates the line.
   *
   * @throws InvalidInputException if a component is null, the line number is out of range, the net
   *     amount is negative or the description is too long or has control characters
   */
  public OrderLine {
    if (lineNumber < 1 || lineNumber > Order.MAX_LINES) {
      throw new InvalidInputException(
          "lineNumber", "must be 1 to " + Order.MAX_LINES + ", was " + lineNumber);
    }
    if (productId == null || productGroup == null || net == null || description == null) {
      throw new InvalidInputException("orderLine", "components must not be null");
    }
    if (net.isNegative()) {
      throw new InvalidInputException(
          "net",
          "line " + lineNumber + " has a negative amount " + net + "; report refunds instead");
    }
    description.ifPresent(d -> Text.freeText("description", d, MAX_DESCRIPTION_LENGTH));
  }

  /**
   * A line without group or description.
   *
   * @param lineNumber the position
   * @param productId the product id
   * @param net the net amount
   * @return the line
   */
  public static OrderLine of(int lineNumber, String productId, Money net) {
    return new OrderLine(
        lineNumber, ProductId.of(productId), Optional.empty(), net, Optional.empty());
  }

  /**
   * A line of a product in a group.
   *
   * @param lineNumber the position
   * @param productId the product id
   * @param group the group id
   * @param net the net amount
   * @return the line
   */
  public static OrderLine of(int lineNumber, String productId, String group, Money net) {
    return new OrderLine(
        lineNumber,
        ProductId.of(productId),
        Optional.of(ProductGroupId.of(group)),
        net,
        Optional.empty());
  }

  /**
   * The same line of a product in a group (a rate for the group applies when the product has none
   * of its own).
   *
   * @param groupId the group id
   * @return a new line
   * @throws InvalidInputException if the id is null or malformed
   */
  public OrderLine inGroup(String groupId) {
    return new OrderLine(
        lineNumber, productId, Optional.of(ProductGroupId.of(groupId)), net, description);
  }

  /**
   * The same line with a description (kept with the order, never shown to the partner).
   *
   * @param text the description, at most {@value #MAX_DESCRIPTION_LENGTH} characters
   * @return a new line
   * @throws InvalidInputException if the text is null, blank or too long
   */
  public OrderLine described(String text) {
    return new OrderLine(
        lineNumber,
        productId,
        productGroup,
        net,
        Optional.of(Text.freeText("description", text, MAX_DESCRIPTION_LENGTH)));
  }
}
