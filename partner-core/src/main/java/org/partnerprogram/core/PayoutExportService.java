package org.partnerprogram.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.event.PayoutsExported;
import org.partnerprogram.core.export.PayoutCsvWriter;
import org.partnerprogram.core.export.Remittance;
import org.partnerprogram.core.export.SepaBatch;
import org.partnerprogram.core.export.SepaCreditTransferWriter;
import org.partnerprogram.core.export.SepaTransfer;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.WorkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bank files for a closed month: the SEPA credit transfer and the CSV, written by the writers in
 * {@code export}. One flow serves both ways of exporting: {@link #export} runs {@link #exportTo}
 * into memory.
 */
final class PayoutExportService {
  private static final Logger LOG = LoggerFactory.getLogger(PayoutExportService.class);

  private final ServiceContext ctx;
  private final PayoutStore payouts;
  private final AuditTrail audit;

  PayoutExportService(ServiceContext ctx) {
    this.ctx = ctx;
    this.payouts = ctx.storage.payouts();
    this.audit = new AuditTrail(ctx);
  }

  /**
   * Exports a closed month's payouts into memory: the bytes {@link #exportTo} writes.
   *
   * @param command the command
   * @return the files
   */
  PayoutExport export(ExportPayoutsCommand command) {
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    PayoutExportSummary summary = exportTo(command, xml, csv);
    return new PayoutExport(
        summary.month(),
        xml.toByteArray(),
        csv.toByteArray(),
        summary.count(),
        summary.total(),
        summary.outsideSepaCount(),
        summary.outsideSepaTotal());
  }

  /**
   * Exports a closed month's payouts to streams, reading them twice (totals, files) and marking
   * them exported in one storage call, instead of holding them: memory stays flat however many
   * payouts the month has. A payout to an account outside SEPA (a programme on {@link
   * org.partnerprogram.core.domain.PayoutRail#ANY_IBAN}) is in the CSV only; the SEPA file is left
   * empty when no payout goes by SEPA.
   *
   * @param command the command
   * @param sepaXml where the pain.001 file goes
   * @param csv where the CSV goes
   * @return how many payouts and their sum
   */
  PayoutExportSummary exportTo(
      ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
    ServiceContext.required("command", command);
    ServiceContext.required("sepaXml", sepaXml);
    ServiceContext.required("csv", csv);
    long start = ctx.observations.ticks();
    PayoutExportSummary summary = write(command, sepaXml, csv);
    LOG.info(
        "exported month {}: {} payouts totalling {} ({} outside SEPA, in the CSV only), {} and CSV"
            + " {}, in {} ms",
        summary.month(),
        summary.count(),
        summary.total(),
        summary.outsideSepaCount(),
        command.version(),
        command.csvFormat(),
        ctx.observations.since(start).toMillis());
    return summary;
  }

  private PayoutExportSummary write(
      ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
    YearMonth month = command.month();
    return ctx.tx.execute(
        () -> {
          PeriodClose close =
              payouts
                  .findClose(month)
                  .orElseThrow(
                      () -> new IllegalTransitionException("month " + month + " is not closed"));
          Totals totals = new Totals();
          forEachExported(month, totals);
          if (totals.all == 0) {
            throw new IllegalTransitionException(
                "the close of " + month + " made no payout to export");
          }
          Progress progress = new Progress(month, totals.all);
          try (PayoutCsvWriter rows = PayoutCsvWriter.to(csv, ctx.terms, command.csvFormat())) {
            if (totals.firstSepa == null) {
              forEachExported(
                  month,
                  p -> {
                    rows.write(p);
                    progress.one();
                  });
            } else {
              SepaCreditTransferWriter.write(
                  new SepaBatch(
                      "PP-" + month,
                      close.closedAt(),
                      command.executionDate(),
                      command.debtor(),
                      List.of(totals.firstSepa)),
                  totals.all - totals.outside,
                  totals.total.minus(totals.outsideTotal),
                  sink ->
                      forEachExported(
                          month,
                          p -> {
                            if (p.transferAccount().iban().isSepa()) {
                              sink.accept(transfer(p));
                            }
                            rows.write(p);
                            progress.one();
                          }),
                  command.version(),
                  sepaXml);
            }
            sepaXml.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          // Marking in one storage call after the streams: the SDK never writes while it streams.
          Instant now = ctx.now();
          if (payouts.markExported(month, now) > 0) {
            // The first export of the month's payouts (or of those not sent yet): an act. The
            // same files written again mark nothing and record nothing.
            ctx.events.publish(
                new PayoutsExported(ctx.newEventId(), now, month, totals.all, totals.total));
            audit.record(
                command.act(), AuditAction.PAYOUTS_EXPORTED, Optional.empty(), month.toString());
          }
          return new PayoutExportSummary(
              month, totals.all, totals.total, totals.outside, totals.outsideTotal);
        });
  }

  /** Tells the observer how many payouts are written: at the start, every few, and at the end. */
  private final class Progress {
    private static final int EVERY = 1000;
    private final YearMonth month;
    private final long total;
    private long done;

    Progress(YearMonth month, long total) {
      this.month = month;
      this.total = total;
      tell();
    }

    void one() {
      done++;
      if (done % EVERY == 0 || done == total) {
        tell();
      }
    }

    private void tell() {
      ctx.observations.progressed(
          new WorkProgress(WorkProgress.EXPORT, month, done, OptionalLong.of(total)));
    }
  }

  /** Streams the month's payouts that go into its files: every one that has not failed. */
  private void forEachExported(YearMonth month, Consumer<Payout> action) {
    payouts.forEachPayoutOfPeriod(
        month,
        p -> {
          if (p.status() != PayoutStatus.FAILED) {
            action.accept(p);
          }
        });
  }

  private SepaTransfer transfer(Payout p) {
    return new SepaTransfer(
        p.payoutId().value(),
        p.transferAccount().holderName(),
        p.transferAccount().iban(),
        p.amount(),
        Remittance.of(ctx.terms, p));
  }

  /**
   * What the first read of an export counts: all payouts and those outside SEPA with their sums,
   * and the first SEPA transfer, which opens the SEPA file.
   */
  private final class Totals implements Consumer<Payout> {
    int all;
    Money total = Money.zero(ctx.terms.currency());
    int outside;
    Money outsideTotal = Money.zero(ctx.terms.currency());
    SepaTransfer firstSepa;

    @Override
    public void accept(Payout p) {
      if (p.account().isEmpty()) {
        // The first read, before a byte is written: a refused export writes nothing.
        throw new ConflictException(
            "the bank files of "
                + p.period()
                + " cannot be written again: the partner of payout "
                + p.payoutId()
                + " was erased, and with it the account the payout went to; the files written"
                + " before are the record");
      }
      all++;
      total = total.plus(p.amount());
      if (!p.transferAccount().iban().isSepa()) {
        outside++;
        outsideTotal = outsideTotal.plus(p.amount());
      } else if (firstSepa == null) {
        firstSepa = transfer(p);
      }
    }
  }
}
