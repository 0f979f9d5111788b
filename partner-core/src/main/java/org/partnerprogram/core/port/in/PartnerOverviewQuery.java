package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Which partner's overview to show: by partner id, or by the logged-in customer account (exactly
 * one of the two).
 *
 * @param partnerId the partner, or empty; never null
 * @param customerAccountId the customer account, or empty; never null
 */
public record PartnerOverviewQuery(
    Optional<PartnerId> partnerId, Optional<CustomerAccountId> customerAccountId) {

  /**
   * Checks that exactly one is given.
   *
   * @throws InvalidInputException otherwise
   */
  public PartnerOverviewQuery {
    if (partnerId == null || customerAccountId == null) {
      throw new InvalidInputException("query", "components must not be null");
    }
    if (partnerId.isPresent() == customerAccountId.isPresent()) {
      throw new InvalidInputException(
          "query", "give exactly one of partnerId and customerAccountId");
    }
  }

  /**
   * By partner id.
   *
   * @param id the partner
   * @return the query
   */
  public static PartnerOverviewQuery byPartner(PartnerId id) {
    return new PartnerOverviewQuery(Optional.ofNullable(id), Optional.empty());
  }

  /**
   * By customer account.
   *
   * @param account the logged-in customer account
   * @return the query
   */
  public static PartnerOverviewQuery byCustomerAccount(CustomerAccountId account) {
    return new PartnerOverviewQuery(Optional.empty(), Optional.ofNullable(account));
  }
}
