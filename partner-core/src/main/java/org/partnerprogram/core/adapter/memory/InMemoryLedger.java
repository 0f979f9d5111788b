package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.port.out.LedgerStore;

/** The commission ledger and the ledger-line query, in memory. */
final class InMemoryLedger implements LedgerStore {
  private final MemoryUnits units;
  private final Map<String, CommissionLine> pricedLines = new HashMap<>();
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<String, LedgerEntry> entryKeys = new HashMap<>();
  private final Map<EventId, Adjustment> adjustments = new HashMap<>();
  private final Map<UUID, Adjustment> adjustmentsByEntry = new HashMap<>();
  private final Function<UUID, Optional<Payout>> payoutOfEntry;

  private static final Comparator<LedgerEntry> ENTRY_ORDER =
      Comparator.comparing(LedgerEntry::recordedAt)
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::kind);

  private static final Comparator<CommissionLine> LINE_ORDER =
      Comparator.comparing(CommissionLine::placedAt)
          .thenComparing(l -> l.orderId().value())
          .thenComparingInt(CommissionLine::lineNumber);

  InMemoryLedger(MemoryUnits units, Function<UUID, Optional<Payout>> payoutOfEntry) {
    this.units = units;
    this.payoutOfEntry = payoutOfEntry;
  }

  @Override
  public boolean insertLine(CommissionLine line) {
    units.unit();
    String key = line.orderId().value() + "#" + line.lineNumber();
    if (pricedLines.containsKey(key)) {
      return false;
    }
    units.put(pricedLines, key, line);
    return true;
  }

  @Override
  public List<CommissionLine> linesOfOrder(OrderId orderId) {
    units.unit();
    return pricedLines.values().stream()
        .filter(l -> l.orderId().equals(orderId))
        .sorted(Comparator.comparingInt(CommissionLine::lineNumber))
        .toList();
  }

  @Override
  public boolean append(LedgerEntry entry) {
    units.unit();
    String key =
        entry.sourceEvent().value()
            + "#"
            + entry.orderId().map(OrderId::value).orElse("")
            + "#"
            + entry.lineNumber()
            + "#"
            + entry.kind();
    if (entryKeys.containsKey(key)) {
      return false;
    }
    units.put(entryKeys, key, entry);
    units.append(entries, entry);
    return true;
  }

  @Override
  public List<LedgerEntry> entriesOfOrder(OrderId orderId) {
    units.unit();
    Optional<OrderId> order = Optional.of(orderId);
    return entries.stream().filter(e -> e.orderId().equals(order)).sorted(ENTRY_ORDER).toList();
  }

  @Override
  public List<LedgerEntry> entriesOfEvent(EventId eventId) {
    units.unit();
    return entries.stream()
        .filter(e -> e.sourceEvent().equals(eventId))
        .sorted(Comparator.comparingInt(LedgerEntry::lineNumber).thenComparing(LedgerEntry::kind))
        .toList();
  }

  @Override
  public List<LedgerEntry> recentEntries(PartnerId partnerId, int limit) {
    units.unit();
    return entries.stream()
        .filter(e -> e.partnerId().equals(partnerId))
        .sorted(
            Comparator.comparing(LedgerEntry::recordedAt)
                .thenComparing(LedgerEntry::entryId)
                .reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public List<LedgerEntry> entriesOfPartner(
      PartnerId partnerId, Instant recordedBy, Optional<EntryKey> after, int limit) {
    units.unit();
    Comparator<EntryKey> order =
        Comparator.comparing(EntryKey::recordedAt).thenComparing(EntryKey::entryId);
    return entries.stream()
        .filter(e -> e.partnerId().equals(partnerId) && !e.recordedAt().isAfter(recordedBy))
        .filter(e -> after.isEmpty() || order.compare(EntryKey.of(e), after.get()) > 0)
        .sorted(Comparator.comparing(EntryKey::of, order))
        .limit(limit)
        .toList();
  }

  @Override
  public Balance balance(PartnerId partnerId, Currency currency, Instant asOf) {
    units.unit();
    Money zero = Money.zero(currency);
    Money accrued = zero;
    Money earned = zero;
    Money cancelled = zero;
    Money reversed = zero;
    Money held = zero;
    Money payable = zero;
    Money adjusted = zero;
    for (LedgerEntry e : entries) {
      if (!e.partnerId().equals(partnerId) || !e.amount().currency().equals(currency)) {
        continue;
      }
      switch (e.kind()) {
        case ACCRUED -> accrued = accrued.plus(e.amount());
        case CANCELLED -> cancelled = cancelled.plus(e.amount());
        case EARNED -> {
          earned = earned.plus(e.amount());
          if (e.payableAt().orElseThrow().isAfter(asOf)) {
            held = held.plus(e.amount());
          } else {
            payable = payable.plus(e.amount());
          }
        }
        case REVERSED -> {
          reversed = reversed.plus(e.amount());
          if (e.payableAt().orElseThrow().isAfter(asOf)) {
            held = held.minus(e.amount());
          } else {
            payable = payable.minus(e.amount());
          }
        }
        case CREDITED, DEBITED, WRITTEN_OFF -> {
          adjusted = adjusted.plus(e.signedAmount());
          if (e.payableAt().orElseThrow().isAfter(asOf)) {
            held = held.plus(e.signedAmount());
          } else {
            payable = payable.plus(e.signedAmount());
          }
        }
      }
    }
    return new Balance(
        accrued.minus(earned).minus(cancelled),
        held,
        payable,
        zero,
        zero,
        earned,
        reversed,
        adjusted);
  }

  @Override
  public void insertAdjustment(Adjustment adjustment) {
    units.unit();
    if (adjustments.containsKey(adjustment.adjustmentId())) {
      throw new ConflictException("adjustment " + adjustment.adjustmentId() + " exists");
    }
    units.put(adjustments, adjustment.adjustmentId(), adjustment);
    units.put(adjustmentsByEntry, adjustment.entryId(), adjustment);
  }

  @Override
  public Optional<Adjustment> findAdjustment(EventId adjustmentId) {
    units.unit();
    return Optional.ofNullable(adjustments.get(adjustmentId));
  }

  @Override
  public List<Adjustment> adjustmentsOfEntries(Collection<UUID> entryIds) {
    units.unit();
    return entryIds.stream()
        .distinct()
        .map(adjustmentsByEntry::get)
        .filter(Objects::nonNull)
        .sorted(
            Comparator.comparing(Adjustment::bookedAt).thenComparing(a -> a.adjustmentId().value()))
        .toList();
  }

  @Override
  public Optional<Instant> firstPayableAt() {
    units.unit();
    return entries.stream()
        .map(LedgerEntry::payableAt)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  /** The entries in append order, live: the payout store reads them. */
  List<LedgerEntry> entries() {
    return entries;
  }

  @Override
  public List<LedgerLine> ledgerLines(LinesWanted wanted) {
    units.unit();
    Optional<LedgerLineKey> after = wanted.after();
    Optional<LedgerLine.State> state = wanted.state();
    return pricedLines.values().stream()
        .filter(l -> l.partnerId().equals(wanted.partnerId()))
        .filter(l -> !l.placedAt().isBefore(wanted.from()) && l.placedAt().isBefore(wanted.to()))
        .filter(l -> after.isEmpty() || LINE_ORDER.compare(l, keyLine(l, after.get())) > 0)
        .sorted(LINE_ORDER)
        .map(l -> ledgerLine(l, wanted.now()))
        .filter(l -> state.isEmpty() || l.state() == state.get())
        .limit(wanted.limit())
        .toList();
  }

  /** A line with only the sort key of {@code key}, to compare with the comparator of lines. */
  private static CommissionLine keyLine(CommissionLine like, LedgerLineKey key) {
    return new CommissionLine(
        key.orderId(),
        key.lineNumber(),
        like.partnerId(),
        like.productId(),
        like.net(),
        like.rate(),
        like.rateVersion(),
        like.commission(),
        key.placedAt(),
        like.sourceEvent());
  }

  private LedgerLine ledgerLine(CommissionLine line, Instant now) {
    Money reversed = Money.zero(line.commission().currency());
    Optional<LedgerEntry> earned = Optional.empty();
    for (LedgerEntry e : entries) {
      if (!e.orderId().equals(Optional.of(line.orderId())) || e.lineNumber() != line.lineNumber()) {
        continue;
      }
      switch (e.kind()) {
        case EARNED -> earned = Optional.of(e);
        case CANCELLED, REVERSED -> reversed = reversed.plus(e.amount());
        case ACCRUED, CREDITED, DEBITED, WRITTEN_OFF -> {}
      }
    }
    Optional<Instant> payableAt = earned.flatMap(LedgerEntry::payableAt);
    Optional<Payout> payout = earned.flatMap(e -> payoutOfEntry.apply(e.entryId()));
    LedgerLine.State state = LedgerLine.stateOf(payableAt, payout.map(Payout::status), now);
    return new LedgerLine(
        line.orderId(),
        line.lineNumber(),
        line.productId(),
        line.net(),
        line.rate(),
        line.commission(),
        reversed,
        line.placedAt(),
        state,
        payableAt,
        state == LedgerLine.State.IN_PAYOUT || state == LedgerLine.State.PAID
            ? payout.map(Payout::payoutId)
            : Optional.empty());
  }
}
