package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.port.out.ReportStore;

/** {@link ReportStore} over the other in-memory stores' tables: each query a scan of one. */
final class InMemoryReports implements ReportStore {
  private final MemoryUnits units;
  private final InMemoryPartners partners;
  private final InMemoryTouches touches;
  private final InMemoryAttributions attributions;
  private final InMemoryOrders orders;
  private final InMemoryLedger ledger;
  private final InMemoryPayouts payouts;

  InMemoryReports(
      MemoryUnits units,
      InMemoryPartners partners,
      InMemoryTouches touches,
      InMemoryAttributions attributions,
      InMemoryOrders orders,
      InMemoryLedger ledger,
      InMemoryPayouts payouts) {
    this.units = units;
    this.partners = partners;
    this.touches = touches;
    this.attributions = attributions;
    this.orders = orders;
    this.ledger = ledger;
    this.payouts = payouts;
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  @Override
  public List<Partner> partnersWithStatus(
      PartnerStatus status, Optional<PartnerId> after, int limit) {
    units.unit();
    return partners.partnersById().values().stream()
        .filter(p -> p.status() == status)
        .filter(p -> after.isEmpty() || p.id().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(p -> p.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<PartnerAmount> topEarners(Currency currency, Instant from, Instant to, int limit) {
    units.unit();
    TreeMap<String, Money> sums = new TreeMap<>();
    for (LedgerEntry e : ledger.entries()) {
      if ((e.kind() != LedgerEntry.Kind.EARNED && e.kind() != LedgerEntry.Kind.REVERSED)
          || !e.amount().currency().equals(currency)
          || !within(e.occurredAt(), from, to)) {
        continue;
      }
      Money signed = e.kind() == LedgerEntry.Kind.EARNED ? e.amount() : e.amount().negated();
      sums.merge(e.partnerId().value(), signed, Money::plus);
    }
    return sums.entrySet().stream()
        .map(s -> new PartnerAmount(PartnerId.of(s.getKey()), s.getValue()))
        .sorted(
            Comparator.comparing((PartnerAmount a) -> a.amount().amount())
                .reversed()
                .thenComparing(a -> a.partnerId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public Funnel funnel(YearMonth month, Instant from, Instant to, Currency currency) {
    units.unit();
    long clicks = touches.touchLog().stream().filter(t -> within(t.at(), from, to)).count();
    long attributed =
        attributions.decisions().values().stream()
            .filter(r -> r.decision() instanceof AttributionDecision.Attributed)
            .filter(r -> within(r.decidedAt(), from, to))
            .count();
    Set<CustomerAccountId> paying = new HashSet<>();
    for (var paid : orders.paidOrders().entrySet()) {
      OrderId orderId = paid.getKey();
      RecordedOrder order = orders.orderById().get(orderId);
      if (order != null && order.partnerId().isPresent() && within(paid.getValue(), from, to)) {
        paying.add(order.order().customer());
      }
    }
    Money earned = Money.zero(currency);
    Money cancelled = Money.zero(currency);
    Money reversed = Money.zero(currency);
    for (LedgerEntry e : ledger.entries()) {
      if (!e.amount().currency().equals(currency) || !within(e.occurredAt(), from, to)) {
        continue;
      }
      switch (e.kind()) {
        case EARNED -> earned = earned.plus(e.amount());
        case CANCELLED -> cancelled = cancelled.plus(e.amount());
        case REVERSED -> reversed = reversed.plus(e.amount());
        case ACCRUED -> {}
      }
    }
    Money paidOut = Money.zero(currency);
    for (Payout p : payouts.payoutsById().values()) {
      if (p.status() == PayoutStatus.PAID
          && p.amount().currency().equals(currency)
          && within(p.statusChangedAt(), from, to)) {
        paidOut = paidOut.plus(p.amount());
      }
    }
    return new Funnel(
        month, clicks, attributed, paying.size(), earned, cancelled, reversed, paidOut);
  }

  @Override
  public List<Payout> payoutsOfMonth(
      YearMonth period, Optional<PayoutStatus> status, Optional<PayoutId> after, int limit) {
    units.unit();
    return payouts.payoutsById().values().stream()
        .filter(p -> p.period().equals(period))
        .filter(p -> status.isEmpty() || p.status() == status.get())
        .filter(p -> after.isEmpty() || p.payoutId().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(p -> p.payoutId().value()))
        .limit(limit)
        .toList();
  }
}
