package org.partnerprogram.core.domain;

/**
 * The host's id of a product (for example {@code shared-hosting-basic}).
 *
 * <p>At most 64 characters: letters, digits and {@code - _ . : @ / +}. Compared exactly (case
 * matters).
 *
 * @param value the identifier; never null
 */
public record ProductId(String value) {
  /** The maximum length of the identifier, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, longer than {@link #MAX_LENGTH} or
   *     has characters outside the allowed set
   */
  public ProductId {
    Text.identifier("productId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier; never null
   * @return the identifier
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
