package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner who left was erased: its customer account, payout accounts and vanity codes are
 * replaced by pseudonyms or gone. A consumer that keeps copies of the partner's data erases them
 * too.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 */
public record PartnerErased(UUID eventId, Instant occurredAt, PartnerId partnerId)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerErased {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.erased";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
