package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * The customer account of a partner who had left enrolled again: the same partner is ACTIVE again
 * (its history, ledger and balance carry on), with a fresh referral code.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner, the same as before it left
 * @param customerPseudonym the keyed pseudonym of the partner's host customer account ({@code
 *     ps:...}); the host finds its customer with {@code key.pseudonymOf(accountId)}
 * @param customerAccountId the host's customer account id, only if the host opted in with {@code
 *     PartnerProgram.builder().publishCustomerAccountIds()}; else empty
 */
public record PartnerRejoined(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    CustomerAccountId customerPseudonym,
    Optional<CustomerAccountId> customerAccountId)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public PartnerRejoined {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(customerPseudonym, "customerPseudonym");
    Objects.requireNonNull(customerAccountId, "customerAccountId");
  }

  @Override
  public String type() {
    return "partner.rejoined";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
