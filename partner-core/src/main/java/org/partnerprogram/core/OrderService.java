package org.partnerprogram.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.AttributionExplanation;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.RatesInForce;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.RateStore;

/**
 * Records orders: decides who earns on an order (the attribution, the partner's membership and the
 * {@link org.partnerprogram.core.domain.EarningPolicy}), prices its lines with the {@link
 * RatesInForce} when it was placed, and accrues the pending commission on the ledger.
 */
final class OrderService {
  private final ServiceContext ctx;
  private final EventClaims claims;
  private final OrderStore orders;
  private final LedgerStore ledger;
  private final RateStore rates;

  OrderService(ServiceContext ctx, EventClaims claims) {
    this.ctx = ctx;
    this.claims = claims;
    this.orders = ctx.storage.orders();
    this.ledger = ctx.storage.ledger();
    this.rates = ctx.storage.rates();
  }

  private static String fingerprint(RecordOrderCommand command) {
    Order order = command.order();
    Fingerprint f =
        new Fingerprint("order")
            .add(command.eventId())
            .add(order.orderId())
            .add(order.customer())
            .add(order.placedAt());
    for (OrderLine line : order.lines()) {
      f.add(line.lineNumber())
          .add(line.productId())
          .add(line.productGroup().orElse(null))
          .add(line.net())
          .add(line.description().orElse(null));
    }
    return f.sha256();
  }

  /**
   * Records an order.
   *
   * @param command the command
   * @return the result
   */
  OrderResult recordOrder(RecordOrderCommand command) {
    ServiceContext.required("command", command);
    Order order = command.order();
    Instants.check("placedAt", order.placedAt());
    if (!order.currency().equals(ctx.terms.currency())) {
      throw new CurrencyMismatchException(ctx.terms.currency(), order.currency());
    }
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instants.notAhead("placedAt", order.placedAt(), now);
          if (claims.isRedelivery(command.eventId(), "order", fingerprint, now)) {
            return replay(order.orderId());
          }
          Optional<RecordedOrder> existing = orders.find(order.orderId());
          if (existing.isPresent()) {
            if (!sameOrder(existing.get().order(), order)) {
              throw new IdempotencyConflictException(existing.get().sourceEvent(), "order");
            }
            return replay(order.orderId()); // the same order under a second event id
          }
          RecordedOrder recorded = decide(command, now);
          if (!orders.insert(recorded)) {
            throw new RetryableException(
                "order " + order.orderId() + " was recorded concurrently; deliver again", null);
          }
          List<CommissionLine> lines = new ArrayList<>();
          List<LedgerEntry> accrued = new ArrayList<>();
          if (recorded.partnerId().isPresent()) {
            PartnerId partner = recorded.partnerId().get();
            RateStore.InForce inForce = rates.inForceFor(partner, order.placedAt());
            RatesInForce card = RatesInForce.of(partner, inForce.programme(), inForce.partner());
            for (OrderLine line : order.lines()) {
              CommissionLine priced =
                  card.price(order, line, ctx.terms.rounding(), command.eventId());
              ledger.insertLine(priced);
              lines.add(priced);
              if (priced.commission().isPositive()) {
                accrued.add(
                    new LedgerEntry(
                        ctx.newEventId(),
                        partner,
                        Optional.of(order.orderId()),
                        line.lineNumber(),
                        LedgerEntry.Kind.ACCRUED,
                        priced.commission(),
                        line.net(),
                        order.placedAt(),
                        Optional.empty(),
                        command.eventId(),
                        now));
              }
            }
            ledger.appendAll(accrued); // one batch for all lines
          }
          return result(recorded, lines, false);
        });
  }

  /**
   * Whether a stored order is the given one: equal, or equal but for the customer, stored as the
   * given customer's pseudonym because the customer was erased since.
   */
  private boolean sameOrder(Order stored, Order given) {
    if (stored.equals(given)) {
      return true;
    }
    return PseudonymKey.isPseudonym(stored.customer().value())
        && stored.equals(
            new Order(
                given.orderId(),
                ctx.pseudonyms.pseudonymOf(given.customer()),
                given.placedAt(),
                given.lines()));
  }

  private OrderResult replay(OrderId orderId) {
    RecordedOrder recorded =
        orders.find(orderId).orElseThrow(() -> new OrderNotRecordedException(orderId));
    return result(recorded, ledger.linesOfOrder(orderId), true);
  }

  private static OrderResult result(
      RecordedOrder recorded, List<CommissionLine> lines, boolean redelivery) {
    OrderId orderId = recorded.order().orderId();
    if (recorded.partnerId().isPresent()) {
      return new OrderResult.Priced(orderId, recorded.partnerId().get(), lines, redelivery);
    }
    NotEarningReason reason = recorded.notEarning().orElseThrow();
    return reason == NotEarningReason.CUSTOMER_NOT_ATTRIBUTED
        ? new OrderResult.NotAttributed(orderId, redelivery)
        : new OrderResult.NotEarning(orderId, reason, redelivery);
  }

  private RecordedOrder decide(RecordOrderCommand command, Instant now) {
    Order order = command.order();
    Optional<AttributionRecord> attribution =
        ctx.storage.attributions().findByCustomer(order.customer());
    Optional<PartnerId> earning =
        attribution.flatMap(
            a ->
                new AttributionExplanation(
                        a, ctx.storage.attributions().reattributionsOf(order.customer()))
                    .partnerAt(order.placedAt()));
    if (earning.isEmpty()) {
      return notEarning(command, NotEarningReason.CUSTOMER_NOT_ATTRIBUTED, now);
    }
    Partner partner = ctx.partner(earning.get());
    if (partner.wasAwayAt(order.placedAt())) {
      return notEarning(command, NotEarningReason.PARTNER_LEFT, now);
    }
    Optional<NotEarningReason> excluded =
        ctx.terms
            .earningPolicy()
            .excludes(
                order.placedAt(),
                attribution.get().signupAt(),
                ctx.terms.zone(),
                () -> orders.countByCustomer(order.customer()) > 0);
    if (excluded.isPresent()) {
      return notEarning(command, excluded.get(), now);
    }
    return new RecordedOrder(
        order, Optional.of(partner.id()), Optional.empty(), command.eventId(), now);
  }

  private static RecordedOrder notEarning(
      RecordOrderCommand command, NotEarningReason reason, Instant now) {
    return new RecordedOrder(
        command.order(), Optional.empty(), Optional.of(reason), command.eventId(), now);
  }
}
