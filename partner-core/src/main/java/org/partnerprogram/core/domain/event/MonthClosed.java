package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A month was closed: its payouts are made (each also published as {@link PayoutCreated}) and the
 * other balances carried over. Published once, by the close that did it; a close of a month closed
 * before publishes nothing. Counts and a total only, no partner.
 *
 * @param eventId the event's id
 * @param occurredAt when the month was closed
 * @param month the month
 * @param payoutCount how many payouts the close made
 * @param payoutTotal their sum, in the programme's currency
 * @param carriedOverCount how many partners' balances were carried over
 */
public record MonthClosed(
    UUID eventId,
    Instant occurredAt,
    YearMonth month,
    int payoutCount,
    Money payoutTotal,
    int carriedOverCount)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public MonthClosed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(payoutTotal, "payoutTotal");
  }

  @Override
  public String type() {
    return "month.closed";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.empty();
  }
}
