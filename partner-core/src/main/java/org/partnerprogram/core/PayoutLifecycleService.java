package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Text;
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

  PayoutLifecycleService(ServiceContext ctx) {
    this.ctx = ctx;
    this.payouts = ctx.storage.payouts();
  }

  private Payout existing(PayoutId id) {
    return payouts.find(id).orElseThrow(() -> new NotFoundException("no payout with id " + id));
  }

  /**
   * Marks a payout paid.
   *
   * @param payoutId the payout
   * @param paidAtInstant when the bank paid it
   * @return the payout
   */
  Payout markPaid(PayoutId payoutId, Instant paidAtInstant) {
    required("payoutId", payoutId);
    required("paidAt", paidAtInstant);
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
          return paid;
        });
  }

  /**
   * Marks a payout failed; its entries become payable again.
   *
   * @param payoutId the payout
   * @param reason the bank's reason
   * @return the payout
   */
  Payout markFailed(PayoutId payoutId, String reason) {
    required("payoutId", payoutId);
    Text.freeText("reason", reason, 200);
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
          return failed;
        });
  }
}
