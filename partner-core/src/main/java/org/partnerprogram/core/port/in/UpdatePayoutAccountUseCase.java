package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Partner;

/**
 * Sets or changes the bank account a partner is paid to; the change is kept in the partner's
 * payout-account history. Setting the same account again changes nothing.
 */
@FunctionalInterface
public interface UpdatePayoutAccountUseCase {

  /**
   * Sets or changes the bank account a partner is paid to; the change is kept in the partner's
   * payout-account history. Setting the same account again changes nothing.
   *
   * @param command the command; never null
   * @return the partner with the account on file
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   */
  Partner updatePayoutAccount(UpdatePayoutAccountCommand command);
}
