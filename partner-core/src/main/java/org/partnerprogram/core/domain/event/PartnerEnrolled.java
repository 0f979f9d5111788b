package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A customer account enrolled as a partner.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the new partner
 * @param customerAccountId the host's customer account
 */
public record PartnerEnrolled(
    UUID eventId, Instant occurredAt, PartnerId partnerId, CustomerAccountId customerAccountId)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerEnrolled {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.enrolled";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
