package org.partnerprogram.core.port.in;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodCloseLine;

/**
 * Monthly payouts: closing a month, the bank files, the payouts' lifecycle and partners'
 * statements. Handed out by {@code PartnerProgram.payouts()}; safe for concurrent use.
 */
public interface Payouts {

  /**
   * Closes a month: each partner's payable balance becomes one payout, or carries over with the
   * reason. Closing a month again returns the first close's result and writes nothing; two
   * instances closing at once make one close. The close publishes a {@code MonthClosed} event and
   * records the act in the audit trail ({@code MONTH_CLOSED}); a repeated close neither.
   *
   * @param month the month, in the programme's zone; never null
   * @param act who closes it and why; never null
   * @return what the close did; never null
   * @throws InvalidInputException if the month or act is null, or the month out of range
   * @throws IllegalTransitionException if the month has not ended, or is not the next one to close
   */
  PeriodCloseResult close(YearMonth month, Act act);

  /**
   * The month to close next: the one after the latest closed month; before the first close, the
   * month in which the first commission became payable. It may not have ended yet.
   *
   * @return the month, or empty if nothing has become payable yet and no month was closed
   */
  Optional<YearMonth> nextMonthToClose();

  /**
   * Writes a closed month's payouts as a SEPA credit transfer file and as CSV, and marks created
   * payouts exported. The export that marks payouts publishes a {@code PayoutsExported} event and
   * records the command's act in the audit trail ({@code PAYOUTS_EXPORTED}); exporting again gives
   * the same bytes and records nothing.
   *
   * @param command the export; never null
   * @return the files; never null
   * @throws IllegalTransitionException if the month is not closed, or its close made no payout
   * @throws org.partnerprogram.core.domain.ConflictException if a payout of the month lost its
   *     account to the erasure of its partner (nothing is written)
   */
  PayoutExport export(ExportPayoutsCommand command);

  /**
   * Like {@link #export}, but streams the files as it reads the payouts, so a month of any size is
   * exported in a small, fixed amount of memory. The bytes are those {@link #export} returns.
   *
   * @param command the export; never null
   * @param sepaXml where the pain.001 file goes; flushed, not closed; never null
   * @param csv where the CSV goes; flushed, not closed; never null
   * @return how many payouts and their sum; never null
   * @throws IllegalTransitionException if the month is not closed, or its close made no payout
   * @throws org.partnerprogram.core.domain.ConflictException if a payout of the month lost its
   *     account to the erasure of its partner (nothing is written)
   * @throws UncheckedIOException if writing fails (the payouts are then not marked exported)
   */
  PayoutExportSummary exportTo(
      ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv);

  /**
   * Records that the bank paid a payout.
   *
   * @param payoutId the payout; never null
   * @param paidAt when the bank paid it; not before the payout was made, not beyond the clock
   * @param act who records it and why, kept in the audit trail ({@code PAYOUT_PAID}); never null
   * @return the payout, PAID
   * @throws NotFoundException if there is no such payout
   * @throws IllegalTransitionException if it is paid or failed already
   * @throws InvalidInputException if an argument is null or the instant out of range
   */
  Payout markPaid(PayoutId payoutId, Instant paidAt, Act act);

  /**
   * Records that the bank rejected a payout: its amount goes back to the partner's balance and is
   * paid with a later month.
   *
   * @param payoutId the payout; never null
   * @param act who records it, with the bank's reason as the act's reason (kept on the payout and
   *     in the event), recorded in the audit trail ({@code PAYOUT_FAILED}); never null
   * @return the payout, FAILED
   * @throws NotFoundException if there is no such payout
   * @throws IllegalTransitionException if it is paid or failed already
   * @throws InvalidInputException if an argument is null
   */
  Payout markFailed(PayoutId payoutId, Act act);

  /**
   * A partner's statement of a closed month.
   *
   * @param query the partner, month and instant; never null
   * @return the statement; never null
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException if the month is not closed
   * @throws InvalidInputException if the instant is before the close or after now
   */
  PartnerStatement statement(StatementQuery query);

  /**
   * Streams the payouts a month's close made, ordered by payout id, a few hundred at a time.
   *
   * @param month the month; never null
   * @param action called once per payout, as it is now; never null
   */
  void forEachPayout(YearMonth month, Consumer<Payout> action);

  /**
   * Streams what a month's close did per partner, ordered by partner id.
   *
   * @param month the month; never null
   * @param action called once per line; never null
   */
  void forEachCloseLine(YearMonth month, Consumer<PeriodCloseLine> action);

  /**
   * A page of one partner's payouts, newest first, every status included: the payout history of a
   * partner page and of support.
   *
   * @param query the partner, the page size and position; never null
   * @return the page
   * @throws InvalidInputException if the query is null or its position is not one a payout query
   *     returned
   * @throws NotFoundException if the partner does not exist
   */
  Page<Payout> ofPartner(PayoutQuery query);
}
