package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;

/**
 * The bank rejected a payout; its amount is payable again and goes into the next close.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param partnerId the partner
 * @param payoutId the payout
 * @param amount the amount returned to the payable balance
 * @param reason the bank's reason
 */
public record PayoutFailed(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    PayoutId payoutId,
    Money amount,
    String reason)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PayoutFailed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String type() {
    return "payout.failed";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
