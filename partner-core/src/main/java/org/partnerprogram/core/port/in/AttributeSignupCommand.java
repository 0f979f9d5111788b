package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;

/**
 * A customer signed up: decide, once and for good, whether a partner brought them.
 *
 * @param customer the new customer's account; never null
 * @param visitorId the visitor id from the host's referral cookie, if the browser had one; never
 *     null
 * @param typedCode a referral code the customer typed in the signup form, if any; never null
 * @param newCustomer whether the host considers this a new customer (an existing customer opening a
 *     second account is not new)
 * @param signupAt when the customer signed up; never null
 * @param customerIban the customer's IBAN, if the host has it, to refuse self-referral through a
 *     second account; never null; only compared, never stored
 */
public record AttributeSignupCommand(
    CustomerAccountId customer,
    Optional<VisitorId> visitorId,
    Optional<ReferralCode> typedCode,
    boolean newCustomer,
    Instant signupAt,
    Optional<Iban> customerIban) {

  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public AttributeSignupCommand {
    if (customer == null) {
      throw new InvalidInputException("customerAccountId", "must not be null");
    }
    if (visitorId == null || typedCode == null || customerIban == null) {
      throw new InvalidInputException("signup", "optional components must not be null");
    }
    if (signupAt == null) {
      throw new InvalidInputException("signupAt", "must not be null");
    }
    signupAt = Instants.check("signupAt", signupAt);
  }

  /**
   * A new customer's signup with the visitor id from the cookie.
   *
   * @param customer the customer account id
   * @param visitorId the cookie value, or null if the browser had no referral cookie
   * @param signupAt when
   * @return the command
   * @throws InvalidInputException if an id is malformed
   */
  public static AttributeSignupCommand newCustomer(
      String customer, String visitorId, Instant signupAt) {
    return new AttributeSignupCommand(
        CustomerAccountId.of(customer),
        Optional.ofNullable(visitorId).map(VisitorId::of),
        Optional.empty(),
        true,
        signupAt,
        Optional.empty());
  }
}
