package org.partnerprogram.core.domain;

/** An IBAN failed validation; {@link #problem()} says which check it failed. */
public final class InvalidIbanException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Which IBAN check failed. */
  public enum Problem {
    /** Null, empty or blank. */
    EMPTY,
    /** A character other than A-Z and 0-9 (spaces are allowed and removed). */
    ILLEGAL_CHARACTERS,
    /** The first two letters are not a country that issues IBANs. */
    UNKNOWN_COUNTRY,
    /** The length does not match the country's IBAN length. */
    WRONG_LENGTH,
    /**
     * The check digits are not two digits from 02 to 98, or the ISO 7064 mod-97 checksum does not
     * match.
     */
    WRONG_CHECK_DIGITS,
    /**
     * The account part (BBAN) does not have the country's format in the SWIFT IBAN Registry, such
     * as a digit where the Dutch bank code has letters.
     */
    WRONG_BBAN_FORMAT
  }

  private final Problem problem;

  InvalidIbanException(Problem problem, String message) {
    super("iban", message);
    this.problem = problem;
  }

  /**
   * The check that failed.
   *
   * @return never null
   */
  public Problem problem() {
    return problem;
  }
}
