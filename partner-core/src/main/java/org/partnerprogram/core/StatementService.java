package org.partnerprogram.core;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.PartnerStatement.LaterEvent;
import org.partnerprogram.core.domain.PartnerStatement.LineKind;
import org.partnerprogram.core.domain.PartnerStatement.Settlement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.export.Remittance;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutStore;

/**
 * Partners' monthly statements. A statement reads only its partner's rows: the month's close line
 * for the partner, the entries the close settled for it (the payout's, also after a failure, or the
 * carried-over ones the close recorded), the priced lines and entries of the orders on it, and the
 * next month's close line. Everything it shows is either what the close wrote or a later event with
 * its own instant, so a statement produced as of the same instant is always the same.
 */
final class StatementService {
  private final ServiceContext ctx;
  private final PayoutStore payouts;
  private final LedgerStore ledger;

  /**
   * Wires the service.
   *
   * @param ctx the terms, ports, clock and randomness
   */
  StatementService(ServiceContext ctx) {
    this.ctx = ctx;
    this.payouts = ctx.storage.payouts();
    this.ledger = ctx.storage.ledger();
  }

  /**
   * A partner's statement for a closed month.
   *
   * @param query the query
   * @return the statement
   */
  PartnerStatement statement(StatementQuery query) {
    YearMonth month = query.month();
    PartnerId partnerId = query.partnerId();
    return ctx.tx.execute(
        () -> {
          ctx.partner(partnerId);
          Instant now = ctx.now();
          PeriodClose close =
              payouts
                  .findClose(month)
                  .orElseThrow(
                      () -> new IllegalTransitionException("month " + month + " is not closed"));
          Instant asOf = query.asOf().orElse(now);
          if (asOf.isBefore(close.closedAt())) {
            throw new InvalidInputException(
                "asOf", asOf + " is before the close of " + month + " (" + close.closedAt() + ")");
          }
          if (asOf.isAfter(now)) {
            throw new InvalidInputException("asOf", asOf + " is after now (" + now + ")");
          }
          Optional<PeriodCloseLine> closeLine = payouts.closeLine(month, partnerId);
          List<LaterEvent> since = new ArrayList<>();
          Settlement settlement;
          List<LedgerEntry> entries;
          Optional<String> holder;
          if (closeLine.isPresent() && closeLine.get().payoutId().isPresent()) {
            Payout payout =
                payouts
                    .find(closeLine.get().payoutId().get())
                    .orElseThrow(
                        () -> new NotFoundException("no payout " + closeLine.get().payoutId()));
            entries = payouts.entriesOfPayout(payout.payoutId());
            holder = payout.account().map(PayoutAccount::holderName);
            settlement =
                new Settlement.PaidOut(
                    payout.payoutId(),
                    payout.amount(),
                    payout.ibanMasked(),
                    payout.holderName(),
                    Remittance.of(ctx.terms, payout));
            laterStatusOf(payout, asOf).ifPresent(since::add);
          } else if (closeLine.isPresent()) {
            PeriodCloseLine line = closeLine.get();
            entries = payouts.carriedOverEntries(month, partnerId);
            holder = holderAt(partnerId, close.closedAt());
            settlement =
                new Settlement.CarriedOver(line.amount(), line.carriedOver().orElseThrow());
            carriedInto(month.plusMonths(1), partnerId, asOf).ifPresent(since::add);
          } else {
            entries = List.of();
            holder = holderAt(partnerId, close.closedAt());
            settlement = new Settlement.NothingPayable();
          }
          List<PartnerStatement.Line> lines = new ArrayList<>();
          List<LedgerEntry> adjusting =
              entries.stream().filter(e -> e.kind().adjustment()).toList();
          List<PartnerStatement.AdjustmentLine> adjustments =
              adjusting.isEmpty()
                  ? List.of()
                  : ledger
                      .adjustmentsOfEntries(adjusting.stream().map(LedgerEntry::entryId).toList())
                      .stream()
                      .map(PartnerStatement.AdjustmentLine::of)
                      .toList();
          Money total =
              explain(
                  entries.stream().filter(e -> !e.kind().adjustment()).toList(),
                  close.closedAt(),
                  asOf,
                  lines,
                  since);
          for (PartnerStatement.AdjustmentLine a : adjustments) {
            total = total.plus(a.amount());
          }
          since.sort(Comparator.comparing(LaterEvent::at));
          return new PartnerStatement(
              new PartnerStatement.Header(
                  ctx.terms.programName(),
                  partnerId,
                  holder,
                  month,
                  ctx.terms.zone(),
                  close.closedAt(),
                  asOf),
              lines,
              adjustments,
              total,
              settlement,
              since);
        });
  }

  /** The payout's paid or failed status as a later event, if it got there by {@code asOf}. */
  private static Optional<LaterEvent> laterStatusOf(Payout payout, Instant asOf) {
    if (payout.statusChangedAt().isAfter(asOf)) {
      return Optional.empty();
    }
    if (payout.status() == PayoutStatus.PAID) {
      return Optional.of(new LaterEvent.PayoutPaid(payout.statusChangedAt()));
    }
    if (payout.status() == PayoutStatus.FAILED) {
      return Optional.of(
          new LaterEvent.PayoutFailed(
              payout.statusChangedAt(), payout.failureReason().orElse("no reason given")));
    }
    return Optional.empty();
  }

  /** Where a carried balance went: the next month's close for the partner, if made by asOf. */
  private Optional<LaterEvent> carriedInto(YearMonth next, PartnerId partnerId, Instant asOf) {
    Optional<PeriodClose> nextClose = payouts.findClose(next);
    if (nextClose.isEmpty() || nextClose.get().closedAt().isAfter(asOf)) {
      return Optional.empty();
    }
    return payouts
        .closeLine(next, partnerId)
        .map(
            l ->
                new LaterEvent.CarriedInto(
                    nextClose.get().closedAt(), next, l.payoutId(), l.amount(), l.carriedOver()));
  }

  /** The holder's name on the account on file at an instant. */
  private Optional<String> holderAt(PartnerId partnerId, Instant at) {
    Optional<String> holder = Optional.empty();
    for (PayoutAccountChange change : ctx.storage.partners().payoutAccountHistory(partnerId)) {
      if (!change.changedAt().isAfter(at)) {
        holder = Optional.of(change.account().holderName());
      }
    }
    return holder;
  }

  /**
   * Turns the settled entries into statement lines: each entry, and every other line of the orders
   * earned here (not participating, rounded to nothing, refunded before payment), so a partner sees
   * why a line of an order earned nothing. Reversals recorded after the close and by asOf of lines
   * earned here are added to {@code since}.
   *
   * @return the total of the lines
   */
  private Money explain(
      List<LedgerEntry> entries,
      Instant closedAt,
      Instant asOf,
      List<PartnerStatement.Line> lines,
      List<LaterEvent> since) {
    Map<OrderId, Map<Integer, CommissionLine>> priced = new HashMap<>();
    Map<OrderId, Instant> earnedOrders = new LinkedHashMap<>();
    Map<OrderId, Set<Integer>> earnedLines = new HashMap<>();
    Set<UUID> settled = new HashSet<>();
    Money total = Money.zero(ctx.terms.currency());
    for (LedgerEntry e : entries) {
      OrderId orderId = e.orderId().orElseThrow();
      CommissionLine cl = pricedLine(priced, orderId, e.lineNumber());
      boolean reversed = e.kind() == LedgerEntry.Kind.REVERSED;
      Money signed = reversed ? e.amount().negated() : e.amount();
      lines.add(
          new PartnerStatement.Line(
              reversed ? LineKind.REVERSED : LineKind.EARNED,
              orderId,
              e.lineNumber(),
              cl.productId(),
              e.base(),
              cl.rate(),
              version(cl),
              signed,
              e.occurredAt()));
      total = total.plus(signed);
      settled.add(e.entryId());
      if (!reversed) {
        earnedOrders.merge(orderId, e.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
        earnedLines.computeIfAbsent(orderId, id -> new HashSet<>()).add(e.lineNumber());
      }
    }
    Money zero = Money.zero(ctx.terms.currency());
    for (Map.Entry<OrderId, Instant> order : earnedOrders.entrySet()) {
      Set<Integer> earned = earnedLines.get(order.getKey());
      for (CommissionLine cl : priced.get(order.getKey()).values()) {
        if (earned.contains(cl.lineNumber())) {
          continue;
        }
        LineKind kind =
            cl.notParticipating()
                ? LineKind.NOT_PARTICIPATING
                : cl.commission().isZero()
                    ? LineKind.ROUNDED_TO_ZERO
                    : LineKind.REFUNDED_BEFORE_PAYMENT;
        lines.add(
            new PartnerStatement.Line(
                kind,
                cl.orderId(),
                cl.lineNumber(),
                cl.productId(),
                cl.net(),
                cl.rate(),
                version(cl),
                zero,
                order.getValue()));
      }
      for (LedgerEntry later : ledger.entriesOfOrder(order.getKey())) {
        if (later.kind() == LedgerEntry.Kind.REVERSED
            && !settled.contains(later.entryId())
            && earned.contains(later.lineNumber())
            && later.recordedAt().isAfter(closedAt)
            && !later.recordedAt().isAfter(asOf)) {
          since.add(
              new LaterEvent.LineReversed(
                  later.occurredAt(),
                  order.getKey(),
                  later.lineNumber(),
                  pricedLine(priced, order.getKey(), later.lineNumber()).productId(),
                  later.amount().negated()));
        }
      }
    }
    lines.sort(
        Comparator.comparing((PartnerStatement.Line l) -> l.orderId().value())
            .thenComparingInt(PartnerStatement.Line::lineNumber)
            .thenComparing(PartnerStatement.Line::occurredAt)
            .thenComparing(PartnerStatement.Line::kind));
    return total;
  }

  private CommissionLine pricedLine(
      Map<OrderId, Map<Integer, CommissionLine>> priced, OrderId orderId, int lineNumber) {
    CommissionLine line =
        priced
            .computeIfAbsent(
                orderId,
                id -> {
                  Map<Integer, CommissionLine> byLine = new LinkedHashMap<>();
                  for (CommissionLine l : ledger.linesOfOrder(id)) {
                    byLine.put(l.lineNumber(), l);
                  }
                  return byLine;
                })
            .get(lineNumber);
    if (line == null) {
      throw new NotFoundException("order " + orderId + " has no priced line " + lineNumber);
    }
    return line;
  }

  private static Optional<String> version(CommissionLine cl) {
    return cl.rateVersion()
        .map(v -> (v.overrideFor().isPresent() ? "override v" : "v") + v.number());
  }
}
