package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner's payout account was set or changed. Only the masked IBAN is carried.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 * @param ibanMasked the new IBAN, masked
 */
public record PayoutAccountChanged(
    UUID eventId, Instant occurredAt, PartnerId partnerId, String ibanMasked)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PayoutAccountChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "partner.payout-account-changed";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
