package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Text;

/**
 * Suspend a partner.
 *
 * @param partnerId the partner; never null
 * @param reason why, for support and the audit trail; 1 to {@value #MAX_REASON_LENGTH} characters
 */
public record SuspendPartnerCommand(PartnerId partnerId, String reason) {
  /** The longest reason accepted. */
  public static final int MAX_REASON_LENGTH = 200;

  /**
   * Validates the command.
   *
   * @throws InvalidInputException if the partner id is null or the reason blank, too long or with
   *     control characters
   */
  public SuspendPartnerCommand {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
    Text.freeText("reason", reason, MAX_REASON_LENGTH);
  }
}
