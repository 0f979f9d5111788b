package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A refund or chargeback took commission back.
 *
 * @param eventId the event's id
 * @param occurredAt when it was recorded
 * @param partnerId the partner
 * @param orderId the order
 * @param amount the commission taken back (cancelled if the order was unpaid, reversed if paid)
 * @param chargeback true for a chargeback, false for a refund
 * @param afterPayment true if the order had been paid (earned commission was reversed)
 */
public record CommissionReversed(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    OrderId orderId,
    Money amount,
    boolean chargeback,
    boolean afterPayment)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public CommissionReversed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public String type() {
    return "commission.reversed";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
