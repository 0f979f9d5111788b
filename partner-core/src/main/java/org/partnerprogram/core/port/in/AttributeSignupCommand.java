package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;

/**
 * A customer signed up: decide, once and for good, whether a partner brought them. Start from
 * {@link #newCustomer} (or {@link #existingCustomer}, which is never attributed) and add what the
 * signup has:
 *
 * <pre>{@code
 * AttributeSignupCommand.newCustomer("C202")
 *     .at(signedUpAt)          // default: now, by the programme's clock
 *     .visitor(cookieValue)    // the referral cookie's visitor id, if the browser had one
 *     .typedCode("JAN-HOSTING") // a code typed in the form, which beats the cookie
 *     .iban(customersIban)     // compared with partners' payout accounts, never stored
 * }</pre>
 *
 * Each step checks its input, so a command that exists is valid.
 */
public final class AttributeSignupCommand {
  private final CustomerAccountId customer;
  private final boolean newCustomer;
  private final Instant at; // null: now
  private final VisitorId visitorId; // null: no cookie
  private final ReferralCode typedCode; // null: none typed
  private final Iban customerIban; // null: not known

  private AttributeSignupCommand(
      CustomerAccountId customer,
      boolean newCustomer,
      Instant at,
      VisitorId visitorId,
      ReferralCode typedCode,
      Iban customerIban) {
    this.customer = customer;
    this.newCustomer = newCustomer;
    this.at = at;
    this.visitorId = visitorId;
    this.typedCode = typedCode;
    this.customerIban = customerIban;
  }

  /**
   * A new customer's signup.
   *
   * @param customer the new customer's account id
   * @return the command
   * @throws InvalidInputException if the id is null or malformed
   */
  public static AttributeSignupCommand newCustomer(String customer) {
    return new AttributeSignupCommand(CustomerAccountId.of(customer), true, null, null, null, null);
  }

  /**
   * A signup of a customer the host does not consider new (for example an existing customer opening
   * a second account): it is recorded as not attributed, with that reason.
   *
   * @param customer the customer account id
   * @return the command
   * @throws InvalidInputException if the id is null or malformed
   */
  public static AttributeSignupCommand existingCustomer(String customer) {
    return new AttributeSignupCommand(
        CustomerAccountId.of(customer), false, null, null, null, null);
  }

  /**
   * When the customer signed up.
   *
   * @param signupAt the instant; never null, in [1970, 3000)
   * @return a new command
   * @throws InvalidInputException if the instant is null or out of range
   */
  public AttributeSignupCommand at(Instant signupAt) {
    if (signupAt == null) {
      throw new InvalidInputException("signupAt", "must not be null");
    }
    return new AttributeSignupCommand(
        customer,
        newCustomer,
        Instants.check("signupAt", signupAt),
        visitorId,
        typedCode,
        customerIban);
  }

  /**
   * The visitor id from the host's referral cookie.
   *
   * @param visitorId the cookie value
   * @return a new command
   * @throws InvalidInputException if the id is null or malformed
   */
  public AttributeSignupCommand visitor(String visitorId) {
    return new AttributeSignupCommand(
        customer, newCustomer, at, VisitorId.of(visitorId), typedCode, customerIban);
  }

  /**
   * A referral code the customer typed in the signup form; it beats the cookie.
   *
   * @param code the code as typed, any case
   * @return a new command
   * @throws InvalidInputException if the code is null or malformed
   */
  public AttributeSignupCommand typedCode(String code) {
    return new AttributeSignupCommand(
        customer, newCustomer, at, visitorId, ReferralCode.parse(code), customerIban);
  }

  /**
   * The customer's IBAN, if the host has it: a partner whose payout account has it is refused as a
   * self-referral. It is compared, never stored.
   *
   * @param iban the IBAN, spaces and lower case allowed
   * @return a new command
   * @throws org.partnerprogram.core.domain.InvalidIbanException if it is not a valid IBAN
   */
  public AttributeSignupCommand iban(String iban) {
    return new AttributeSignupCommand(
        customer, newCustomer, at, visitorId, typedCode, Iban.parse(iban));
  }

  /**
   * The customer account.
   *
   * @return never null
   */
  public CustomerAccountId customer() {
    return customer;
  }

  /**
   * Whether the host considers the customer new.
   *
   * @return true for {@link #newCustomer}
   */
  public boolean isNewCustomer() {
    return newCustomer;
  }

  /**
   * When the customer signed up.
   *
   * @return the instant, or empty for now by the programme's clock
   */
  public Optional<Instant> signupAt() {
    return Optional.ofNullable(at);
  }

  /**
   * The referral cookie's visitor id.
   *
   * @return the id, or empty if the browser had none
   */
  public Optional<VisitorId> visitorId() {
    return Optional.ofNullable(visitorId);
  }

  /**
   * The typed code.
   *
   * @return the code, or empty if none was typed
   */
  public Optional<ReferralCode> typedCode() {
    return Optional.ofNullable(typedCode);
  }

  /**
   * The customer's IBAN.
   *
   * @return the IBAN, or empty if not given
   */
  public Optional<Iban> customerIban() {
    return Optional.ofNullable(customerIban);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeSignupCommand c
        && customer.equals(c.customer)
        && newCustomer == c.newCustomer
        && Objects.equals(at, c.at)
        && Objects.equals(visitorId, c.visitorId)
        && Objects.equals(typedCode, c.typedCode)
        && Objects.equals(customerIban, c.customerIban);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customer, newCustomer, at, visitorId, typedCode, customerIban);
  }

  @Override
  public String toString() {
    return "AttributeSignupCommand["
        + customer
        + (newCustomer ? ", new" : ", existing")
        + (at == null ? "" : ", at " + at)
        + (visitorId == null ? "" : ", visitor " + visitorId)
        + (typedCode == null ? "" : ", typed " + typedCode)
        + (customerIban == null ? "" : ", iban " + customerIban.masked())
        + "]";
  }
}
