package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;

/**
 * Set or change a partner's payout account.
 *
 * @param partnerId the partner; never null
 * @param account the new account; never null
 */
public record UpdatePayoutAccountCommand(PartnerId partnerId, PayoutAccount account) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public UpdatePayoutAccountCommand {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
    if (account == null) {
      throw new InvalidInputException("account", "must not be null");
    }
  }
}
