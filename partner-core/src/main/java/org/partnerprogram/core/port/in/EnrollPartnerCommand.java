package org.partnerprogram.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PayoutAccount;

/**
 * Enrol a host customer account as a partner, with the bank account the host already has on file
 * for the customer if it has one.
 *
 * <pre>{@code
 * EnrollPartnerCommand.of("customer-1042")
 *     .withPayoutAccount("NL91 ABNA 0417 1643 00", "J. de Vries")
 * }</pre>
 */
public final class EnrollPartnerCommand {
  private final CustomerAccountId customerAccountId;
  private final PayoutAccount payoutAccount; // null: none yet

  private EnrollPartnerCommand(CustomerAccountId customerAccountId, PayoutAccount payoutAccount) {
    this.customerAccountId = customerAccountId;
    this.payoutAccount = payoutAccount;
  }

  /**
   * Enrol a customer account, without a payout account (one can be given later).
   *
   * @param customerAccountId the host's customer account id
   * @return the command
   * @throws InvalidInputException if the id is null or malformed
   */
  public static EnrollPartnerCommand of(String customerAccountId) {
    return new EnrollPartnerCommand(CustomerAccountId.of(customerAccountId), null);
  }

  /**
   * Enrol a customer account, without a payout account (one can be given later).
   *
   * @param customerAccountId the host's customer account; never null
   * @return the command
   * @throws InvalidInputException if the id is null
   */
  public static EnrollPartnerCommand of(CustomerAccountId customerAccountId) {
    if (customerAccountId == null) {
      throw new InvalidInputException("customerAccountId", "must not be null");
    }
    return new EnrollPartnerCommand(customerAccountId, null);
  }

  /**
   * The same enrolment with the bank account to pay to (on a rejoin it replaces the one on file).
   *
   * @param account the account; never null
   * @return a new command
   * @throws InvalidInputException if the account is null
   */
  public EnrollPartnerCommand withPayoutAccount(PayoutAccount account) {
    if (account == null) {
      throw new InvalidInputException("payoutAccount", "must not be null");
    }
    return new EnrollPartnerCommand(customerAccountId, account);
  }

  /**
   * The same enrolment with the bank account to pay to, from the host's strings.
   *
   * @param iban the IBAN, spaces and lower case allowed
   * @param holderName the account holder's name
   * @return a new command
   * @throws InvalidInputException if the IBAN or name is invalid
   */
  public EnrollPartnerCommand withPayoutAccount(String iban, String holderName) {
    return withPayoutAccount(PayoutAccount.of(iban, holderName));
  }

  /**
   * The customer account.
   *
   * @return never null
   */
  public CustomerAccountId customerAccountId() {
    return customerAccountId;
  }

  /**
   * The bank account given.
   *
   * @return the account, or empty if none was given
   */
  public Optional<PayoutAccount> payoutAccount() {
    return Optional.ofNullable(payoutAccount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnrollPartnerCommand c
        && customerAccountId.equals(c.customerAccountId)
        && Objects.equals(payoutAccount, c.payoutAccount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerAccountId, payoutAccount);
  }

  @Override
  public String toString() {
    return "EnrollPartnerCommand["
        + customerAccountId
        + (payoutAccount == null ? "" : ", " + payoutAccount)
        + "]";
  }
}
