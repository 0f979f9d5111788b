package org.partnerprogram.core.domain;

/**
 * The host's own id of a customer account. The programme never stores anything else about the
 * customer.
 *
 * <p>At most 64 characters: letters, digits and {@code - _ . : @ / +}. Compared exactly (case
 * matters).
 *
 * @param value the identifier; never null
 */
public record CustomerAccountId(String value) {
  /** The maximum length of the identifier, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, longer than {@link #MAX_LENGTH} or
   *     has characters outside the allowed set
   */
  public CustomerAccountId {
    Text.identifier("customerAccountId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier; never null
   * @return the identifier
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static CustomerAccountId of(String value) {
    return new CustomerAccountId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
