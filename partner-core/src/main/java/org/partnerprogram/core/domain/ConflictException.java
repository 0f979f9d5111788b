package org.partnerprogram.core.domain;

/**
 * The call conflicts with what is already stored: a vanity code that is taken, a rate version that
 * overlaps or is backdated, a record id that exists. Nothing was changed; repeating the same call
 * will fail the same way.
 */
public class ConflictException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what conflicts and with what; never null
   */
  public ConflictException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause (for example a duplicate-key error from a database).
   *
   * @param message what conflicts and with what; never null
   * @param cause the underlying failure; may be null
   */
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
