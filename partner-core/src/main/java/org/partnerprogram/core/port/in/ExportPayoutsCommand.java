package org.partnerprogram.core.port.in;

import java.time.LocalDate;
import java.time.YearMonth;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;

/**
 * Export the payouts of a closed month for the bank.
 *
 * @param month the closed month; never null
 * @param version the pain.001 version the bank wants; never null
 * @param debtor the programme's own paying account, from configuration; never null
 * @param executionDate the day the bank should pay; never null
 */
public record ExportPayoutsCommand(
    YearMonth month, PainVersion version, SepaDebtor debtor, LocalDate executionDate) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public ExportPayoutsCommand {
    if (month == null || version == null || debtor == null || executionDate == null) {
      throw new InvalidInputException(
          "export", "month, version, debtor and executionDate must not be null");
    }
    Instants.checkMonth("month", month);
    Instants.checkDate("executionDate", executionDate);
  }
}
