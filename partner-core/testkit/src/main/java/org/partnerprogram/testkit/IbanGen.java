package org.partnerprogram.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates valid IBANs in electronic form (random account parts in the country's BBAN format of
 * the SWIFT IBAN Registry, correct check digits), or, through {@link #corrupted()}, texts that fail
 * validation in a known way. Obtain it from {@link Gens#ibans()}, which generates IBANs of the SEPA
 * countries (what a payout account needs); {@link #anyCountry()} takes every country that issues
 * IBANs. It is itself the generator of valid IBANs. Shrinks towards the first country of the list
 * and an account part of zeros and A's.
 */
public final class IbanGen implements Gen<Iban> {
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final List<String> countries;

  IbanGen(List<String> countries) {
    if (countries.isEmpty()) {
      throw new IllegalArgumentException("name at least one country");
    }
    for (String cc : countries) {
      if (!Iban.isIbanCountry(cc)) {
        throw new IllegalArgumentException(cc + " issues no IBANs");
      }
    }
    this.countries = List.copyOf(countries);
  }

  /**
   * Valid IBANs of these countries only.
   *
   * @param countryCodes ISO 3166 alpha-2 codes in upper case, such as {@code "NL"}; at least one
   * @return a new generator
   * @throws IllegalArgumentException if a country issues no IBANs
   */
  public IbanGen in(String... countryCodes) {
    return new IbanGen(List.of(countryCodes));
  }

  /**
   * Valid IBANs of every country that issues them ({@link Iban#ibanCountries()}), SEPA or not, such
   * as a customer's foreign account; the Netherlands first.
   *
   * @return a new generator
   */
  public IbanGen anyCountry() {
    List<String> all = new java.util.ArrayList<>(List.of("NL"));
    Iban.ibanCountries().stream().filter(cc -> !cc.equals("NL")).forEach(all::add);
    return new IbanGen(all);
  }

  /**
   * Valid IBANs outside the SEPA schemes ({@link Iban#isSepa()} false), such as Brazilian, Turkish
   * or Faroese ones.
   *
   * @return a new generator
   */
  public IbanGen outsideSepa() {
    return new IbanGen(
        Iban.ibanCountries().stream().filter(cc -> !Iban.isSepaCountry(cc)).toList());
  }

  /**
   * Valid IBANs: this generator itself, for code that reads better with it.
   *
   * @return this generator
   */
  public IbanGen valid() {
    return this;
  }

  /**
   * Texts made from a valid IBAN of these countries by one {@link CorruptedIban.Corruption}, each
   * of which {@link Iban#parse(String)} refuses with an {@link InvalidIbanException}. Shrinks
   * towards wrong check digits on the first country.
   *
   * @return the generator
   */
  public Gen<CorruptedIban> corrupted() {
    Gen<CorruptedIban.Corruption> how = Generate.enumValues(CorruptedIban.Corruption.class);
    return this.zip(how, integers().between(0, 1000), IbanGen::corrupt);
  }

  @Override
  public Iban generate(RandomnessSource in) {
    String cc = Generate.pick(countries).generate(in);
    String format = Iban.bbanFormat(cc).orElseThrow();
    StringBuilder kinds = new StringBuilder();
    int count = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c >= '0' && c <= '9') {
        count = count * 10 + (c - '0');
      } else if (c != '!') {
        kinds.append(String.valueOf(c).repeat(count)); // the registry's n, a or c
        count = 0;
      }
    }
    int[] draws =
        Generate.intArrays(Generate.constant(kinds.length()), integers().between(0, 35))
            .generate(in);
    StringBuilder bban = new StringBuilder();
    for (int i = 0; i < draws.length; i++) {
      int d = draws[i];
      bban.append(
          switch (kinds.charAt(i)) {
            case 'n' -> (char) ('0' + d % 10);
            case 'a' -> (char) ('A' + d % 26);
            default -> ALNUM.charAt(d);
          });
    }
    String b = bban.toString();
    return new Iban(cc + Iban.checkDigits(cc, b) + b);
  }

  /** Shows the IBAN in full ({@link Iban#toString()} masks it). */
  @Override
  public String asString(Iban iban) {
    return iban.value();
  }

  private static CorruptedIban corrupt(Iban iban, CorruptedIban.Corruption how, int seed) {
    String text = apply(iban.value(), how, seed);
    if (text == null || isValid(text)) {
      // the chosen corruption did not apply to this IBAN (no digit to change, equal neighbours):
      // dropping the last character always breaks the country's length check
      return new CorruptedIban(
          apply(iban.value(), CorruptedIban.Corruption.TOO_SHORT, seed),
          iban,
          CorruptedIban.Corruption.TOO_SHORT);
    }
    return new CorruptedIban(text, iban, how);
  }

  private static String apply(String iban, CorruptedIban.Corruption how, int seed) {
    int bbanStart = 4;
    int bbanLength = iban.length() - bbanStart;
    int at = bbanStart + seed % bbanLength;
    char[] chars = iban.toCharArray();
    switch (how) {
      case WRONG_CHECK_DIGITS -> {
        int check = Integer.parseInt(iban.substring(2, 4));
        int other = (check + 1 + seed % 96) % 97;
        String digits = other < 10 ? "0" + other : Integer.toString(other);
        return iban.substring(0, 2) + digits + iban.substring(4);
      }
      case CHANGED_DIGIT -> {
        for (int i = 0; i < bbanLength; i++) {
          int p = bbanStart + (at - bbanStart + i) % bbanLength;
          if (Character.isDigit(chars[p])) {
            chars[p] = (char) ('0' + (chars[p] - '0' + 1 + seed % 9) % 10);
            return new String(chars);
          }
        }
        return null;
      }
      case SWAPPED_NEIGHBOURS -> {
        int p = Math.min(at, iban.length() - 2);
        if (chars[p] == chars[p + 1]) {
          return null;
        }
        char c = chars[p];
        chars[p] = chars[p + 1];
        chars[p + 1] = c;
        return new String(chars);
      }
      case TOO_SHORT -> {
        return iban.substring(0, iban.length() - 1);
      }
      case TOO_LONG -> {
        return iban + (seed % 10);
      }
      case UNKNOWN_COUNTRY -> {
        return "US" + iban.substring(2);
      }
      case ILLEGAL_CHARACTER -> {
        chars[at] = "-./!#".charAt(seed % 5);
        return new String(chars);
      }
    }
    throw new AssertionError(how);
  }

  private static boolean isValid(String text) {
    try {
      Iban.parse(text);
      return true;
    } catch (InvalidIbanException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "IBANs of " + countries;
  }
}
