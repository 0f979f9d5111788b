package org.partnerprogram.core.domain;

import java.util.random.RandomGenerator;

/**
 * The id of a payout: {@code PO} and 24 random upper-case letters and digits (about 124 bits),
 * which is also the SEPA end-to-end reference the partner sees on their bank statement (within the
 * 35 characters and the character set SEPA allows).
 *
 * @param value the id; never null
 */
public record PayoutId(String value) {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /**
   * Validates the id.
   *
   * @throws InvalidInputException if it is not {@code PO} followed by 24 letters or digits
   */
  public PayoutId {
    if (value == null || !value.matches("PO[0-9A-Z]{24}")) {
      throw new InvalidInputException("payoutId", "must be PO followed by 24 letters or digits");
    }
  }

  /**
   * Wraps an existing id.
   *
   * @param value the id
   * @return the id
   * @throws InvalidInputException if malformed
   */
  public static PayoutId of(String value) {
    return new PayoutId(value);
  }

  /**
   * A new random id.
   *
   * @param random the programme's secure random source
   * @return the id
   */
  public static PayoutId random(RandomGenerator random) {
    StringBuilder b = new StringBuilder("PO");
    for (int i = 0; i < 24; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new PayoutId(b.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
