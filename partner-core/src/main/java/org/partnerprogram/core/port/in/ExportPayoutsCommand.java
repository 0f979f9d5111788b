package org.partnerprogram.core.port.in;

import java.time.LocalDate;
import java.time.YearMonth;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.export.CsvFormat;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;

/**
 * Export the payouts of a closed month for the bank (pain.001) and finance (CSV).
 *
 * <pre>{@code
 * new ExportPayoutsCommand(month, PainVersion.PAIN_001_001_03, debtor, executionDate,
 *         Act.by("job:monthly-export", "monthly payout run"))
 *     .withCsvFormat(CsvFormat.EXCEL_SEMICOLON) // for Dutch or German Excel
 * }</pre>
 *
 * @param month the closed month; never null
 * @param version the pain.001 version the bank wants; never null
 * @param debtor the programme's own paying account, from configuration; never null
 * @param executionDate the day the bank should pay; never null
 * @param csvFormat how the CSV is written; never null
 * @param act who exports and why, recorded in the audit trail with the first export of the month's
 *     payouts; never null
 */
public record ExportPayoutsCommand(
    YearMonth month,
    PainVersion version,
    SepaDebtor debtor,
    LocalDate executionDate,
    CsvFormat csvFormat,
    Act act) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public ExportPayoutsCommand {
    if (month == null
        || version == null
        || debtor == null
        || executionDate == null
        || csvFormat == null
        || act == null) {
      throw new InvalidInputException(
          "export", "month, version, debtor, executionDate, csvFormat and act must not be null");
    }
    Instants.checkMonth("month", month);
    Instants.checkDate("executionDate", executionDate);
  }

  /**
   * An export with the CSV in {@link CsvFormat#RFC_4180}.
   *
   * @param month the closed month; never null
   * @param version the pain.001 version the bank wants; never null
   * @param debtor the programme's own paying account; never null
   * @param executionDate the day the bank should pay; never null
   * @param act who exports and why; never null
   * @throws InvalidInputException if an argument is null
   */
  public ExportPayoutsCommand(
      YearMonth month, PainVersion version, SepaDebtor debtor, LocalDate executionDate, Act act) {
    this(month, version, debtor, executionDate, CsvFormat.RFC_4180, act);
  }

  /**
   * The same export with another CSV format.
   *
   * @param format the format; never null
   * @return a new command
   * @throws InvalidInputException if the format is null
   */
  public ExportPayoutsCommand withCsvFormat(CsvFormat format) {
    return new ExportPayoutsCommand(month, version, debtor, executionDate, format, act);
  }
}
