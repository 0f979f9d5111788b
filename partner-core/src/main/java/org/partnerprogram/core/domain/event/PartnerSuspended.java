package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner was suspended; their codes stop attributing and payouts wait.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 * @param reason why, as the host gave it
 */
public record PartnerSuspended(UUID eventId, Instant occurredAt, PartnerId partnerId, String reason)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerSuspended {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.suspended";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
