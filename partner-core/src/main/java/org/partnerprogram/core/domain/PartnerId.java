package org.partnerprogram.core.domain;

import java.util.random.RandomGenerator;

/**
 * The programme's id of a partner. Generated ids are 26 random characters (130 bits from the
 * programme's secure random source), so they reveal neither order nor count of partners.
 *
 * @param value the identifier; never null
 */
public record PartnerId(String value) {
  /** The maximum length of a partner id, in characters. */
  public static final int MAX_LENGTH = 40;

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  /**
   * Validates the identifier.
   *
   * @throws InvalidInputException if the value is null, empty, too long or has other characters
   *     than letters, digits and {@code - _ . : @ / +}
   */
  public PartnerId {
    Text.identifier("partnerId", value, MAX_LENGTH);
  }

  /**
   * Wraps an existing partner id.
   *
   * @param value the identifier; never null
   * @return the id
   * @throws InvalidInputException if the value is not a valid identifier
   */
  public static PartnerId of(String value) {
    return new PartnerId(value);
  }

  /**
   * Generates a new random id.
   *
   * @param random the source of randomness; a {@link java.security.SecureRandom} in production
   * @return a new id of 26 characters
   */
  public static PartnerId random(RandomGenerator random) {
    char[] id = new char[26];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new PartnerId("p_" + new String(id));
  }

  @Override
  public String toString() {
    return value;
  }
}
