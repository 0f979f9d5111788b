package org.partnerprogram.core.port.in;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes the payouts of a closed month as a SEPA credit transfer file and as CSV, and marks created
 * payouts exported.
 */
@FunctionalInterface
public interface ExportPayoutsUseCase {

  /**
   * Writes the payouts of a closed month as a SEPA credit transfer file and as CSV, and marks
   * created payouts exported.
   *
   * @param command the command; never null
   * @return the files; never null
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the month is not closed,
   *     or its close made no payout to export
   */
  PayoutExport export(ExportPayoutsCommand command);

  /**
   * Like {@link #export}, but writes the files to streams as it reads the payouts, so a month of
   * any size is exported in a small, fixed amount of memory (the SDK's own implementation streams;
   * this default, for other implementations, builds the files in memory first). The bytes written
   * are exactly those {@link #export} returns.
   *
   * @param command the command; never null
   * @param sepaXml where the pain.001 file (UTF-8) goes; flushed, not closed; never null
   * @param csv where the CSV's UTF-8 bytes go; flushed, not closed; never null
   * @return how many payouts and their sum; never null
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the month is not closed,
   *     or its close made no payout to export
   * @throws UncheckedIOException if writing to a stream fails (the payouts are then not marked
   *     exported)
   */
  default PayoutExportSummary exportTo(
      ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
    PayoutExport export = export(command);
    try {
      sepaXml.write(export.sepaXml());
      sepaXml.flush();
      csv.write(export.csv());
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PayoutExportSummary(
        export.month(),
        export.count(),
        export.total(),
        export.outsideSepaCount(),
        export.outsideSepaTotal());
  }
}
