package org.partnerprogram.core.port.in;

import java.time.Instant;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PayoutId;

/**
 * The bank paid a payout.
 *
 * @param payoutId the payout; never null
 * @param paidAt when the bank paid it; never null
 */
public record MarkPayoutPaidCommand(PayoutId payoutId, Instant paidAt) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public MarkPayoutPaidCommand {
    if (payoutId == null || paidAt == null) {
      throw new InvalidInputException("payout", "payoutId and paidAt must not be null");
    }
    paidAt = Instants.check("paidAt", paidAt);
  }
}
