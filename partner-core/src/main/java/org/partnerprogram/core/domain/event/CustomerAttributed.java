package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * A new customer was bound to a partner, for good. Names the customer by their keyed pseudonym (the
 * host, who holds the {@link org.partnerprogram.core.domain.PseudonymKey}, finds its customer with
 * {@code key.pseudonymOf(accountId)}), and by their account id only when the host opted in with
 * {@code PartnerProgram.builder().publishCustomerAccountIds()}; no other data about the customer.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param partnerId the partner
 * @param customerPseudonym the customer's keyed pseudonym ({@code ps:...})
 * @param customerAccountId the host's customer account id, only if the host opted in; else empty
 * @param code the code that won
 * @param rule the rule that decided
 */
public record CustomerAttributed(
    UUID eventId,
    Instant occurredAt,
    PartnerId partnerId,
    CustomerAccountId customerPseudonym,
    Optional<CustomerAccountId> customerAccountId,
    ReferralCode code,
    AttributionDecision.Rule rule)
    implements ProgramEvent {
  /** Checks that no component is null. */
  public CustomerAttributed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(customerPseudonym, "customerPseudonym");
    Objects.requireNonNull(customerAccountId, "customerAccountId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String type() {
    return "customer.attributed";
  }

  @Override
  public Optional<PartnerId> partner() {
    return Optional.of(partnerId);
  }
}
