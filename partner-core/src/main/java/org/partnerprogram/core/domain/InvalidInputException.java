package org.partnerprogram.core.domain;

/**
 * An argument was malformed or out of range. Thrown before anything is written, so nothing changed.
 * {@link #field()} names the offending input so a host can point its user at it.
 */
public class InvalidInputException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending input, such as {@code "iban"}; never null
   * @param message what is wrong with it and what would be accepted; never null
   */
  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /**
   * The name of the offending input.
   *
   * @return the field name, never null
   */
  public String field() {
    return field;
  }
}
