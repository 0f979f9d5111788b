package org.partnerprogram.core.domain;

import java.util.Currency;

/** Looks up ISO 4217 currencies that money can be kept in. */
public final class Currencies {
  private Currencies() {}

  /**
   * Returns the currency for an ISO 4217 code.
   *
   * @param code a three-letter code such as {@code "EUR"}; may be null (which is rejected)
   * @return the currency, never null
   * @throws InvalidInputException if the code is not a known ISO 4217 currency with a minor unit
   *     (codes such as {@code XAU} or {@code XXX} have none)
   */
  public static Currency of(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new InvalidInputException(
          "currency", "must be a three-letter ISO 4217 code in upper case, was " + quote(code));
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("currency", "unknown ISO 4217 currency " + quote(code));
    }
    return requireMinorUnit(currency);
  }

  /**
   * Checks that a currency has a defined minor unit (so that amounts have a scale).
   *
   * @param currency the currency; may be null (which is rejected)
   * @return the currency
   * @throws InvalidInputException if it is null or has no minor unit
   */
  public static Currency requireMinorUnit(Currency currency) {
    if (currency == null) {
      throw new InvalidInputException("currency", "must not be null");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidInputException(
          "currency",
          currency.getCurrencyCode() + " has no minor unit and cannot be used for money");
    }
    return currency;
  }

  private static String quote(String s) {
    return Text.excerpt(s);
  }
}
