package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;

/** Period closes, payouts and their entries, in memory. */
final class InMemoryPayouts implements PayoutStore {
  private final MemoryUnits units;
  private final List<LedgerEntry> entries;
  private final Map<YearMonth, PeriodClose> closes = new HashMap<>();
  private final Map<PayoutId, Payout> payoutsById = new HashMap<>();
  private final Map<UUID, PayoutId> assignments = new HashMap<>();
  private final Map<PayoutId, List<UUID>> releasedEntries = new HashMap<>();
  private final Map<CloseKey, List<UUID>> carriedOver = new HashMap<>();
  private final List<PeriodCloseLine> closeLines = new ArrayList<>();

  private record CloseKey(YearMonth period, PartnerId partnerId) {}

  private static final Comparator<LedgerEntry> SETTLED_ORDER =
      Comparator.comparing((LedgerEntry e) -> e.kind().adjustment())
          .thenComparing(e -> e.orderId().map(OrderId::value).orElse(""))
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::recordedAt)
          .thenComparing(LedgerEntry::entryId);

  private static final Comparator<Payout> NEWEST_FIRST =
      Comparator.comparing(Payout::period).thenComparing(p -> p.payoutId().value()).reversed();

  InMemoryPayouts(MemoryUnits units, InMemoryLedger ledger) {
    this.units = units;
    this.entries = ledger.entries();
  }

  @Override
  public boolean claimPeriod(PeriodClose close) {
    units.unit();
    if (closes.containsKey(close.period())) {
      return false;
    }
    units.put(closes, close.period(), close);
    return true;
  }

  @Override
  public Optional<PeriodClose> findClose(YearMonth period) {
    units.unit();
    return Optional.ofNullable(closes.get(period));
  }

  @Override
  public Optional<PeriodClose> latestClose() {
    units.unit();
    return closes.values().stream().max(Comparator.comparing(PeriodClose::period));
  }

  private boolean assignable(LedgerEntry e, Instant before) {
    return e.kind().payable()
        && e.payableAt().orElseThrow().isBefore(before)
        && !assignments.containsKey(e.entryId());
  }

  private Money signed(LedgerEntry e) {
    return e.signedAmount();
  }

  @Override
  public List<PartnerAmount> unassignedPayable(
      Instant before, Currency currency, Optional<PartnerId> after, int limit) {
    units.unit();
    Map<String, Money> sums = new TreeMap<>();
    for (LedgerEntry e : entries) {
      if (assignable(e, before)
          && e.amount().currency().equals(currency)
          && (after.isEmpty() || e.partnerId().value().compareTo(after.get().value()) > 0)) {
        sums.merge(e.partnerId().value(), signed(e), Money::plus);
      }
    }
    return sums.entrySet().stream()
        .limit(limit)
        .map(x -> new PartnerAmount(PartnerId.of(x.getKey()), x.getValue()))
        .toList();
  }

  @Override
  public OptionalLong countUnassignedPayable(Instant before, Currency currency) {
    units.unit();
    return OptionalLong.of(
        entries.stream()
            .filter(e -> assignable(e, before) && e.amount().currency().equals(currency))
            .map(e -> e.partnerId().value())
            .distinct()
            .count());
  }

  @Override
  public void insertPayout(Payout payout) {
    units.unit();
    if (payoutsById.containsKey(payout.payoutId())) {
      throw new ConflictException("payout " + payout.payoutId() + " exists already");
    }
    units.put(payoutsById, payout.payoutId(), payout);
  }

  @Override
  public Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
    units.unit();
    Money sum = Money.zero(currency);
    for (LedgerEntry e : entries) {
      if (e.partnerId().equals(partnerId)
          && e.amount().currency().equals(currency)
          && assignable(e, before)) {
        units.put(assignments, e.entryId(), payoutId);
        sum = sum.plus(signed(e));
      }
    }
    return sum;
  }

  @Override
  public void release(PayoutId payoutId) {
    units.unit();
    List<UUID> released = new ArrayList<>();
    for (LedgerEntry e : entries) {
      if (payoutId.equals(assignments.get(e.entryId()))) {
        units.remove(assignments, e.entryId());
        released.add(e.entryId());
      }
    }
    if (!released.isEmpty()) {
      List<UUID> kept = new ArrayList<>(releasedEntries.getOrDefault(payoutId, List.of()));
      kept.addAll(released);
      units.put(releasedEntries, payoutId, List.copyOf(kept));
    }
  }

  @Override
  public int eraseAccounts(PartnerId partnerId) {
    units.unit();
    int erased = 0;
    for (Payout p : List.copyOf(payoutsById.values())) {
      if (p.partnerId().equals(partnerId) && p.account().isPresent()) {
        units.put(payoutsById, p.payoutId(), p.withoutAccount());
        erased++;
      }
    }
    return erased;
  }

  @Override
  public void deletePayout(PayoutId payoutId) {
    units.unit();
    for (LedgerEntry e : entries) {
      if (payoutId.equals(assignments.get(e.entryId()))) {
        units.remove(assignments, e.entryId());
      }
    }
    units.remove(releasedEntries, payoutId);
    units.remove(payoutsById, payoutId);
  }

  @Override
  public Map<PartnerId, Money> recordCarriedOver(
      YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
    units.unit();
    Map<PartnerId, Money> sums = new LinkedHashMap<>();
    for (PartnerId partner : partners) {
      List<UUID> carried = new ArrayList<>();
      Money sum = Money.zero(currency);
      for (LedgerEntry e : entries) {
        if (e.partnerId().equals(partner)
            && e.amount().currency().equals(currency)
            && assignable(e, before)) {
          carried.add(e.entryId());
          sum = sum.plus(signed(e));
        }
      }
      if (!carried.isEmpty()) {
        units.put(carriedOver, new CloseKey(period, partner), List.copyOf(carried));
      }
      sums.put(partner, sum);
    }
    return sums;
  }

  @Override
  public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
    units.unit();
    List<UUID> ids = carriedOver.getOrDefault(new CloseKey(period, partnerId), List.of());
    return entries.stream().filter(e -> ids.contains(e.entryId())).sorted(SETTLED_ORDER).toList();
  }

  @Override
  public boolean update(Payout payout, PayoutStatus expected) {
    units.unit();
    Payout stored = payoutsById.get(payout.payoutId());
    if (stored == null || stored.status() != expected) {
      return false;
    }
    units.put(payoutsById, payout.payoutId(), payout);
    return true;
  }

  @Override
  public Optional<Payout> find(PayoutId payoutId) {
    units.unit();
    return Optional.ofNullable(payoutsById.get(payoutId));
  }

  @Override
  public List<Payout> payoutsOfPeriod(YearMonth period) {
    units.unit();
    return payoutsById.values().stream()
        .filter(p -> p.period().equals(period))
        .sorted(Comparator.comparing(p -> p.payoutId().value()))
        .toList();
  }

  @Override
  public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
    units.unit();
    return payoutsById.values().stream()
        .filter(p -> p.partnerId().equals(partnerId))
        .sorted(
            Comparator.comparing(Payout::period)
                .reversed()
                .thenComparing(p -> p.payoutId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
    units.unit();
    Money inPayout = Money.zero(currency);
    Money paid = Money.zero(currency);
    for (Payout p : payoutsById.values()) {
      if (!p.partnerId().equals(partnerId) || !p.amount().currency().equals(currency)) {
        continue;
      }
      switch (p.status()) {
        case CREATED, EXPORTED -> inPayout = inPayout.plus(p.amount());
        case PAID -> paid = paid.plus(p.amount());
        case FAILED -> {}
      }
    }
    return new PayoutTotals(inPayout, paid);
  }

  @Override
  public void insertCloseLine(PeriodCloseLine line) {
    units.append(closeLines, line);
  }

  @Override
  public List<PeriodCloseLine> closeLines(YearMonth period) {
    units.unit();
    return closeLines.stream()
        .filter(l -> l.period().equals(period))
        .sorted(Comparator.comparing(l -> l.partnerId().value()))
        .toList();
  }

  @Override
  public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
    units.unit();
    return closeLines.stream()
        .filter(l -> l.period().equals(period) && l.partnerId().equals(partnerId))
        .findFirst();
  }

  @Override
  public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
    units.unit();
    List<UUID> released = releasedEntries.getOrDefault(payoutId, List.of());
    return entries.stream()
        .filter(
            e -> payoutId.equals(assignments.get(e.entryId())) || released.contains(e.entryId()))
        .sorted(SETTLED_ORDER)
        .toList();
  }

  /** The payout an entry is assigned to, if any (a failed payout's entries are released). */
  Optional<Payout> payoutOf(UUID entryId) {
    return Optional.ofNullable(assignments.get(entryId)).map(payoutsById::get);
  }

  @Override
  public List<Payout> payoutsOfPartner(PartnerId partnerId, Optional<PayoutKey> after, int limit) {
    units.unit();
    return payoutsById.values().stream()
        .filter(p -> p.partnerId().equals(partnerId))
        .filter(
            p ->
                after.isEmpty()
                    || p.period().isBefore(after.get().period())
                    || (p.period().equals(after.get().period())
                        && p.payoutId().value().compareTo(after.get().payoutId().value()) < 0))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  /** The payouts by id, live: the report store reads them. */
  Map<PayoutId, Payout> payoutsById() {
    return payoutsById;
  }
}
