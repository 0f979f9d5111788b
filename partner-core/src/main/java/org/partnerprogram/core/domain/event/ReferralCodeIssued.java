package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * A referral code was issued to a partner.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 * @param code the code
 * @param vanity whether the partner chose it
 */
public record ReferralCodeIssued(
    UUID eventId, Instant occurredAt, PartnerId partnerId, ReferralCode code, boolean vanity)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public ReferralCodeIssued {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "referral-code.issued";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
