package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.Text;

/**
 * The bank rejected a payout (for example: account closed).
 *
 * @param payoutId the payout; never null
 * @param reason the bank's reason, 1 to 200 characters; never null
 */
public record MarkPayoutFailedCommand(PayoutId payoutId, String reason) {
  /**
   * Validates the command.
   *
   * @throws InvalidInputException if the id is null or the reason blank, too long or with control
   *     characters
   */
  public MarkPayoutFailedCommand {
    if (payoutId == null) {
      throw new InvalidInputException("payoutId", "must not be null");
    }
    Text.freeText("reason", reason, 200);
  }
}
