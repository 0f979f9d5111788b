package org.partnerprogram.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a participating product earns per order line: a percentage of the line's net amount, or a
 * fixed amount per line.
 */
public sealed interface Rate permits Rate.Percentage, Rate.FixedAmount {

  /**
   * The commission for a line with the given net amount, rounded once to the currency's scale and
   * never below zero or above the net amount.
   *
   * @param net the line's net amount (excluding VAT, after discounts); never null, not negative
   * @param rounding how to round the exact product; never null
   * @return the commission, between zero and {@code net}
   * @throws CurrencyMismatchException if a fixed amount is in another currency than {@code net}
   */
  Money commissionOn(Money net, RoundingMode rounding);

  /**
   * A percentage rate.
   *
   * @param percent the percentage, 0 to 100 inclusive, at most 4 decimals (12.5 means 12.5 %)
   * @return the rate
   * @throws InvalidInputException if out of range or too precise
   */
  static Percentage percent(String percent) {
    if (percent == null || !percent.matches("\\d{1,3}(\\.\\d{1,10})?")) {
      throw new InvalidInputException(
          "rate",
          "must be a plain decimal such as 12.5 (meaning 12.5 %), was " + Text.excerpt(percent));
    }
    return new Percentage(new BigDecimal(percent));
  }

  /**
   * A fixed amount per line.
   *
   * @param amount the amount; never null, not negative
   * @return the rate
   * @throws InvalidInputException if negative
   */
  static FixedAmount fixed(Money amount) {
    return new FixedAmount(amount);
  }

  /**
   * A percentage of the line's net amount.
   *
   * @param percent 0 to 100 inclusive, at most {@value #MAX_DECIMALS} decimals; stored without
   *     trailing zeros
   */
  record Percentage(BigDecimal percent) implements Rate {
    /** Most decimals a percentage may have. */
    public static final int MAX_DECIMALS = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Validates the percentage.
     *
     * @throws InvalidInputException if null, below 0, above 100 or with more than 4 decimals
     *     (checked before any arithmetic, so {@code 1E-999999999} is refused in microseconds)
     */
    public Percentage {
      if (percent == null) {
        throw new InvalidInputException("rate", "must not be null");
      }
      Money.requireTame("rate", percent);
      if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
        throw new InvalidInputException(
            "rate", "must be between 0 and 100 %, was " + percent.toPlainString());
      }
      percent = percent.stripTrailingZeros();
      if (percent.scale() > MAX_DECIMALS) {
        throw new InvalidInputException(
            "rate",
            "may have at most " + MAX_DECIMALS + " decimals, was " + percent.toPlainString());
      }
      if (percent.scale() < 0) {
        percent = percent.setScale(0);
      }
    }

    @Override
    public Money commissionOn(Money net, RoundingMode rounding) {
      Objects.requireNonNull(net, "net");
      Objects.requireNonNull(rounding, "rounding");
      return net.percentOf(percent, rounding);
    }

    @Override
    public String toString() {
      return percent.toPlainString() + " %";
    }
  }

  /**
   * A fixed amount per order line, capped at the line's net amount.
   *
   * @param amount the amount; never null, not negative
   */
  record FixedAmount(Money amount) implements Rate {
    /**
     * Validates the amount.
     *
     * @throws InvalidInputException if null or negative
     */
    public FixedAmount {
      if (amount == null || amount.isNegative()) {
        throw new InvalidInputException("rate", "a fixed amount must be zero or more");
      }
    }

    @Override
    public Money commissionOn(Money net, RoundingMode rounding) {
      return amount.compareTo(net) <= 0 ? amount : net;
    }

    @Override
    public String toString() {
      return amount.toString() + " per line";
    }
  }
}
