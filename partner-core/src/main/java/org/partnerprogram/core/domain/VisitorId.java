package org.partnerprogram.core.domain;

/**
 * The host's opaque id of a browser that followed a referral link, as kept in the host's cookie. It
 * must not be personal data: a random value the host generates, never an e-mail address or an IP.
 *
 * <p>At most {@value #MAX_LENGTH} characters: letters, digits and {@code - _ . : @ / +}.
 *
 * @param value the identifier; never null
 */
public record VisitorId(String value) {
  /** The maximum length, in characters. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if null, blank, too long or with other characters
   */
  public VisitorId {
    Text.identifier("visitorId", value, MAX_LENGTH);
  }

  /**
   * Creates the identifier.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if it is not valid
   */
  public static VisitorId of(String value) {
    return new VisitorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
