package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;

/**
 * An operator booked an adjustment or wrote off a balance. The operator's reason and name are not
 * in the event (they are free text about people); the audit trail keeps them.
 *
 * @param eventId the event's id
 * @param occurredAt when it was booked
 * @param partnerId the partner
 * @param adjustmentId the adjustment's id
 * @param adjustmentType an adjustment or a write-off
 * @param amount the signed amount
 */
public record AdjustmentBooked(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    EventId adjustmentId,
    Adjustment.Type adjustmentType,
    Money amount)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public AdjustmentBooked {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(adjustmentId, "adjustmentId");
    Objects.requireNonNull(adjustmentType, "adjustmentType");
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public String type() {
    return "adjustment.booked";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
