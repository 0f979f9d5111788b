package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * A referral code was revoked; links with it no longer attribute.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 * @param code the code
 */
public record ReferralCodeRevoked(
    UUID eventId, Instant occurredAt, PartnerId partnerId, ReferralCode code)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public ReferralCodeRevoked {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return "referral-code.revoked";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
