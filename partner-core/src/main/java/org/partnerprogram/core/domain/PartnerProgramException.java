package org.partnerprogram.core.domain;

/**
 * Root of every exception the SDK throws on purpose. All are unchecked: they signal a broken
 * contract (bad input, an impossible state transition, a conflict with stored state, a storage
 * failure), never a business outcome, which the SDK returns as a value instead.
 *
 * <p>Catch this type to handle everything the SDK raises; catch a subclass to react to one cause.
 * {@link #isRetryable()} tells whether the same call may succeed when simply made again.
 */
public class PartnerProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message a host developer can act on.
   *
   * @param message what went wrong and what to do about it; never null
   */
  public PartnerProgramException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what went wrong and what to do about it; never null
   * @param cause the underlying failure; may be null
   */
  public PartnerProgramException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same call unchanged may succeed (for example after a serialization
   * failure or a dropped connection). Every use case is idempotent or atomic, so a retry is always
   * safe.
   *
   * @return false unless a subclass says otherwise
   */
  public boolean isRetryable() {
    return false;
  }
}
