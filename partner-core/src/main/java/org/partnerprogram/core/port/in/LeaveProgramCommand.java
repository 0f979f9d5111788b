package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * The partner leaves the programme.
 *
 * @param partnerId the partner; never null
 */
public record LeaveProgramCommand(PartnerId partnerId) {
  /**
   * Checks for null.
   *
   * @throws InvalidInputException if the partner id is null
   */
  public LeaveProgramCommand {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
  }
}
