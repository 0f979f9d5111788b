package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.PartnerStatement;

/**
 * A partner's statement for a closed month: every ledger line settled by the month's payout (or
 * carried over), with order reference, product, net base, rate and rate version, and no personal
 * data of referred customers.
 */
@FunctionalInterface
public interface PartnerStatementUseCase {

  /**
   * A partner's statement for a closed month: every ledger line settled by the month's payout (or
   * carried over), with order reference, product, net base, rate and rate version, and no personal
   * data of referred customers.
   *
   * @param command the command (a query); never null
   * @return the statement; never null
   * @throws org.partnerprogram.core.domain.NotFoundException if the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the month is not closed
   */
  PartnerStatement statement(StatementQuery command);
}
