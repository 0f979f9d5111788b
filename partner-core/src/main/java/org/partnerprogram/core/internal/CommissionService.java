package org.partnerprogram.core.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.EarningPolicy;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.CommissionEarned;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.ProcessedEventsQuery;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.RateStore;

/**
 * Orders, payments and refunds on the append-only ledger. Every event first claims its id, so a
 * redelivery, even a concurrent one, writes nothing a second time; all input is checked before the
 * claim, and a refused event rolls its claim back with everything else.
 */
public final class CommissionService {
  private final ServiceContext ctx;
  private final OrderStore orders;
  private final LedgerStore ledger;
  private final ProcessedEventStore processed;
  private final RateStore rates;

  /**
   * Wires the service.
   *
   * @param ctx the terms, ports, clock and randomness
   */
  public CommissionService(ServiceContext ctx) {
    this.ctx = ctx;
    this.orders = ctx.storage.orders();
    this.ledger = ctx.storage.ledger();
    this.processed = ctx.storage.processedEvents();
    this.rates = ctx.storage.rates();
  }

  /** Claims the event, or tells whether it is a faithful redelivery (true) or throws on a reuse. */
  private boolean isRedelivery(EventId eventId, String kind, String fingerprint, Instant now) {
    if (processed.claim(new ProcessedEvent(eventId, kind, fingerprint, now))) {
      return false;
    }
    ProcessedEvent earlier =
        processed
            .find(eventId)
            .orElseThrow(
                () -> new RetryableException("event " + eventId + " is being processed", null));
    if (!earlier.kind().equals(kind) || !earlier.fingerprint().equals(fingerprint)) {
      throw new IdempotencyConflictException(eventId, earlier.kind());
    }
    return true;
  }

  // ---------------------------------------------------------------- orders

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
  public OrderResult recordOrder(RecordOrderCommand command) {
    if (command == null) {
      throw new InvalidInputException("command", "must not be null");
    }
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
          if (isRedelivery(command.eventId(), "order", fingerprint, now)) {
            return replay(order.orderId());
          }
          Optional<RecordedOrder> existing = orders.find(order.orderId());
          if (existing.isPresent()) {
            if (!existing.get().order().equals(order)) {
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
            Optional<RateVersion> programme = inForce.programme();
            Optional<RateVersion> override = inForce.partner();
            for (OrderLine line : order.lines()) {
              CommissionLine priced =
                  price(command.eventId(), order, line, partner, programme, override);
              ledger.insertLine(priced);
              lines.add(priced);
              if (priced.commission().isPositive()) {
                accrued.add(
                    new LedgerEntry(
                        ctx.newEventId(),
                        partner,
                        order.orderId(),
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
    if (attribution.isEmpty()
        || !(attribution.get().decision() instanceof AttributionDecision.Attributed attributed)) {
      return notEarning(command, NotEarningReason.CUSTOMER_NOT_ATTRIBUTED, now);
    }
    Partner partner = ctx.partner(attributed.partnerId());
    if (partner.wasAwayAt(order.placedAt())) {
      return notEarning(command, NotEarningReason.PARTNER_LEFT, now);
    }
    EarningPolicy policy = ctx.terms.earningPolicy();
    if (policy instanceof EarningPolicy.FirstOrderOnly
        && orders.countByCustomer(order.customer()) > 0) {
      return notEarning(command, NotEarningReason.NOT_FIRST_ORDER, now);
    }
    if (policy instanceof EarningPolicy.WithinMonths within) {
      ZonedDateTime signup = attribution.get().signupAt().atZone(ctx.terms.zone());
      if (!order.placedAt().isBefore(signup.plusMonths(within.months()).toInstant())) {
        return notEarning(command, NotEarningReason.OUTSIDE_EARNING_PERIOD, now);
      }
    }
    return new RecordedOrder(
        order, Optional.of(partner.id()), Optional.empty(), command.eventId(), now);
  }

  private static RecordedOrder notEarning(
      RecordOrderCommand command, NotEarningReason reason, Instant now) {
    return new RecordedOrder(
        command.order(), Optional.empty(), Optional.of(reason), command.eventId(), now);
  }

  private CommissionLine price(
      EventId eventId,
      Order order,
      OrderLine line,
      PartnerId partner,
      Optional<RateVersion> programme,
      Optional<RateVersion> override) {
    Optional<Rate> rate = Optional.empty();
    Optional<CommissionLine.RateVersionRef> version = Optional.empty();
    if (override.isPresent()) {
      rate = override.get().rateFor(line.productId(), line.productGroup());
      if (rate.isPresent()) {
        version =
            Optional.of(
                new CommissionLine.RateVersionRef(Optional.of(partner), override.get().number()));
      }
    }
    if (rate.isEmpty() && programme.isPresent()) {
      rate = programme.get().rateFor(line.productId(), line.productGroup());
      if (rate.isPresent()) {
        version =
            Optional.of(
                new CommissionLine.RateVersionRef(Optional.empty(), programme.get().number()));
      }
    }
    Money commission =
        rate.isPresent()
            ? rate.get().commissionOn(line.net(), ctx.terms.rounding())
            : Money.zero(line.net().currency());
    return new CommissionLine(
        order.orderId(),
        line.lineNumber(),
        partner,
        line.productId(),
        line.net(),
        rate,
        version,
        commission,
        order.placedAt(),
        eventId);
  }

  // ---------------------------------------------------------------- payments

  /**
   * Records a payment.
   *
   * @param command the command
   * @return the result
   */
  public PaymentResult recordPayment(RecordPaymentCommand command) {
    if (command == null) {
      throw new InvalidInputException("command", "must not be null");
    }
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
          if (isRedelivery(command.eventId(), "payment", fingerprint, now)) {
            return new PaymentResult.Redelivered(
                command.orderId(), ledger.entriesOfEvent(command.eventId()));
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
          notBeforeTheOrder("paidAt", paidAt, recorded.order());
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
                    command.orderId(),
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
        case REVERSED -> pending.put(e.lineNumber(), current);
      }
    }
    return pending;
  }

  // ---------------------------------------------------------------- refunds

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
  public RefundResult recordRefund(RecordRefundCommand command) {
    if (command == null) {
      throw new InvalidInputException("command", "must not be null");
    }
    Instants.check("refundedAt", command.refundedAt());
    command.wholeOrder().ifPresent(this::requireProgrammeCurrency);
    command.perLine().values().forEach(this::requireProgrammeCurrency);
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instants.notAhead("refundedAt", command.refundedAt(), now);
          if (isRedelivery(command.eventId(), "refund", fingerprint, now)) {
            return new RefundResult.Redelivered(
                command.orderId(), ledger.entriesOfEvent(command.eventId()));
          }
          RecordedOrder recorded =
              orders
                  .find(command.orderId())
                  .orElseThrow(() -> new OrderNotRecordedException(command.orderId()));
          Order order = recorded.order();
          notBeforeTheOrder("refundedAt", command.refundedAt(), order);
          Map<Integer, Money> before = orders.refundedByLine(order.orderId());
          Map<Integer, Money> refund = refundPerLine(command, order, before);
          Optional<Instant> paidAt = orders.paidAt(order.orderId());
          Map<Integer, CommissionLine> priced = new TreeMap<>();
          for (CommissionLine line : ledger.linesOfOrder(order.orderId())) {
            priced.put(line.lineNumber(), line);
          }
          List<LedgerEntry> entries = new ArrayList<>();
          Money total = Money.zero(ctx.terms.currency());
          for (Map.Entry<Integer, Money> r : refund.entrySet()) {
            int lineNumber = r.getKey();
            Money zero = Money.zero(r.getValue().currency());
            orders.addRefund(order.orderId(), lineNumber, command.eventId(), r.getValue());
            CommissionLine line = priced.get(lineNumber);
            if (line == null || !line.commission().isPositive()) {
              continue;
            }
            Money r0 = before.getOrDefault(lineNumber, zero);
            Money r1 = r0.plus(r.getValue());
            Money delta = share(line, r1).minus(share(line, r0));
            if (!delta.isPositive()) {
              continue;
            }
            LedgerEntry entry =
                new LedgerEntry(
                    ctx.newEventId(),
                    line.partnerId(),
                    order.orderId(),
                    lineNumber,
                    paidAt.isPresent() ? LedgerEntry.Kind.REVERSED : LedgerEntry.Kind.CANCELLED,
                    delta,
                    r.getValue(),
                    command.refundedAt(),
                    paidAt.map(p -> p.plus(ctx.terms.holdingPeriod())),
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

  private static void notBeforeTheOrder(String field, Instant at, Order order) {
    if (at.isBefore(order.placedAt())) {
      throw new InvalidInputException(
          field,
          "lies before the order "
              + order.orderId()
              + " was placed ("
              + at
              + " is before "
              + order.placedAt()
              + ")");
    }
  }

  private void requireProgrammeCurrency(Money amount) {
    if (!amount.currency().equals(ctx.terms.currency())) {
      throw new CurrencyMismatchException(ctx.terms.currency(), amount.currency());
    }
  }

  /**
   * The commission share of a refunded net amount, rounded once: commission x refunded / net.
   * Taking the difference of cumulative shares means a full refund takes back exactly the
   * commission, never a cent more or less, however it is split.
   */
  private Money share(CommissionLine line, Money refundedNet) {
    if (line.net().isZero()) {
      return Money.zero(line.net().currency());
    }
    BigDecimal ratio =
        refundedNet.amount().divide(line.net().amount(), 34, java.math.RoundingMode.HALF_EVEN);
    Money share = line.commission().multipliedBy(ratio, ctx.terms.rounding());
    return share.compareTo(line.commission()) > 0 ? line.commission() : share;
  }

  private static Map<Integer, Money> refundPerLine(
      RecordRefundCommand command, Order order, Map<Integer, Money> before) {
    Map<Integer, Money> remaining = new TreeMap<>();
    for (OrderLine line : order.lines()) {
      Money done = before.getOrDefault(line.lineNumber(), Money.zero(line.net().currency()));
      remaining.put(line.lineNumber(), line.net().minus(done));
    }
    Map<Integer, Money> refund = new TreeMap<>();
    if (command.wholeOrder().isPresent()) {
      Money amount = command.wholeOrder().get();
      Money left = Money.zero(amount.currency());
      for (Money m : remaining.values()) {
        left = left.plus(m);
      }
      if (amount.compareTo(left) > 0) {
        throw new InvalidInputException(
            "amount",
            "refund of "
                + amount
                + " is more than what is left to refund on the order ("
                + left
                + ")");
      }
      List<Integer> numbers = new ArrayList<>(remaining.keySet());
      long[] weights = new long[numbers.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = remaining.get(numbers.get(i)).minorUnits();
      }
      List<Money> parts = amount.allocate(weights);
      for (int i = 0; i < weights.length; i++) {
        if (parts.get(i).isPositive()) {
          refund.put(numbers.get(i), parts.get(i));
        }
      }
      return refund;
    }
    for (Map.Entry<Integer, Money> e : command.perLine().entrySet()) {
      Money left = remaining.get(e.getKey());
      if (left == null) {
        throw new InvalidInputException(
            "lineNumber", "order " + order.orderId() + " has no line " + e.getKey());
      }
      if (e.getValue().compareTo(left) > 0) {
        throw new InvalidInputException(
            "amount",
            "refund of "
                + e.getValue()
                + " on line "
                + e.getKey()
                + " is more than what is left to refund on it ("
                + left
                + ")");
      }
      refund.put(e.getKey(), e.getValue());
    }
    return refund;
  }

  /**
   * Which of the events were processed.
   *
   * @param query the ids
   * @return the processed ones
   */
  public Set<EventId> processed(ProcessedEventsQuery query) {
    return ctx.tx.execute(
        () -> {
          Set<EventId> found = new LinkedHashSet<>();
          for (EventId id : query.eventIds()) {
            if (processed.find(id).isPresent()) {
              found.add(id);
            }
          }
          return Collections.unmodifiableSet(found);
        });
  }
}
