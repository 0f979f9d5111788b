package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A rate version was added to the programme-wide card or to a partner's overrides.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param overrideFor the partner whose override it is, or empty for the programme-wide card
 * @param number the version number within its scope
 * @param effectiveFrom when it takes effect
 */
public record RateVersionAdded(
    UUID eventId,
    Instant occurredAt,
    Optional<PartnerId> overrideFor,
    int number,
    Instant effectiveFrom)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public RateVersionAdded {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "rate-version.added";
  }

  @Override
  public Optional<PartnerId> partner() {
    return overrideFor;
  }
}
