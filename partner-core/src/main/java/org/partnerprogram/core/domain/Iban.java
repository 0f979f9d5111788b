package org.partnerprogram.core.domain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An International Bank Account Number (ISO 13616), validated by its country's length and BBAN
 * format (the SWIFT IBAN Registry: the Dutch account part is 4 letters, then 10 digits) and by its
 * ISO 7064 mod-97-10 check digits, which must lie between 02 and 98 (00, 01 and 99 satisfy the
 * checksum but are never issued). Input is normalised, not rejected, for spaces and lower case:
 * {@code "nl91 abna 0417 1643 00"} is {@code NL91ABNA0417164300}.
 *
 * <p>Any country's valid IBAN is an {@code Iban}: a customer's account, compared for self-referral,
 * may be foreign. Whether a SEPA credit transfer reaches it is {@link #isSepa()}.
 *
 * @param value the IBAN in electronic form: upper case, no spaces; never null
 */
public record Iban(String value) {
  /** The longest IBAN any country issues (Russia, 33 characters). */
  public static final int MAX_LENGTH = 34;

  /**
   * The BBAN (the part after the check digits) of every country, in the notation of the SWIFT IBAN
   * Registry (ISO 13616 registration authority;
   * https://www.swift.com/standards/data-standards/iban, the releases of 2024 and 2025, with
   * Honduras): {@code n} digits, {@code a} upper-case letters, {@code c} letters or digits, each
   * after its count ({@code 4!a10!n}: four letters, then ten digits).
   */
  private static final Map<String, String> BBAN_FORMATS =
      Map.ofEntries(
          Map.entry("AD", "4!n4!n12!c"),
          Map.entry("AE", "3!n16!n"),
          Map.entry("AL", "8!n16!c"),
          Map.entry("AT", "5!n11!n"),
          Map.entry("AZ", "4!a20!c"),
          Map.entry("BA", "3!n3!n8!n2!n"),
          Map.entry("BE", "3!n7!n2!n"),
          Map.entry("BG", "4!a4!n2!n8!c"),
          Map.entry("BH", "4!a14!c"),
          Map.entry("BI", "5!n5!n11!n2!n"),
          Map.entry("BR", "8!n5!n10!n1!a1!c"),
          Map.entry("BY", "4!c4!n16!c"),
          Map.entry("CH", "5!n12!c"),
          Map.entry("CR", "4!n14!n"),
          Map.entry("CY", "3!n5!n16!c"),
          Map.entry("CZ", "4!n6!n10!n"),
          Map.entry("DE", "8!n10!n"),
          Map.entry("DJ", "5!n5!n11!n2!n"),
          Map.entry("DK", "4!n9!n1!n"),
          Map.entry("DO", "4!c20!n"),
          Map.entry("EE", "2!n14!n"),
          Map.entry("EG", "4!n4!n17!n"),
          Map.entry("ES", "4!n4!n1!n1!n10!n"),
          Map.entry("FI", "3!n11!n"),
          Map.entry("FK", "2!a12!n"),
          Map.entry("FO", "4!n9!n1!n"),
          Map.entry("FR", "5!n5!n11!c2!n"),
          Map.entry("GB", "4!a6!n8!n"),
          Map.entry("GE", "2!a16!n"),
          Map.entry("GI", "4!a15!c"),
          Map.entry("GL", "4!n9!n1!n"),
          Map.entry("GR", "3!n4!n16!c"),
          Map.entry("GT", "4!c20!c"),
          Map.entry("HN", "4!a20!n"),
          Map.entry("HR", "7!n10!n"),
          Map.entry("HU", "3!n4!n1!n15!n1!n"),
          Map.entry("IE", "4!a6!n8!n"),
          Map.entry("IL", "3!n3!n13!n"),
          Map.entry("IQ", "4!a3!n12!n"),
          Map.entry("IS", "4!n2!n6!n10!n"),
          Map.entry("IT", "1!a5!n5!n12!c"),
          Map.entry("JO", "4!a4!n18!c"),
          Map.entry("KW", "4!a22!c"),
          Map.entry("KZ", "3!n13!c"),
          Map.entry("LB", "4!n20!c"),
          Map.entry("LC", "4!a24!c"),
          Map.entry("LI", "5!n12!c"),
          Map.entry("LT", "5!n11!n"),
          Map.entry("LU", "3!n13!c"),
          Map.entry("LV", "4!a13!c"),
          Map.entry("LY", "3!n3!n15!n"),
          Map.entry("MC", "5!n5!n11!c2!n"),
          Map.entry("MD", "2!c18!c"),
          Map.entry("ME", "3!n13!n2!n"),
          Map.entry("MK", "3!n10!c2!n"),
          Map.entry("MN", "4!n12!n"),
          Map.entry("MR", "5!n5!n11!n2!n"),
          Map.entry("MT", "4!a5!n18!c"),
          Map.entry("MU", "4!a2!n2!n12!n3!n3!a"),
          Map.entry("NI", "4!a20!n"),
          Map.entry("NL", "4!a10!n"),
          Map.entry("NO", "4!n6!n1!n"),
          Map.entry("OM", "3!n16!c"),
          Map.entry("PK", "4!a16!c"),
          Map.entry("PL", "8!n16!n"),
          Map.entry("PS", "4!a21!c"),
          Map.entry("PT", "4!n4!n11!n2!n"),
          Map.entry("QA", "4!a21!c"),
          Map.entry("RO", "4!a16!c"),
          Map.entry("RS", "3!n13!n2!n"),
          Map.entry("RU", "9!n5!n15!c"),
          Map.entry("SA", "2!n18!c"),
          Map.entry("SC", "4!a2!n2!n16!n3!a"),
          Map.entry("SD", "2!n12!n"),
          Map.entry("SE", "3!n16!n1!n"),
          Map.entry("SI", "5!n8!n2!n"),
          Map.entry("SK", "4!n6!n10!n"),
          Map.entry("SM", "1!a5!n5!n12!c"),
          Map.entry("SO", "4!n3!n12!n"),
          Map.entry("ST", "8!n11!n2!n"),
          Map.entry("SV", "4!a20!n"),
          Map.entry("TL", "3!n14!n2!n"),
          Map.entry("TN", "2!n3!n13!n2!n"),
          Map.entry("TR", "5!n1!n16!c"),
          Map.entry("UA", "6!n19!c"),
          Map.entry("VA", "3!n15!n"),
          Map.entry("VG", "4!a16!n"),
          Map.entry("XK", "4!n10!n2!n"),
          Map.entry("YE", "4!a4!n18!c"));

  /** Per country, what each position of the BBAN holds: 'n', 'a' or 'c'. */
  private static final Map<String, char[]> BBAN_POSITIONS = positions(BBAN_FORMATS);

  /**
   * The countries and territories with their own IBAN country code that are in the geographical
   * scope of the SEPA schemes, after the EPC's list (EPC409-09, "List of countries and territories
   * of the SEPA schemes' geographical scope") as it stood in October 2025: the 27 EU member states;
   * Iceland, Liechtenstein and Norway; Switzerland, the United Kingdom (whose IBANs serve Guernsey,
   * Jersey and the Isle of Man too) and Gibraltar; Andorra, Monaco, San Marino and Vatican City;
   * Albania and Montenegro (November 2024), Moldova and North Macedonia (March 2025) and Serbia
   * (May 2025). The French and Portuguese and Spanish territories in SEPA (French Guiana,
   * Guadeloupe, Martinique, Mayotte, Réunion, Saint Barthélemy, Saint Martin, Saint Pierre and
   * Miquelon; the Azores and Madeira; the Canary Islands, Ceuta and Melilla) and Åland use their
   * country's IBAN code. Not in SEPA although their IBANs share a SEPA country's format: the Faroe
   * Islands (FO) and Greenland (GL); and the French Pacific territories, whose FR IBANs cannot be
   * told from those of France.
   */
  private static final Set<String> SEPA_COUNTRIES =
      Set.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
          "CH", "GB", "GI", "AD", "MC", "SM", "VA", "AL", "ME", "MD", "MK", "RS");

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /**
   * A registry format spelt out, one kind per position: {@code "2!a3!n"} is {@code "aannn"}.
   *
   * @param format the format in the registry's notation; never null
   * @return the kinds, {@code n}, {@code a} or {@code c}, one per BBAN character
   */
  static String expand(String format) {
    StringBuilder kinds = new StringBuilder();
    int count = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c >= '0' && c <= '9') {
        count = count * 10 + (c - '0');
      } else if (c != '!') {
        kinds.append(String.valueOf(c).repeat(count));
        count = 0;
      }
    }
    return kinds.toString();
  }

  private static Map<String, char[]> positions(Map<String, String> formats) {
    Map<String, char[]> positions = new HashMap<>();
    formats.forEach(
        (country, format) -> {
          positions.put(country, expand(format).toCharArray());
        });
    return Map.copyOf(positions);
  }

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
   * @param countryCode an ISO 3166 alpha-2 code in upper case; may be null (false)
   * @return true if the country is known
   */
  public static boolean isIbanCountry(String countryCode) {
    return countryCode != null && BBAN_FORMATS.containsKey(countryCode);
  }

  /**
   * The IBAN length of a country.
   *
   * @param countryCode an ISO 3166 alpha-2 code in upper case; may be null (0)
   * @return the length, or 0 if the country does not issue IBANs
   */
  public static int lengthFor(String countryCode) {
    char[] positions = countryCode == null ? null : BBAN_POSITIONS.get(countryCode);
    return positions == null ? 0 : 4 + positions.length;
  }

  /**
   * The format of a country's BBAN (the part after the check digits) in the SWIFT IBAN Registry's
   * notation: {@code n} digits, {@code a} upper-case letters, {@code c} letters or digits, each
   * after its count, such as {@code "4!a10!n"} for the Netherlands.
   *
   * @param countryCode an ISO 3166 alpha-2 code in upper case; may be null (empty)
   * @return the format, or empty if the country does not issue IBANs
   */
  public static Optional<String> bbanFormat(String countryCode) {
    return Optional.ofNullable(countryCode == null ? null : BBAN_FORMATS.get(countryCode));
  }

  /**
   * Whether a country's IBANs are reachable by a SEPA credit transfer: it is in the geographical
   * scope of the SEPA schemes (the EPC's list of October 2025; see the class documentation for
   * which territories share a country's code).
   *
   * @param countryCode an ISO 3166 alpha-2 code in upper case; may be null (false)
   * @return true for a SEPA country
   */
  public static boolean isSepaCountry(String countryCode) {
    return countryCode != null && SEPA_COUNTRIES.contains(countryCode);
  }

  /**
   * The countries whose IBANs a SEPA credit transfer reaches.
   *
   * @return their ISO 3166 alpha-2 codes, sorted; unmodifiable
   */
  public static Set<String> sepaCountries() {
    return Collections.unmodifiableSet(new TreeSet<>(SEPA_COUNTRIES));
  }

  /**
   * The countries that issue IBANs.
   *
   * @return their ISO 3166 alpha-2 codes, sorted; unmodifiable
   */
  public static Set<String> ibanCountries() {
    return Collections.unmodifiableSet(new TreeSet<>(BBAN_FORMATS.keySet()));
  }

  /**
   * Whether a SEPA credit transfer reaches this account: its country is in the SEPA schemes'
   * geographical scope ({@link #isSepaCountry(String)}).
   *
   * @return true for an IBAN of a SEPA country
   */
  public boolean isSepa() {
    return isSepaCountry(countryCode());
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
    char[] positions = BBAN_POSITIONS.get(country);
    if (positions == null) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.UNKNOWN_COUNTRY,
          "country code '" + country + "' does not issue IBANs");
    }
    int expected = 4 + positions.length;
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
    int check = (iban.charAt(2) - '0') * 10 + (iban.charAt(3) - '0');
    if (check < 2 || check > 98) {
      throw new InvalidIbanException(
          InvalidIbanException.Problem.WRONG_CHECK_DIGITS,
          "check digits "
              + iban.substring(2, 4)
              + " are never issued (ISO 13616 allows 02 to 98); the IBAN has a typing error");
    }
    for (int i = 0; i < positions.length; i++) {
      char c = iban.charAt(4 + i);
      boolean fits =
          switch (positions[i]) {
            case 'n' -> c >= '0' && c <= '9';
            case 'a' -> c >= 'A' && c <= 'Z';
            default -> true; // 'c': any letter or digit, which every character is by now
          };
      if (!fits) {
        throw new InvalidIbanException(
            InvalidIbanException.Problem.WRONG_BBAN_FORMAT,
            "an IBAN from "
                + country
                + " needs "
                + (positions[i] == 'n' ? "a digit" : "a letter")
                + " at position "
                + (5 + i)
                + " (its account part is "
                + BBAN_FORMATS.get(country)
                + " in the SWIFT IBAN Registry: n digits, a letters, c either)");
      }
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
