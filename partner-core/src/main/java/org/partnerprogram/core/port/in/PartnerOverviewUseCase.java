package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.PartnerOverview;

/**
 * The partner page of the portal: status, referral links, participating products with their current
 * rates.
 */
@FunctionalInterface
public interface PartnerOverviewUseCase {

  /**
   * The partner page of the portal: status, referral links, participating products with their
   * current rates.
   *
   * @param command the command (a query); never null
   * @return the overview, or empty if the partner (or the customer account's partner) does not
   *     exist
   */
  Optional<PartnerOverview> overview(PartnerOverviewQuery command);
}
