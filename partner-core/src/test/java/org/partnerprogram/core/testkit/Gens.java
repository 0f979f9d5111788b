package org.partnerprogram.core.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Rate;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the programme's values, behind one facade. Every generator shrinks
 * towards small, readable values (small amounts, short lists, the first country of the table).
 */
public final class Gens {
  private Gens() {}

  /** Countries used for generated IBANs: a spread of lengths from 15 (NO) to 33 (RU). */
  public static final List<String> IBAN_COUNTRIES =
      List.of("NL", "BE", "DE", "FR", "GB", "NO", "MT", "LC", "RU", "IT", "ES", "CH", "SE", "PL");

  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * Money in a currency, with absolute value up to {@code maxMajorUnits}.
   *
   * @param currency the currency
   * @param maxMajorUnits the largest absolute amount in major units
   * @param allowNegative whether negative amounts are generated
   * @return the generator
   */
  public static Gen<Money> money(Currency currency, long maxMajorUnits, boolean allowNegative) {
    long factor = (long) Math.pow(10, currency.getDefaultFractionDigits());
    long max = maxMajorUnits * factor;
    return longs()
        .between(allowNegative ? -max : 0, max)
        .map(
            units ->
                Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency));
  }

  /**
   * Non-negative euro amounts up to 100,000.00.
   *
   * @return the generator
   */
  public static Gen<Money> euros() {
    return money(Currency.getInstance("EUR"), 100_000, false);
  }

  /**
   * Percentage rates from 0 to 100 % with up to 4 decimals.
   *
   * @return the generator
   */
  public static Gen<Rate.Percentage> percentages() {
    return integers()
        .between(0, 1_000_000)
        .map(basisPoints -> new Rate.Percentage(BigDecimal.valueOf(basisPoints, 4)));
  }

  /**
   * Valid IBANs in electronic form, for the countries in {@link #IBAN_COUNTRIES}, with random
   * alphanumeric account parts and correct check digits.
   *
   * @return the generator
   */
  public static Gen<Iban> ibans() {
    Gen<String> country = Generate.pick(IBAN_COUNTRIES);
    return country.flatMap(
        cc -> {
          int bbanLength = Iban.lengthFor(cc) - 4;
          return Generate.intArrays(Generate.constant(bbanLength), integers().between(0, 35))
              .map(
                  chars -> {
                    StringBuilder bban = new StringBuilder();
                    for (int c : chars) {
                      bban.append(ALNUM.charAt(c));
                    }
                    String b = bban.toString();
                    return new Iban(cc + Iban.checkDigits(cc, b) + b);
                  });
        });
  }
}
