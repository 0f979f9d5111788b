package org.partnerprogram.core.domain;

/**
 * The storage adapter failed in a way that retrying will not fix (a missing table, a permission
 * error). The transaction was rolled back.
 */
public final class StorageException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; never null
   * @param cause the underlying failure; may be null
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
