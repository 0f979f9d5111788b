package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Lift a partner's suspension.
 *
 * @param partnerId the partner; never null
 */
public record ReinstatePartnerCommand(PartnerId partnerId) {
  /**
   * Checks for null.
   *
   * @throws InvalidInputException if the partner id is null
   */
  public ReinstatePartnerCommand {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
  }
}
