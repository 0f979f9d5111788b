package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A host event the programme has processed, kept so that a redelivery has no second effect.
 *
 * @param eventId the host's event id; never null
 * @param kind what the event was ({@code order}, {@code payment}, {@code refund}); never null
 * @param fingerprint a SHA-256 hash of the event's payload, to refuse the same id with other
 *     content; never null
 * @param processedAt when it was processed; never null
 */
public record ProcessedEvent(
    EventId eventId, String kind, String fingerprint, Instant processedAt) {
  /** The longest kind name. */
  public static final int MAX_KIND_LENGTH = 32;

  /** The longest fingerprint. */
  public static final int MAX_FINGERPRINT_LENGTH = 128;

  /**
   * Checks for nulls and lengths.
   *
   * @throws InvalidInputException if the kind or fingerprint is empty or too long
   */
  public ProcessedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(processedAt, "processedAt");
    Text.identifier("kind", kind, MAX_KIND_LENGTH);
    Text.identifier("fingerprint", fingerprint, MAX_FINGERPRINT_LENGTH);
  }
}
