package org.partnerprogram.core.domain.event;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Something that happened in the programme, published through {@link
 * org.partnerprogram.core.port.out.EventPublisher} in the same transaction as the change itself.
 * Events carry ids, codes and amounts, no names or full IBANs; a customer account ({@link
 * PartnerEnrolled}, {@link PartnerRejoined}, {@link CustomerAttributed}) is named by its keyed
 * pseudonym, and by its account id only when the host opted in ({@code
 * PartnerProgram.builder().publishCustomerAccountIds()}). Some still carry what identifies a person
 * to the host: the pseudonym (to the key's holder), a masked IBAN ({@link PayoutAccountChanged})
 * and free-text reasons ({@link PartnerSuspended}, {@link PayoutFailed}). Treat the outbox as
 * personal data; the adapter's {@code PRIVACY.md} lists every field.
 */
public sealed interface ProgramEvent
    permits PartnerEnrolled,
        PartnerRejoined,
        PartnerLeft,
        PartnerErased,
        PartnerSuspended,
        PartnerReinstated,
        PayoutAccountChanged,
        ReferralCodeIssued,
        ReferralCodeRevoked,
        RateVersionAdded,
        CustomerAttributed,
        CommissionEarned,
        CommissionReversed,
        PayoutCreated,
        PayoutPaid,
        PayoutFailed,
        AdjustmentBooked,
        MonthClosed,
        PayoutsExported,
        CustomerReattributed {

  /**
   * The event's unique id (random), for consumers to deduplicate.
   *
   * @return never null
   */
  UUID eventId();

  /**
   * When it happened, by the programme's clock.
   *
   * @return never null
   */
  Instant occurredAt();

  /**
   * The partner it concerns, if any (a programme-wide rate version concerns none).
   *
   * @return never null
   */
  Optional<PartnerId> partner();

  /**
   * A stable name for the event's type, such as {@code partner.enrolled}, for serialised forms.
   *
   * @return never null
   */
  String type();
}
