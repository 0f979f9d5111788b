package org.partnerprogram.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.partnerprogram.core.domain.Money;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates {@link Money} in one currency between two bounds, at the currency's scale. Obtain it
 * from {@link Gens#money()} and configure it by chaining: {@code
 * Gens.money().in("EUR").between("0.01", "999.99")}. Every method returns a new generator, so a
 * configured one can be shared. Amounts shrink towards the bound nearest to zero (zero itself when
 * the range holds it), so a counterexample shows the smallest amount that still fails.
 */
public final class MoneyGen implements Gen<Money> {
  private final Currency currency;
  private final BigDecimal min;
  private final BigDecimal max;

  MoneyGen(Currency currency, BigDecimal min, BigDecimal max) {
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException(currency + " has no decimal scale");
    }
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
    this.currency = currency;
    this.min = scaled(min, currency);
    this.max = scaled(max, currency);
  }

  private static BigDecimal scaled(BigDecimal amount, Currency currency) {
    try {
      return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          amount.toPlainString() + " has more decimals than " + currency + " allows", e);
    }
  }

  /**
   * The same range in another currency.
   *
   * @param currency the currency; never null; its scale must fit the bounds
   * @return a new generator
   * @throws IllegalArgumentException if a bound has more decimals than the currency
   */
  public MoneyGen in(Currency currency) {
    return new MoneyGen(currency, min, max);
  }

  /**
   * The same range in another currency.
   *
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}; never null
   * @return a new generator
   * @throws IllegalArgumentException if the code is unknown or a bound is too precise for it
   */
  public MoneyGen in(String currencyCode) {
    return in(Currency.getInstance(currencyCode));
  }

  /**
   * Amounts between two bounds, both inclusive.
   *
   * @param min the smallest amount, such as {@code "0.01"}; may be negative
   * @param max the largest amount, such as {@code "999.99"}; at least {@code min}
   * @return a new generator
   * @throws IllegalArgumentException if {@code min > max} or a bound is too precise
   */
  public MoneyGen between(String min, String max) {
    return new MoneyGen(currency, new BigDecimal(min), new BigDecimal(max));
  }

  /**
   * Amounts from zero up to a bound, inclusive.
   *
   * @param max the largest amount; not negative
   * @return a new generator
   * @throws IllegalArgumentException if {@code max} is negative or too precise
   */
  public MoneyGen upTo(String max) {
    return between("0", max);
  }

  /**
   * The currency of the generated amounts.
   *
   * @return never null
   */
  public Currency currency() {
    return currency;
  }

  @Override
  public Money generate(RandomnessSource in) {
    long low = min.unscaledValue().longValueExact();
    long high = max.unscaledValue().longValueExact();
    long target = Math.max(low, Math.min(high, 0));
    long units = Generate.longRange(low, high, target).generate(in);
    return Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency);
  }

  @Override
  public String toString() {
    return "money in " + currency + " from " + min.toPlainString() + " to " + max.toPlainString();
  }
}
