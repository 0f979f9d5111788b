package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;

/**
 * Close a payout month: turn every partner's payable balance into a payout, or carry it over.
 *
 * @param month the month to close; it must have ended, and months are closed in order; never null
 */
public record ClosePeriodCommand(YearMonth month) {
  /**
   * Checks for null.
   *
   * @throws InvalidInputException if the month is null
   */
  public ClosePeriodCommand {
    Instants.checkMonth("month", month);
  }
}
