package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A suspension was lifted.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 */
public record PartnerReinstated(UUID eventId, Instant occurredAt, PartnerId partnerId)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerReinstated {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.reinstated";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
