package org.partnerprogram.core.domain;

/**
 * A host event arrived with an id that was already processed, but with a different payload. Nothing
 * was written. This is a bug in the host's event ids, not something to retry.
 */
public final class IdempotencyConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param eventId the reused event id
   * @param kind the kind of the event that was processed under that id
   */
  public IdempotencyConflictException(EventId eventId, String kind) {
    super(
        "event id "
            + eventId
            + " was processed before (as a "
            + kind
            + " event) with a different payload; every distinct event needs its own id");
  }
}
