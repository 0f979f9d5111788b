package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Support moves a customer's attribution to another partner, or to none, from an instant on.
 *
 * @param reattributionId the host's id for the act (idempotency key); never null
 * @param customer the customer account; never null
 * @param toPartner the partner the customer's later orders earn for; empty for nobody; never null
 * @param effectiveFrom the first order placement it applies to; not after now; never null
 * @param act who and why; never null
 */
public record ReattributeCommand(
    EventId reattributionId,
    CustomerAccountId customer,
    Optional<PartnerId> toPartner,
    Instant effectiveFrom,
    Act act) {

  /**
   * Checks for nulls and the instant's range.
   *
   * @throws InvalidInputException if a component is null or the instant out of range
   */
  public ReattributeCommand {
    if (reattributionId == null
        || customer == null
        || toPartner == null
        || effectiveFrom == null
        || act == null) {
      throw new InvalidInputException(
          "reattribution",
          "reattributionId, customer, toPartner, effectiveFrom and act must not be null");
    }
    Instants.check("effectiveFrom", effectiveFrom);
  }

  /**
   * Moves the customer to a partner.
   *
   * @param reattributionId the host's id for the act
   * @param customer the customer account id
   * @param toPartner the partner; never null
   * @param effectiveFrom from when; never null
   * @param act who and why; never null
   * @return the command
   * @throws InvalidInputException if an argument is null or malformed
   */
  public static ReattributeCommand to(
      String reattributionId,
      String customer,
      PartnerId toPartner,
      Instant effectiveFrom,
      Act act) {
    if (toPartner == null) {
      throw new InvalidInputException("toPartner", "must not be null");
    }
    return new ReattributeCommand(
        EventId.of(reattributionId),
        CustomerAccountId.of(customer),
        Optional.of(toPartner),
        effectiveFrom,
        act);
  }

  /**
   * Takes the customer from every partner: later orders earn for nobody.
   *
   * @param reattributionId the host's id for the act
   * @param customer the customer account id
   * @param effectiveFrom from when; never null
   * @param act who and why; never null
   * @return the command
   * @throws InvalidInputException if an argument is null or malformed
   */
  public static ReattributeCommand toNobody(
      String reattributionId, String customer, Instant effectiveFrom, Act act) {
    return new ReattributeCommand(
        EventId.of(reattributionId),
        CustomerAccountId.of(customer),
        Optional.empty(),
        effectiveFrom,
        act);
  }
}
