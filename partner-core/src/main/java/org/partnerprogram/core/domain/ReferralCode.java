package org.partnerprogram.core.domain;

import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A referral code: the part of a referral link that identifies the partner. Codes are
 * case-insensitive: they are kept and compared in upper case, so {@code "ab3k"} and {@code "AB3K"}
 * are the same code.
 *
 * <p><b>Generated codes</b> ({@link #generate(RandomGenerator)}) are {@value #GENERATED_LENGTH}
 * characters from the {@value #ALPHABET} alphabet: 30 symbols without the look-alikes 0/O, 1/I/L
 * and U/V confusion, so a code read aloud or typed from paper survives. That is 30^12, about 5.3 x
 * 10^17 codes, or 58.9 bits of entropy from a {@link java.security.SecureRandom}: with a million
 * live codes a guesser needs on average about 2.7 x 10^11 attempts per hit.
 *
 * <p><b>Vanity codes</b> ({@link #vanity(String)}) are chosen by a person: {@value #MIN_LENGTH} to
 * {@value #MAX_LENGTH} letters, digits and inner hyphens, not a reserved word. All codes are
 * URL-safe.
 *
 * @param value the code in upper case; never null
 */
public record ReferralCode(String value) {
  /** The symbols of generated codes. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** The length of generated codes. */
  public static final int GENERATED_LENGTH = 12;

  /** The shortest code accepted. */
  public static final int MIN_LENGTH = 4;

  /** The longest code accepted. */
  public static final int MAX_LENGTH = 32;

  /** Words refused as vanity codes because they would be confused with the host's own paths. */
  public static final Set<String> RESERVED =
      Set.of(
          "ADMIN",
          "API",
          "APP",
          "BILLING",
          "CHECKOUT",
          "DEFAULT",
          "HELP",
          "LOGIN",
          "LOGOUT",
          "NULL",
          "NONE",
          "ORDER",
          "PARTNER",
          "PARTNERS",
          "REF",
          "ROOT",
          "SIGNUP",
          "STAFF",
          "SUPPORT",
          "SYSTEM",
          "TEST",
          "UNDEFINED",
          "WWW");

  /**
   * Validates a code already in canonical (upper-case) form.
   *
   * @throws InvalidInputException if the code is null, too short or long, or has characters other
   *     than A-Z, 0-9 and inner hyphens
   */
  public ReferralCode {
    if (value == null) {
      throw new InvalidInputException("code", "must not be null");
    }
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "code",
          "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        throw new InvalidInputException(
            "code", "may only contain letters A-Z, digits and hyphens (position " + (i + 1) + ")");
      }
    }
    if (value.startsWith("-") || value.endsWith("-") || value.contains("--")) {
      throw new InvalidInputException(
          "code", "must not start or end with a hyphen or contain two in a row");
    }
  }

  /**
   * Parses a code as it arrives from a link or a form: case-insensitive, surrounding white space
   * removed.
   *
   * @param text the code; may be null (which is rejected)
   * @return the code in canonical form
   * @throws InvalidInputException if the text is not a well-formed code
   */
  public static ReferralCode parse(String text) {
    if (text == null) {
      throw new InvalidInputException("code", "must not be null");
    }
    if (text.length() > MAX_LENGTH + 16) {
      throw new InvalidInputException("code", "must be at most " + MAX_LENGTH + " characters");
    }
    return new ReferralCode(text.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * Validates a vanity code a partner chose.
   *
   * @param text the wished-for code, any case
   * @return the code in canonical form
   * @throws InvalidInputException if it is malformed or a reserved word
   */
  public static ReferralCode vanity(String text) {
    ReferralCode code = parse(text);
    if (RESERVED.contains(code.value())) {
      throw new InvalidInputException("code", "'" + code.value() + "' is reserved");
    }
    return code;
  }

  /**
   * Generates a random code of {@value #GENERATED_LENGTH} characters from {@link #ALPHABET}.
   *
   * @param random the source; a {@link java.security.SecureRandom} in production
   * @return a new code
   */
  public static ReferralCode generate(RandomGenerator random) {
    char[] chars = new char[GENERATED_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new ReferralCode(new String(chars));
  }

  @Override
  public String toString() {
    return value;
  }
}
