package org.partnerprogram.core.domain;

/**
 * The host billing system's id of an order.
 *
 * <p>At most 64 characters: letters, digits and {@code - _ . : @ / +}. Compared exactly (case
 * matters).
 *
 * @param value the identifier; never null
 */
public record OrderId(String value) {
  /** The maximum length of the identifier, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, longer than {@link #MAX_LENGTH} or
   *     has characters outside the allowed set
   */
  public OrderId {
    Text.identifier("orderId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier; never null
   * @return the identifier
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
