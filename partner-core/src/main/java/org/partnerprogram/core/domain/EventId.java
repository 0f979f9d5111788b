package org.partnerprogram.core.domain;

/**
 * The host's id of one event it delivers (an order, a payment, a refund), for idempotency: the same
 * id delivered again has effect once.
 *
 * <p>At most 64 characters: letters, digits and {@code - _ . : @ / +}. Compared exactly (case
 * matters).
 *
 * @param value the identifier; never null
 */
public record EventId(String value) {
  /** The maximum length of the identifier, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, longer than {@link #MAX_LENGTH} or
   *     has characters outside the allowed set
   */
  public EventId {
    Text.identifier("eventId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier; never null
   * @return the identifier
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
