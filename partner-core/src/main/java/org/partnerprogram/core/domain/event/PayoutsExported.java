package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A month's payouts were exported for the bank for the first time: the payouts still to be sent
 * were marked exported. Writing the same month's files again publishes nothing. Counts and a total
 * only, no partner and no account.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param month the month
 * @param count how many payouts the files hold
 * @param total their sum, in the programme's currency
 */
public record PayoutsExported(
    UUID eventId, Instant occurredAt, YearMonth month, int count, Money total)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PayoutsExported {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(total, "total");
  }

  @Override
  public String type() {
    return "payouts.exported";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.empty();
  }
}
