package org.partnerprogram.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.RefundAllocation;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.Redelivered;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;

/**
 * Records refunds and chargebacks: the {@link RefundAllocation} says which lines a refund falls on
 * and how much commission it takes back from each; this service stores the refund, the entries and
 * the event.
 */
final class RefundService {
  private final ServiceContext ctx;
  private final EventClaims claims;
  private final OrderStore orders;
  private final LedgerStore ledger;

  RefundService(ServiceContext ctx, EventClaims claims) {
    this.ctx = ctx;
    this.claims = claims;
    this.orders = ctx.storage.orders();
    this.ledger = ctx.storage.ledger();
  }

  private static String fingerprint(RecordRefundCommand command) {
    Fingerprint f =
        new Fingerprint("refund")
            .add(command.eventId())
            .add(command.orderId())
            .add(command.refundedAt())
            .add(command.isChargeback())
            .add(command.wholeOrder().orElse(null));
    command.perLine().forEach((line, amount) -> f.add(line).add(amount));
    return f.sha256();
  }

  /**
   * Records a refund.
   *
   * @param command the command
   * @return the result
   */
  RefundResult recordRefund(RecordRefundCommand command) {
    ServiceContext.required("command", command);
    Instants.check("refundedAt", command.refundedAt());
    command.wholeOrder().ifPresent(this::requireProgrammeCurrency);
    command.perLine().values().forEach(this::requireProgrammeCurrency);
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instants.notAhead("refundedAt", command.refundedAt(), now);
          if (claims.isRedelivery(command.eventId(), "refund", fingerprint, now)) {
            return new Redelivered(command.orderId(), ledger.entriesOfEvent(command.eventId()));
          }
          RecordedOrder recorded =
              orders
                  .find(command.orderId())
                  .orElseThrow(() -> new OrderNotRecordedException(command.orderId()));
          Order order = recorded.order();
          EventClaims.notBeforeTheOrder("refundedAt", command.refundedAt(), order);
          Map<Integer, Money> before = orders.refundedByLine(order.orderId());
          RefundAllocation allocation =
              command.wholeOrder().isPresent()
                  ? RefundAllocation.ofWholeOrder(order, before, command.wholeOrder().get())
                  : RefundAllocation.ofLines(order, before, command.perLine());
          Optional<Instant> paidAt = orders.paidAt(order.orderId());
          if (paidAt.isPresent()) {
            allocation = allocation.afterPaymentAt(paidAt.get());
          }
          Map<Integer, CommissionLine> priced = new TreeMap<>();
          for (CommissionLine line : ledger.linesOfOrder(order.orderId())) {
            priced.put(line.lineNumber(), line);
          }
          List<LedgerEntry> entries = new ArrayList<>();
          Money total = Money.zero(ctx.terms.currency());
          for (Map.Entry<Integer, Money> r : allocation.refunds().entrySet()) {
            int lineNumber = r.getKey();
            orders.addRefund(order.orderId(), lineNumber, command.eventId(), r.getValue());
            CommissionLine line = priced.get(lineNumber);
            if (line == null) {
              continue;
            }
            Money delta = allocation.commissionTakenBack(line, ctx.terms.rounding());
            if (!delta.isPositive()) {
              continue;
            }
            LedgerEntry entry =
                new LedgerEntry(
                    ctx.newEventId(),
                    line.partnerId(),
                    Optional.of(order.orderId()),
                    lineNumber,
                    allocation.entryKind(),
                    delta,
                    r.getValue(),
                    command.refundedAt(),
                    allocation.payableAt(ctx.terms.holdingPeriod()),
                    command.eventId(),
                    now);
            ledger.append(entry);
            entries.add(entry);
            total = total.plus(delta);
          }
          if (total.isPositive() && recorded.partnerId().isPresent()) {
            ctx.events.publish(
                new CommissionReversed(
                    ctx.newEventId(),
                    now,
                    recorded.partnerId().get(),
                    order.orderId(),
                    total,
                    command.isChargeback(),
                    paidAt.isPresent()));
          }
          return new RefundResult.Recorded(order.orderId(), entries);
        });
  }

  private void requireProgrammeCurrency(Money amount) {
    if (!amount.currency().equals(ctx.terms.currency())) {
      throw new CurrencyMismatchException(ctx.terms.currency(), amount.currency());
    }
  }
}
