package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.PayoutFailed;
import org.partnerprogram.core.domain.event.PayoutPaid;
import org.partnerprogram.core.port.out.PayoutStore;

/**
 * The payout lifecycle after a close: a payout is paid once the bank confirms it, or failed, which
 * returns its entries to the balance.
 */
final class PayoutLifecycleService {
  private final ServiceContext ctx;
  private final PayoutStore payouts;
  private final AuditTrail audit;

  PayoutLifecycleService(ServiceContext ctx) {
    this.ctx = ctx;
    this.payouts = ctx.storage.payouts();
    this.audit = new AuditTrail(ctx);
  }

  private Payout existing(PayoutId id) {
    return payouts.find(id).orElseThrow(() -> new NotFoundException("no payout with id " + id));
  }

  /**
   * Marks a payout paid.
   *
   * @param payoutId the payout
   * @param paidAtInstant when the bank paid it
   * @param act who marks it and why
   * @return the payout
   */
  Payout markPaid(PayoutId payoutId, Instant paidAtInstant, Act act) {
    required("payoutId", payoutId);
    required("paidAt", paidAtInstant);
    required("act", act);
    Instant paidAt = Instants.check("paidAt", paidAtInstant);
    return ctx.tx.execute(
        () -> {
          Instants.notAhead("paidAt", paidAt, ctx.now());
          Payout payout = existing(payoutId);
          if (paidAt.isBefore(payout.createdAt())) {
            throw new InvalidInputException(
                "paidAt",
                paidAt
                    + " is before payout "
                    + payout.payoutId()
                    + " was made ("
                    + payout.createdAt()
                    + ")");
          }
          Payout paid = payout.paid(paidAt);
          if (!payouts.update(paid, payout.status())) {
            throw new RetryableException(
                "payout " + payout.payoutId() + " changed concurrently", null);
          }
          ctx.events.publish(
              new PayoutPaid(
                  ctx.newEventId(), ctx.now(), paid.partnerId(), paid.payoutId(), paid.amount()));
          audit.record(
              act, AuditAction.PAYOUT_PAID, Optional.of(paid.partnerId()), paid.payoutId().value());
          return paid;
        });
  }

  /**
   * Marks a payout failed; its entries become payable again.
   *
   * @param payoutId the payout
   * @param act who marks it, and the bank's reason
   * @return the payout
   */
  Payout markFailed(PayoutId payoutId, Act act) {
    required("payoutId", payoutId);
    required("act", act);
    String reason = act.reason();
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Payout payout = existing(payoutId);
          Payout failed = payout.failed(now, reason);
          if (!payouts.update(failed, payout.status())) {
            throw new RetryableException(
                "payout " + payout.payoutId() + " changed concurrently", null);
          }
          payouts.release(failed.payoutId());
          ctx.events.publish(
              new PayoutFailed(
                  ctx.newEventId(),
                  now,
                  failed.partnerId(),
                  failed.payoutId(),
                  failed.amount(),
                  reason));
          audit.record(
              act,
              AuditAction.PAYOUT_FAILED,
              Optional.of(failed.partnerId()),
              failed.payoutId().value());
          return failed;
        });
  }
}
