package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PayoutAccount;

/**
 * Enrol a host customer account.
 *
 * @param customerAccountId the host's customer account; never null
 * @param payoutAccount the bank account to pay to, if known already (the host usually has it on
 *     file); never null
 */
public record EnrollPartnerCommand(
    CustomerAccountId customerAccountId, Optional<PayoutAccount> payoutAccount) {

  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public EnrollPartnerCommand {
    if (customerAccountId == null) {
      throw new InvalidInputException("customerAccountId", "must not be null");
    }
    if (payoutAccount == null) {
      throw new InvalidInputException("payoutAccount", "must not be null (use Optional.empty())");
    }
  }

  /**
   * Enrol without a payout account (it can be added later).
   *
   * @param customerAccountId the host's customer account id
   * @return the command
   * @throws InvalidInputException if the id is invalid
   */
  public static EnrollPartnerCommand of(String customerAccountId) {
    return new EnrollPartnerCommand(CustomerAccountId.of(customerAccountId), Optional.empty());
  }

  /**
   * Enrol with a payout account.
   *
   * @param customerAccountId the host's customer account id
   * @param payoutAccount the bank account
   * @return the command
   * @throws InvalidInputException if the id is invalid or the account null
   */
  public static EnrollPartnerCommand of(String customerAccountId, PayoutAccount payoutAccount) {
    if (payoutAccount == null) {
      throw new InvalidInputException("payoutAccount", "must not be null");
    }
    return new EnrollPartnerCommand(
        CustomerAccountId.of(customerAccountId), Optional.of(payoutAccount));
  }
}
