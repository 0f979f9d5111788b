package org.partnerprogram.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.core.port.out.RetentionBatch;

/**
 * The retention the SDK enforces: expired clicks deleted, old attribution inputs pseudonymised,
 * payout accounts superseded longer ago than the bookkeeping retention deleted; each batch by
 * batch, each batch in its own unit of work.
 */
final class RetentionService {
  private final ServiceContext ctx;

  /**
   * Wires the service.
   *
   * @param ctx the terms, ports, clock and pseudonym key
   */
  RetentionService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Applies the retention.
   *
   * @param batch the most rows one unit of work handles
   * @return what was done
   */
  RetentionRun apply(int batch) {
    // The cutoffs are fixed once, before the first batch: every batch works on the same range, so
    // a run that lasts never reaches into rows that were young when it started. Rounded down to
    // the microsecond adapters keep, which keeps a row rather than removing it.
    Instant now = ctx.now();
    Instant clickCutoff =
        now.minus(ctx.terms.attributionWindow())
            .minus(ctx.terms.clickRetentionGrace())
            .truncatedTo(ChronoUnit.MICROS);
    Instant bookkeepingCutoff =
        now.atZone(ctx.terms.zone())
            .minus(ctx.terms.bookkeepingRetention())
            .toInstant()
            .truncatedTo(ChronoUnit.MICROS);
    UnaryOperator<VisitorId> pseudonym =
        v -> PseudonymKey.isPseudonym(v.value()) ? v : ctx.pseudonyms.pseudonymOf(v);

    Steps clicks = clicks(batch, clickCutoff);
    Steps inputs =
        steps(
            batch,
            "AttributionStore.pseudonymiseInputsSignedUpBefore",
            () ->
                ctx.storage
                    .attributions()
                    .pseudonymiseInputsSignedUpBefore(clickCutoff, batch, pseudonym));
    Steps accounts =
        steps(
            batch,
            "PartnerStore.deletePayoutAccountsSupersededBefore",
            () ->
                deleted(
                    ctx.storage
                        .partners()
                        .deletePayoutAccountsSupersededBefore(bookkeepingCutoff, batch)));
    return new RetentionRun(
        clicks.changed,
        inputs.changed,
        accounts.changed,
        clickCutoff,
        bookkeepingCutoff,
        clicks.batches + inputs.batches + accounts.batches);
  }

  /** What the batches of one kind of data did. */
  private record Steps(long changed, int batches) {}

  /**
   * Deletes the clicks before the cutoff, batch by batch, each in its own idempotent unit of work.
   * Each batch starts at the latest instant the previous one deleted (a keyset on the time index),
   * so that none reads again over what the batches before it deleted: on PostgreSQL those index
   * entries stay until the table is vacuumed, and a batch that started from the oldest click would
   * walk over all of them, each batch a little longer than the last. When a batch takes fewer than
   * the limit, one more starts from the oldest click: a click another instance held while this run
   * went past it (skipped, as a batch skips locked rows) and then released is taken there, and if
   * that batch is full, the keyset continues from it.
   */
  private Steps clicks(int batch, Instant cutoff) {
    long deleted = 0;
    int batches = 0;
    Instant from = Instants.MIN;
    while (true) {
      Instant start = from;
      PurgedTouches done =
          ctx.idempotentTx.execute(
              () -> ctx.storage.touches().deleteTouchedBetween(start, cutoff, batch));
      batches++;
      if (done.deleted() > batch) {
        throw new IllegalStateException(
            "TouchStore.deleteTouchedBetween deleted "
                + done.deleted()
                + " rows with a limit of "
                + batch);
      }
      deleted += done.deleted();
      if (done.deleted() == batch) {
        Instant latest = done.latest().orElseThrow();
        if (latest.isBefore(start) || !latest.isBefore(cutoff)) {
          throw new IllegalStateException(
              "TouchStore.deleteTouchedBetween deleted a touch at "
                  + latest
                  + ", outside ["
                  + start
                  + ", "
                  + cutoff
                  + ")");
        }
        from = latest;
      } else if (start.equals(Instants.MIN)) {
        return new Steps(deleted, batches);
      } else {
        from = Instants.MIN;
      }
    }
  }

  /**
   * Runs one batch after another, each in its own idempotent unit of work, until one takes fewer
   * rows than the limit.
   */
  private Steps steps(int batch, String port, Supplier<RetentionBatch> step) {
    long changed = 0;
    int batches = 0;
    RetentionBatch done;
    do {
      done = ctx.idempotentTx.execute(step);
      if (done.taken() > batch) {
        throw new IllegalStateException(
            port + " took " + done.taken() + " rows with a limit of " + batch);
      }
      changed += done.changed();
      batches++;
    } while (done.taken() == batch);
    return new Steps(changed, batches);
  }

  /** A deletion's count as a batch: every row it took, it removed. */
  private static RetentionBatch deleted(int rows) {
    if (rows < 0) {
      throw new IllegalStateException("a store reported " + rows + " rows deleted");
    }
    return new RetentionBatch(rows, rows);
  }
}
