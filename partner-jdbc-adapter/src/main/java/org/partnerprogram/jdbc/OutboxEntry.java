package org.partnerprogram.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * One event in the outbox, as {@link JdbcOutbox#unacknowledged(int)} reads it.
 *
 * @param sequence the position in the outbox; strictly increasing in the order events were written
 *     (not necessarily the order their transactions committed)
 * @param eventId the event's id, for consumers to deduplicate; never null
 * @param type the event's type, such as {@code partner.enrolled}; never null
 * @param partnerId the partner it concerns, or empty for programme-wide events; never null
 * @param occurredAt when it happened; never null
 * @param schemaVersion the version of the payload layout
 * @param payload the event as JSON, with {@code schemaVersion} and {@code type} fields; never null
 */
public record OutboxEntry(
    long sequence,
    UUID eventId,
    String type,
    Optional<PartnerId> partnerId,
    Instant occurredAt,
    int schemaVersion,
    String payload) {
  /**
   * Checks for null.
   *
   * @throws NullPointerException if a component is null
   */
  public OutboxEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
  }
}
