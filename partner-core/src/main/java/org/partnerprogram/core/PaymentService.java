package org.partnerprogram.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.event.CommissionEarned;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.Redelivered;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;

/**
 * Records payments: a paid order earns its pending commission, payable after the holding period; an
 * order is paid once.
 */
final class PaymentService {
  private final ServiceContext ctx;
  private final EventClaims claims;
  private final OrderStore orders;
  private final LedgerStore ledger;

  PaymentService(ServiceContext ctx, EventClaims claims) {
    this.ctx = ctx;
    this.claims = claims;
    this.orders = ctx.storage.orders();
    this.ledger = ctx.storage.ledger();
  }

  /**
   * Records a payment.
   *
   * @param command the command
   * @return the result
   */
  PaymentResult recordPayment(RecordPaymentCommand command) {
    ServiceContext.required("command", command);
    Instant paidAt = Instants.check("paidAt", command.paidAt());
    String fingerprint =
        new Fingerprint("payment")
            .add(command.eventId())
            .add(command.orderId())
            .add(paidAt)
            .sha256();
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instants.notAhead("paidAt", paidAt, now);
          if (claims.isRedelivery(command.eventId(), "payment", fingerprint, now)) {
            return new Redelivered(command.orderId(), ledger.entriesOfEvent(command.eventId()));
          }
          // Mark paid first (a row lock: a concurrent payment waits, then finds the order paid),
          // and read the order and its refunds after it in one call; only a refused mark needs
          // to tell an unknown order from a paid one.
          if (!orders.markPaid(command.orderId(), paidAt)) {
            if (orders.find(command.orderId()).isEmpty()) {
              throw new OrderNotRecordedException(command.orderId());
            }
            // The order may have been committed by another transaction after the mark looked and
            // before the read: mark again, now that it is visible. Only a second refusal means
            // the order was paid (taking the first refusal for "paid" lost payments that raced
            // their order's recording: found by the two-instance delivery test).
            if (!orders.markPaid(command.orderId(), paidAt)) {
              return new PaymentResult.AlreadyPaid(command.orderId());
            }
          }
          OrderStore.OrderWithRefunds found =
              orders
                  .findWithRefunds(command.orderId())
                  .orElseThrow(() -> new OrderNotRecordedException(command.orderId()));
          RecordedOrder recorded = found.recorded();
          // Refused after the mark (which reads the order for free): the unit of work rolls the
          // mark and the event's claim back, so the refusal writes nothing.
          EventClaims.notBeforeTheOrder("paidAt", paidAt, recorded.order());
          if (recorded.partnerId().isEmpty()) {
            return new PaymentResult.NothingEarned(command.orderId());
          }
          PartnerId partner = recorded.partnerId().get();
          Instant payableAt = paidAt.plus(ctx.terms.holdingPeriod());
          Map<Integer, Money> pending = pendingByLine(command.orderId());
          Map<Integer, Money> refunded = found.refundedByLine();
          List<LedgerEntry> earned = new ArrayList<>();
          Money total = Money.zero(ctx.terms.currency());
          for (Map.Entry<Integer, Money> line : pending.entrySet()) {
            if (!line.getValue().isPositive()) {
              continue;
            }
            Money net = recorded.order().line(line.getKey()).net();
            Money base =
                net.minus(refunded.getOrDefault(line.getKey(), Money.zero(net.currency())));
            LedgerEntry entry =
                new LedgerEntry(
                    ctx.newEventId(),
                    partner,
                    Optional.of(command.orderId()),
                    line.getKey(),
                    LedgerEntry.Kind.EARNED,
                    line.getValue(),
                    base,
                    paidAt,
                    Optional.of(payableAt),
                    command.eventId(),
                    now);
            earned.add(entry);
            total = total.plus(entry.amount());
          }
          ledger.appendAll(earned); // one batch for all lines
          if (total.isPositive()) {
            ctx.events.publish(
                new CommissionEarned(
                    ctx.newEventId(), now, partner, command.orderId(), total, payableAt));
          }
          return earned.isEmpty()
              ? new PaymentResult.NothingEarned(command.orderId())
              : new PaymentResult.Earned(command.orderId(), earned);
        });
  }

  /** Pending commission per line: accrued minus cancelled minus earned. */
  private Map<Integer, Money> pendingByLine(OrderId orderId) {
    Map<Integer, Money> pending = new TreeMap<>();
    for (LedgerEntry e : ledger.entriesOfOrder(orderId)) {
      Money current = pending.getOrDefault(e.lineNumber(), Money.zero(e.amount().currency()));
      switch (e.kind()) {
        case ACCRUED -> pending.put(e.lineNumber(), current.plus(e.amount()));
        case EARNED, CANCELLED -> pending.put(e.lineNumber(), current.minus(e.amount()));
        case REVERSED, CREDITED, DEBITED, WRITTEN_OFF -> pending.put(e.lineNumber(), current);
      }
    }
    return pending;
  }
}
