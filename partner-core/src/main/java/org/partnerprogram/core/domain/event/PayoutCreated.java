package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;

/**
 * A period close made a payout.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param partnerId the partner
 * @param payoutId the payout
 * @param period the closed month
 * @param amount the amount
 */
public record PayoutCreated(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    PayoutId payoutId,
    YearMonth period,
    Money amount)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PayoutCreated {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public String type() {
    return "payout.created";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
