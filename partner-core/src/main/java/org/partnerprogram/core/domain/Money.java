package org.partnerprogram.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An amount of money in one currency, always at the currency's scale (2 for EUR, 0 for JPY, 3 for
 * BHD). Immutable and exact: amounts are {@link BigDecimal}, never floating point; an operation
 * that could lose precision takes an explicit {@link RoundingMode}; combining two currencies throws
 * {@link CurrencyMismatchException}.
 *
 * <p>Equality is by currency and numeric value at the currency's scale, so {@code 1.50 EUR} equals
 * {@code Money.of("1.5", "EUR")}.
 *
 * <p>Why one file of over 500 lines: it is one value type, and most of it is the javadoc of its
 * contract and the guards that refuse hostile input (huge exponents, too many digits, amounts out
 * of range) before any arithmetic. The guards share the bounds and the scale rules with the
 * factories and the arithmetic, so splitting them off would spread one invariant over two files.
 */
public final class Money implements Comparable<Money> {
  /**
   * Largest absolute amount accepted, in major units; keeps every amount inside a DECIMAL(19,4).
   */
  public static final BigDecimal MAX_ABS_AMOUNT = new BigDecimal("999999999999999");

  private static final BigDecimal MIN_AMOUNT = MAX_ABS_AMOUNT.negate();

  /**
   * Digits before the decimal point that an amount may have without being compared with {@link
   * #MAX_ABS_AMOUNT}: any amount with fewer than its 15 integer digits is inside the bound.
   */
  private static final int SAFE_INTEGER_DIGITS = MAX_ABS_AMOUNT.precision() - 1;

  /**
   * The most significant digits a number from outside may have ({@value}): far more than any
   * amount, percentage or factor needs, and few enough that every check and rounding of it is
   * cheap.
   */
  static final int MAX_DIGITS = 100;

  /**
   * The largest scale, in either direction, a number from outside may have ({@value}): {@code
   * 1E+101} and {@code 1E-101} are refused before any arithmetic, since rescaling a number costs
   * time and memory in proportion to its exponent ({@code 1E+999999999} is 12 characters of JSON
   * and a billion digits once rescaled).
   */
  static final int MAX_SCALE = 100;

  /** Bits of an unscaled value with at most {@link #MAX_DIGITS} digits: 10^100 < 2^333. */
  private static final int MAX_UNSCALED_BITS = 333;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Zero per currency, made once (money is immutable, and zero is asked for on every line). */
  private static final ConcurrentMap<Currency, Money> ZEROS = new ConcurrentHashMap<>();

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Creates money from an amount that already fits the currency's scale.
   *
   * @param amount the amount; never null; at most as many decimals as the currency has (trailing
   *     zeros beyond that are fine)
   * @param currency the currency; never null, and with a minor unit
   * @return the money, at the currency's scale
   * @throws InvalidInputException if an argument is null, the amount has more decimals than the
   *     currency, it is larger than {@link #MAX_ABS_AMOUNT}, or it has more than 100 significant
   *     digits or a scale beyond &plusmn;100 (refused before any arithmetic, so a huge exponent
   *     such as {@code 1E+999999999} costs microseconds)
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return of(amount, currency, RoundingMode.UNNECESSARY);
  }

  /**
   * Creates money, rounding the amount once to the currency's scale.
   *
   * @param amount the amount; never null
   * @param currency the currency; never null
   * @param rounding how to round to the currency's scale; never null ({@link
   *     RoundingMode#UNNECESSARY} refuses an amount that would need rounding)
   * @return the rounded money
   * @throws InvalidInputException if an argument is null, the amount is out of range, has more than
   *     100 significant digits or a scale beyond &plusmn;100, or needs rounding under {@link
   *     RoundingMode#UNNECESSARY}
   */
  public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
    requireInput(amount, currency);
    if (rounding == null) {
      throw new InvalidInputException("rounding", "must not be null");
    }
    if (amount.signum() == 0) {
      return zero(currency);
    }
    requireIntegerDigitsInRange(amount);
    try {
      return checked(amount.setScale(currency.getDefaultFractionDigits(), rounding), currency);
    } catch (ArithmeticException e) { // only RoundingMode.UNNECESSARY throws
      throw tooManyDecimals(amount, currency);
    }
  }

  /** The checks every factory of an amount and a currency starts with. */
  private static void requireInput(BigDecimal amount, Currency currency) {
    Currencies.requireMinorUnit(currency);
    if (amount == null) {
      throw new InvalidInputException("amount", "must not be null");
    }
    requireTame("amount", amount);
  }

  /**
   * Largest absolute total accepted, in major units: sums the SDK computes (a balance, a month's
   * carried amount, a total of payouts) may exceed {@link #MAX_ABS_AMOUNT}, which bounds a single
   * amount, but not this.
   */
  public static final BigDecimal MAX_ABS_TOTAL = new BigDecimal("999999999999999999999999");

  /**
   * Creates a total, a sum of amounts, that already fits the currency's scale: as {@link
   * #of(BigDecimal, Currency)}, bounded by {@link #MAX_ABS_TOTAL} instead of {@link
   * #MAX_ABS_AMOUNT}. For storage adapters reading sums; a host's input goes through {@link
   * #of(BigDecimal, Currency)}.
   *
   * @param amount the total; never null; at most as many decimals as the currency has
   * @param currency the currency; never null, and with a minor unit
   * @return the money, at the currency's scale
   * @throws InvalidInputException if an argument is null, the total has more decimals than the
   *     currency, or it is larger than {@link #MAX_ABS_TOTAL}
   */
  public static Money total(BigDecimal amount, Currency currency) {
    requireInput(amount, currency);
    if (amount.signum() == 0) {
      return zero(currency);
    }
    if ((long) amount.precision() - amount.scale() > MAX_ABS_TOTAL.precision()) {
      throw new InvalidInputException(
          "amount", "must be at most " + MAX_ABS_TOTAL.toPlainString() + " in absolute value");
    }
    BigDecimal scaled;
    try {
      scaled = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new InvalidInputException(
          "amount", "has more decimals than " + currency.getCurrencyCode() + " allows");
    }
    if (scaled.abs().compareTo(MAX_ABS_TOTAL) > 0) {
      throw new InvalidInputException(
          "amount", "must be at most " + MAX_ABS_TOTAL.toPlainString() + " in absolute value");
    }
    return new Money(scaled, currency);
  }

  /**
   * Parses money from a plain decimal string such as {@code "12.50"} (a dot as decimal separator,
   * no grouping, no exponent) and an ISO 4217 code.
   *
   * @param amount the amount as text; never null
   * @param currencyCode the currency code; never null
   * @return the money
   * @throws InvalidInputException if the text is not a plain decimal number, has too many decimals,
   *     or the currency is unknown
   */
  public static Money of(String amount, String currencyCode) {
    Currency currency = Currencies.of(currencyCode);
    if (amount == null || !amount.matches("-?\\d{1,20}(\\.\\d{1,20})?")) {
      throw new InvalidInputException(
          "amount",
          "must be a plain decimal number with a dot as separator, such as 12.50; was "
              + Text.excerpt(amount));
    }
    return of(new BigDecimal(amount), currency);
  }

  /**
   * Zero in a currency.
   *
   * @param currency the currency; never null
   * @return zero at the currency's scale
   */
  public static Money zero(Currency currency) {
    Currencies.requireMinorUnit(currency);
    Money zero = ZEROS.get(currency);
    if (zero == null) {
      // Bounded: there are only so many currencies.
      zero =
          ZEROS.computeIfAbsent(
              currency, c -> new Money(BigDecimal.ZERO.setScale(c.getDefaultFractionDigits()), c));
    }
    return zero;
  }

  /** A sum or difference: bounded by {@link #MAX_ABS_TOTAL}, not {@link #MAX_ABS_AMOUNT}. */
  private static Money checkedTotal(BigDecimal scaled, Currency currency) {
    if (scaled.precision() - scaled.scale() < MAX_ABS_TOTAL.precision()
        || scaled.abs().compareTo(MAX_ABS_TOTAL) <= 0) {
      return new Money(scaled, currency);
    }
    throw new InvalidInputException(
        "amount",
        "a total must be at most " + MAX_ABS_TOTAL.toPlainString() + " in absolute value");
  }

  /**
   * Refuses a number from outside that no amount, percentage or factor needs, before any arithmetic
   * on it: more than {@link #MAX_DIGITS} significant digits, or a scale beyond &plusmn;{@link
   * #MAX_SCALE}. Zero passes at any scale (the caller must take it as zero without rescaling it).
   * Costs a few comparisons; the message never prints the number.
   *
   * @param field the input's name, for the message
   * @param number the number, not null
   * @throws InvalidInputException if the number is out of those bounds
   */
  static void requireTame(String field, BigDecimal number) {
    if (number.signum() == 0) {
      return; // zero is zero at any scale; callers take it as zero without rescaling
    }
    int scale = number.scale();
    if (scale > MAX_SCALE) {
      throw new InvalidInputException(
          field, "has more than " + MAX_SCALE + " decimals (its scale is " + scale + ")");
    }
    if (scale < -MAX_SCALE) {
      long exponent = -(long) scale;
      throw new InvalidInputException(
          field, "is far out of range (its exponent is " + exponent + ")");
    }
    // bitLength first: precision() of a number with a million digits is itself expensive
    if (number.unscaledValue().bitLength() > MAX_UNSCALED_BITS || number.precision() > MAX_DIGITS) {
      throw new InvalidInputException(field, "has more than " + MAX_DIGITS + " significant digits");
    }
  }

  /** Refuses, without rescaling, an amount whose integer part alone exceeds the bound. */
  private static void requireIntegerDigitsInRange(BigDecimal amount) {
    if (amount.signum() != 0
        && (long) amount.precision() - amount.scale() > MAX_ABS_AMOUNT.precision()) {
      throw outOfRange();
    }
  }

  private static InvalidInputException outOfRange() {
    return new InvalidInputException(
        "amount", "must be at most " + MAX_ABS_AMOUNT.toPlainString() + " in absolute value");
  }

  private static InvalidInputException tooManyDecimals(BigDecimal amount, Currency currency) {
    int scale = currency.getDefaultFractionDigits();
    return new InvalidInputException(
        "amount",
        shown(amount)
            + " has more decimals than "
            + currency.getCurrencyCode()
            + " allows ("
            + scale
            + "); round it first with Money.of(amount, currency, roundingMode)");
  }

  /** A tame number as plain text for a message, cut if long (it may have 200 characters). */
  private static String shown(BigDecimal tame) {
    String plain = tame.toPlainString();
    return plain.length() <= Text.EXCERPT_LENGTH
        ? plain
        : plain.substring(0, Text.EXCERPT_LENGTH) + "... (" + plain.length() + " characters)";
  }

  private static Money checked(BigDecimal scaled, Currency currency) {
    // Fast path for every realistic amount: fewer integer digits than the bound has cannot exceed
    // it (precision is cheap on the long-backed values money uses and is cached by BigDecimal).
    if (scaled.precision() - scaled.scale() <= SAFE_INTEGER_DIGITS) {
      return new Money(scaled, currency);
    }
    if (scaled.compareTo(MAX_ABS_AMOUNT) > 0 || scaled.compareTo(MIN_AMOUNT) < 0) {
      throw outOfRange();
    }
    return new Money(scaled, currency);
  }

  /**
   * The amount, at the currency's scale.
   *
   * @return never null
   */
  public BigDecimal amount() {
    return amount;
  }

  /**
   * The currency.
   *
   * @return never null
   */
  public Currency currency() {
    return currency;
  }

  /**
   * The amount in minor units (cents for EUR).
   *
   * @return the amount times 10^scale, exactly
   */
  public long minorUnits() {
    return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
  }

  /**
   * Adds money in the same currency.
   *
   * @param other the money to add; never null
   * @return the sum, which may exceed {@link #MAX_ABS_AMOUNT} (a total)
   * @throws CurrencyMismatchException if the currencies differ
   * @throws InvalidInputException if the sum exceeds {@link #MAX_ABS_TOTAL}
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return checkedTotal(amount.add(other.amount), currency);
  }

  /**
   * Subtracts money in the same currency.
   *
   * @param other the money to subtract; never null
   * @return the difference, which may be negative or exceed {@link #MAX_ABS_AMOUNT} (a total)
   * @throws CurrencyMismatchException if the currencies differ
   * @throws InvalidInputException if the difference exceeds {@link #MAX_ABS_TOTAL}
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return checkedTotal(amount.subtract(other.amount), currency);
  }

  /**
   * Multiplies by a factor and rounds the exact product once to the currency's scale.
   *
   * @param factor the factor; never null, at most 100 significant digits and a scale within
   *     &plusmn;100
   * @param rounding how to round the exact product; never null ({@link RoundingMode#UNNECESSARY}
   *     refuses a product that would need rounding)
   * @return the rounded product
   * @throws InvalidInputException if an argument is null or out of those bounds, the product is out
   *     of range, or it needs rounding under {@link RoundingMode#UNNECESSARY}
   */
  public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
    if (factor == null || rounding == null) {
      throw new InvalidInputException("factor", "factor and rounding must not be null");
    }
    requireTame("factor", factor);
    if (factor.signum() == 0) {
      return zero(currency);
    }
    // Both scales are within bounds, so the exact product is cheap; the currency was checked when
    // this money was made: round the exact product once, directly.
    BigDecimal product = amount.multiply(factor);
    requireIntegerDigitsInRange(product);
    try {
      return checked(product.setScale(currency.getDefaultFractionDigits(), rounding), currency);
    } catch (ArithmeticException e) { // only RoundingMode.UNNECESSARY throws
      throw new InvalidInputException(
          "factor",
          "the product "
              + shown(product)
              + " needs rounding to "
              + currency.getCurrencyCode()
              + ", which RoundingMode.UNNECESSARY forbids");
    }
  }

  /**
   * A percentage of this amount, the exact product rounded once to the currency's scale: the same
   * as {@code multipliedBy(percent / 100, rounding)} without making the factor first.
   *
   * @param percent the percentage (12.5 means 12.5 %), already validated by {@link
   *     Rate.Percentage}; never null
   * @param rounding how to round the exact result; never null
   * @return the rounded percentage of this amount
   * @throws InvalidInputException if the result needs rounding under {@link
   *     RoundingMode#UNNECESSARY}
   */
  Money percentOf(BigDecimal percent, RoundingMode rounding) {
    // Dividing the exact product by 100 to the currency's scale rounds the exact quotient once
    // (a division by 100 always terminates), with one allocation fewer than scaling the factor.
    try {
      return checked(
          amount.multiply(percent).divide(HUNDRED, currency.getDefaultFractionDigits(), rounding),
          currency);
    } catch (ArithmeticException e) {
      throw new InvalidInputException(
          "rounding",
          "the commission needs rounding to "
              + currency.getDefaultFractionDigits()
              + " decimals, which RoundingMode.UNNECESSARY forbids");
    }
  }

  /**
   * The negated amount.
   *
   * @return the money with the opposite sign
   */
  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Whether the amount is above zero.
   *
   * @return true for a positive amount
   */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Splits this amount into parts proportional to the given weights, so that the parts add up to
   * exactly this amount. Each part is first rounded down (towards zero) in minor units; the minor
   * units left over go one each to the parts with the largest remainders (ties to the earlier
   * part), so no part differs from its exact share by a whole minor unit or more.
   *
   * @param weights the non-negative weights, at least one, not all zero
   * @return one part per weight, in the same order, adding up to this amount
   * @throws InvalidInputException if the weights are empty, negative or all zero
   */
  public List<Money> allocate(long... weights) {
    if (weights == null || weights.length == 0) {
      throw new InvalidInputException("weights", "must not be empty");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (long w : weights) {
      if (w < 0) {
        throw new InvalidInputException("weights", "must not be negative");
      }
      total = total.add(BigDecimal.valueOf(w));
    }
    if (total.signum() == 0) {
      throw new InvalidInputException("weights", "must not all be zero");
    }
    // At the currency scale the unscaled value is the amount in minor units.
    BigDecimal units = new BigDecimal(amount.unscaledValue().abs());
    int sign = amount.signum();
    long[] parts = new long[weights.length];
    BigDecimal[] remainders = new BigDecimal[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      BigDecimal[] qr = units.multiply(BigDecimal.valueOf(weights[i])).divideAndRemainder(total);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      assigned += parts[i];
    }
    long left = units.longValueExact() - assigned;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < left; k++) {
      parts[order.get(k)]++;
    }
    int scale = currency.getDefaultFractionDigits();
    List<Money> result = new ArrayList<>(parts.length);
    for (long p : parts) {
      result.add(new Money(BigDecimal.valueOf(sign < 0 ? -p : p, scale), currency));
    }
    return Collections.unmodifiableList(result);
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  /**
   * Compares amounts in the same currency.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && currency.equals(m.currency) && amount.equals(m.amount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, currency);
  }

  /** Returns for example {@code "EUR 12.50"}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
