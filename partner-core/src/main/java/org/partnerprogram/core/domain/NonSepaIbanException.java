package org.partnerprogram.core.domain;

/**
 * A valid IBAN that a SEPA credit transfer cannot reach: its country is outside the SEPA schemes'
 * geographical scope ({@link Iban#isSepa()} is false). {@link #countryCode()} names the country.
 */
public final class NonSepaIbanException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String countryCode;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending input, such as {@code "iban"}; never null
   * @param iban the IBAN outside SEPA; never null
   * @param advice what the host can do instead; never null
   */
  public NonSepaIbanException(String field, Iban iban, String advice) {
    super(
        field,
        "an IBAN from "
            + iban.countryCode()
            + " is outside the SEPA schemes, so a SEPA credit transfer cannot reach it; "
            + advice);
    this.countryCode = iban.countryCode();
  }

  /**
   * The IBAN's country.
   *
   * @return its ISO 3166 alpha-2 code, never null
   */
  public String countryCode() {
    return countryCode;
  }
}
