package org.partnerprogram.core.domain;

/**
 * The host's id of a group of products that share one rate (for example {@code vps}).
 *
 * <p>At most 64 characters: letters, digits and {@code - _ . : @ / +}. Compared exactly (case
 * matters).
 *
 * @param value the identifier; never null
 */
public record ProductGroupId(String value) {
  /** The maximum length of the identifier, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, longer than {@link #MAX_LENGTH} or
   *     has characters outside the allowed set
   */
  public ProductGroupId {
    Text.identifier("productGroupId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier; never null
   * @return the identifier
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static ProductGroupId of(String value) {
    return new ProductGroupId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
