package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner's statement for a closed month.
 *
 * @param partnerId the partner; never null
 * @param month the closed month; never null
 */
public record StatementQuery(PartnerId partnerId, YearMonth month) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public StatementQuery {
    if (partnerId == null || month == null) {
      throw new InvalidInputException("statement", "partnerId and month must not be null");
    }
    Instants.checkMonth("month", month);
  }
}
