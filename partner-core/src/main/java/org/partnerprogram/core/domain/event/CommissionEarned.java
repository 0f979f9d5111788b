package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A referred customer paid an order: the partner earned its commission.
 *
 * @param eventId the event's id
 * @param occurredAt when it was recorded
 * @param partnerId the partner
 * @param orderId the order
 * @param amount the commission earned on the order's lines
 * @param payableAt when it becomes payable (payment plus holding period)
 */
public record CommissionEarned(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    OrderId orderId,
    Money amount,
    Instant payableAt)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public CommissionEarned {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(payableAt, "payableAt");
  }

  @Override
  public String type() {
    return "commission.earned";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
