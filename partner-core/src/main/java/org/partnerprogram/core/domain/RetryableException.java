package org.partnerprogram.core.domain;

/**
 * A transient failure: a concurrent update won, the database reported a serialization failure or a
 * deadlock, or the connection dropped. The transaction was rolled back, so nothing was changed; the
 * same call may simply be made again.
 */
public final class RetryableException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; never null
   * @param cause the underlying failure; may be null
   */
  public RetryableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
