package org.partnerprogram.core.domain;

/** The partner, code or other record a call refers to does not exist. Nothing was changed. */
public final class NotFoundException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which record was looked for; never null
   */
  public NotFoundException(String message) {
    super(message);
  }
}
