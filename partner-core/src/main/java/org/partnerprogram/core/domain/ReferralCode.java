package org.partnerprogram.core.domain;

import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

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

  /**
   * How the code that replaces an erased partner's vanity code starts ({@link
   * PseudonymKey#pseudonymOf(ReferralCode)}); no vanity code may start so.
   */
  public static final String ERASED_PREFIX = "ERASED-";

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

  /** The reserved words as they look: see {@link #looks(String)}. */
  private static final Set<String> RESERVED_LOOKS =
      RESERVED.stream().map(ReferralCode::looks).collect(Collectors.toUnmodifiableSet());

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
   * removed. Only ASCII is folded (with {@link Locale#ROOT}): a letter outside ASCII is refused
   * before case folding, since Java upper-cases some of them into other codes ({@code ſ} into
   * {@code S}, {@code ı} into {@code I}, {@code ß} into {@code SS}, {@code ﬁ} into {@code FI}).
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
    String stripped = text.strip();
    for (int i = 0; i < stripped.length(); i++) {
      if (stripped.charAt(i) > 0x7F) {
        throw new InvalidInputException(
            "code", "may only contain letters A-Z, digits and hyphens (position " + (i + 1) + ")");
      }
    }
    return new ReferralCode(stripped.toUpperCase(Locale.ROOT));
  }

  /**
   * Validates a vanity code a partner chose.
   *
   * @param text the wished-for code, any case
   * @return the code in canonical form
   * @throws InvalidInputException if it is malformed, a reserved word, a reserved word spelt with
   *     look-alike digits (see {@link #isReserved(ReferralCode)}), or starts with {@value
   *     #ERASED_PREFIX}
   */
  public static ReferralCode vanity(String text) {
    ReferralCode code = parse(text);
    if (isReserved(code)) {
      throw new InvalidInputException("code", "'" + code.value() + "' is reserved");
    }
    if (code.value().startsWith(ERASED_PREFIX)) {
      throw new InvalidInputException(
          "code", "must not start with " + ERASED_PREFIX + ", which marks erased partners' codes");
    }
    return code;
  }

  /**
   * Whether a code is a {@link #RESERVED} word, also when spelt with digits that look like its
   * letters: {@code ADM1N}, {@code R00T} and {@code SUPP0RT} are reserved like {@code ADMIN},
   * {@code ROOT} and {@code SUPPORT}. Compares with 0 read as O, 1 as I or L, 3 as E, 4 as A, 5 as
   * S, 7 as T and 8 as B.
   *
   * @param code the code; never null
   * @return true if the code is or imitates a reserved word
   */
  public static boolean isReserved(ReferralCode code) {
    return RESERVED_LOOKS.contains(looks(code.value()));
  }

  /**
   * What an upper-case code looks like, with look-alike digits read as letters. 1 looks like both I
   * and L, so L is read as I too (in codes and in reserved words alike).
   */
  private static String looks(String code) {
    char[] chars = code.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] =
          switch (chars[i]) {
            case '0' -> 'O';
            case '1', 'L' -> 'I';
            case '3' -> 'E';
            case '4' -> 'A';
            case '5' -> 'S';
            case '7' -> 'T';
            case '8' -> 'B';
            default -> chars[i];
          };
    }
    return new String(chars);
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
