package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Support moved a customer's attribution: orders placed from {@code effectiveFrom} on earn for
 * {@code toPartner} (or nobody). Names the customer as {@link CustomerAttributed} does; the
 * operator and the reason are not in the event.
 *
 * @param eventId the event's id
 * @param occurredAt when it was recorded
 * @param customerPseudonym the customer's keyed pseudonym ({@code ps:...})
 * @param customerAccountId the host's customer account id, only if the host opted in; else empty
 * @param fromPartner who the customer's orders earned for just before; empty if nobody
 * @param toPartner who they earn for from now on; empty for nobody
 * @param effectiveFrom the first order placement it applies to
 */
public record CustomerReattributed(
    UUID eventId,
    Instant occurredAt,
    CustomerAccountId customerPseudonym,
    Optional<CustomerAccountId> customerAccountId,
    Optional<PartnerId> fromPartner,
    Optional<PartnerId> toPartner,
    Instant effectiveFrom)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public CustomerReattributed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerPseudonym, "customerPseudonym");
    Objects.requireNonNull(customerAccountId, "customerAccountId");
    Objects.requireNonNull(fromPartner, "fromPartner");
    Objects.requireNonNull(toPartner, "toPartner");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
  }

  @Override
  public String type() {
    return "customer.reattributed";
  }

  /** The partner it concerns: the new one, else the one the customer was taken from. */
  @Override
  public Optional<PartnerId> partner() {
    return toPartner.or(() -> fromPartner);
  }
}
