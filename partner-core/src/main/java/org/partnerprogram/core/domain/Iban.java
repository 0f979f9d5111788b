package org.partnerprogram.core.domain;

import java.math.BigInteger;
import java.util.Map;

/**
 * An International Bank Account Number, validated by its country's length (the SWIFT IBAN registry)
 * and its ISO 7064 mod-97-10 check digits. Input is normalised, not rejected, for spaces and lower
 * case: {@code "nl91 abna 0417 1643 00"} is {@code NL91ABNA0417164300}.
 *
 * @param value the IBAN in electronic form: upper case, no spaces; never null
 */
public record Iban(String value) {
  /** The longest IBAN any country issues (Russia, 33 characters). */
  public static final int MAX_LENGTH = 34;

  private static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BI", 27),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DJ", 27),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FK", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("LY", 25),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MN", 20),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NI", 28),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("OM", 23),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("RU", 33),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SD", 18),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("SO", 23),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20),
          Map.entry("YE", 30));

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /**
   * Validates an IBAN that is already in electronic form.
   *
   * @throws InvalidIbanException if it fails any check
   */
  public Iban {
    validate(value);
  }

  /**
   * Parses an IBAN as a person would type it: spaces are removed and letters upper-cased first.
   *
   * @param text the IBAN; may be null (which is rejected)
   * @return the validated IBAN
   * @throws InvalidIbanException naming the check that failed
   */
  public static Iban parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidIbanException(InvalidIbanException.Problem.EMPTY, "must not be empty");
    }
    if (text.length() > 64) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_LENGTH, "is far too long to be an IBAN");
    }
    StringBuilder normalised = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      normalised.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
    }
    return new Iban(normalised.toString());
  }

  /**
   * Whether a country issues IBANs (per the table this version carries).
   *
   * @param countryCode an ISO 3166 alpha-2 code in upper case
   * @return true if the country is known
   */
  public static boolean isIbanCountry(String countryCode) {
    return LENGTHS.containsKey(countryCode);
  }

  /**
   * The IBAN length of a country.
   *
   * @param countryCode an ISO 3166 alpha-2 code in upper case
   * @return the length, or 0 if the country does not issue IBANs
   */
  public static int lengthFor(String countryCode) {
    return LENGTHS.getOrDefault(countryCode, 0);
  }

  private static void validate(String iban) {
    if (iban == null || iban.isEmpty()) {
      throw new InvalidIbanException(InvalidIbanException.Problem.EMPTY, "must not be empty");
    }
    for (int i = 0; i < iban.length(); i++) {
      char c = iban.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw new InvalidIbanException(
            InvalidIbanException.Problem.ILLEGAL_CHARACTERS,
            "may only contain letters A-Z, digits and spaces; found an illegal character at"
                + " position "
                + (i + 1));
      }
    }
    if (iban.length() < 4) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_LENGTH, "is too short to be an IBAN");
    }
    String country = iban.substring(0, 2);
    Integer expected = LENGTHS.get(country);
    if (expected == null) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.UNKNOWN_COUNTRY,
          "country code '" + country + "' does not issue IBANs");
    }
    if (iban.length() != expected) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_LENGTH,
          "an IBAN from "
              + country
              + " has "
              + expected
              + " characters, this one has "
              + iban.length());
    }
    if (!Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_CHECK_DIGITS, "check digits must be two digits");
    }
    if (mod97(iban) != 1) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_CHECK_DIGITS,
          "check digits do not match; the IBAN has a typing error");
    }
  }

  /** ISO 7064 mod-97-10 over the rearranged IBAN (letters as 10..35). */
  static int mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
    }
    return remainder;
  }

  /**
   * Computes the two check digits for a country code and a BBAN, for building test IBANs.
   *
   * @param countryCode the country, upper case
   * @param bban the basic bank account number, upper-case letters and digits
   * @return the check digits as two characters
   */
  public static String checkDigits(String countryCode, String bban) {
    String numeric = toDigits(bban + countryCode + "00");
    int check = 98 - new BigInteger(numeric).mod(NINETY_SEVEN).intValue();
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  private static String toDigits(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return b.toString();
  }

  /**
   * The country code.
   *
   * @return the first two letters
   */
  public String countryCode() {
    return value.substring(0, 2);
  }

  /**
   * The IBAN in groups of four, as printed on statements: {@code NL91 ABNA 0417 1643 00}.
   *
   * @return the formatted IBAN
   */
  public String formatted() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < value.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(value, i, Math.min(i + 4, value.length()));
    }
    return b.toString();
  }

  /**
   * The IBAN with all but the country code and the last four characters hidden, for screens: {@code
   * NL** **** **** **** 6430} style, without grouping: {@code NL************6430}.
   *
   * @return the masked IBAN
   */
  public String masked() {
    return value.substring(0, 2)
        + "*".repeat(value.length() - 6)
        + value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return masked();
  }
}
