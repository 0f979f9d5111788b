package org.partnerprogram.core.port.in;

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
}
