package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner left the programme; money already earned is still paid.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 */
public record PartnerLeft(UUID eventId, Instant occurredAt, PartnerId partnerId)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerLeft {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.left";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
