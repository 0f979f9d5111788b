package org.partnerprogram.core.domain;

import java.util.Currency;

/**
 * Two amounts in different currencies were combined, or an amount is not in the programme's
 * currency.
 */
public final class CurrencyMismatchException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final Currency expected;
  private final Currency actual;

  /**
   * Creates the exception naming both currencies.
   *
   * @param expected the currency required; never null
   * @param actual the currency found; never null
   */
  public CurrencyMismatchException(Currency expected, Currency actual) {
    super(
        "currency",
        "currency mismatch: expected "
            + expected.getCurrencyCode()
            + " but got "
            + actual.getCurrencyCode());
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The currency that was required.
   *
   * @return never null
   */
  public Currency expected() {
    return expected;
  }

  /**
   * The currency that was found.
   *
   * @return never null
   */
  public Currency actual() {
    return actual;
  }
}
