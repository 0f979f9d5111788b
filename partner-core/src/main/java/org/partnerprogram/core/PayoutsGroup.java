package org.partnerprogram.core;

import java.io.OutputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.Payouts;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.StatementQuery;

/** The facade's {@link Payouts}: closing months, bank files, the payouts' lifecycle, statements. */
final class PayoutsGroup implements Payouts {
  private final PeriodCloseService closes;
  private final PayoutLifecycleService lifecycle;
  private final PayoutExportService exports;
  private final StatementService statements;
  private final QueryService queries;

  PayoutsGroup(
      PeriodCloseService closes,
      PayoutLifecycleService lifecycle,
      PayoutExportService exports,
      StatementService statements,
      QueryService queries) {
    this.closes = closes;
    this.lifecycle = lifecycle;
    this.exports = exports;
    this.statements = statements;
    this.queries = queries;
  }

  @Override
  public Page<Payout> ofPartner(PayoutQuery query) {
    return queries.payouts(query);
  }

  @Override
  public PeriodCloseResult close(YearMonth month, Act act) {
    return closes.close(month, act);
  }

  @Override
  public Optional<YearMonth> nextMonthToClose() {
    return closes.nextMonthToClose();
  }

  @Override
  public PayoutExport export(ExportPayoutsCommand command) {
    return exports.export(command);
  }

  @Override
  public PayoutExportSummary exportTo(
      ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
    return exports.exportTo(command, sepaXml, csv);
  }

  @Override
  public Payout markPaid(PayoutId payoutId, Instant paidAt, Act act) {
    return lifecycle.markPaid(payoutId, paidAt, act);
  }

  @Override
  public Payout markFailed(PayoutId payoutId, Act act) {
    return lifecycle.markFailed(payoutId, act);
  }

  @Override
  public PartnerStatement statement(StatementQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    return statements.statement(query);
  }

  @Override
  public void forEachPayout(YearMonth month, Consumer<Payout> action) {
    closes.forEachPayout(month, action);
  }

  @Override
  public void forEachCloseLine(YearMonth month, Consumer<PeriodCloseLine> action) {
    closes.forEachCloseLine(month, action);
  }
}
