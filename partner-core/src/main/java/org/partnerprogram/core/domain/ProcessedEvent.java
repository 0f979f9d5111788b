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
  /** Checks for nulls. */
  public ProcessedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(processedAt, "processedAt");
  }
}
