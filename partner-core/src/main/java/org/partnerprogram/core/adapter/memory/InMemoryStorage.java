package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * Every outbound port in memory, for tests, demos and single-instance hosts. Safe for concurrent
 * use: units of work run one at a time under one lock (so they are serializable), and a unit that
 * throws is undone entry by entry, so a refused call leaves nothing behind. Events published in a
 * unit become visible in {@link #publishedEvents()} only when it completes.
 *
 * <p>Nothing survives the JVM. For a real host use the JDBC adapter.
 */
public final class InMemoryStorage implements ProgramStorage {
  private final ReentrantLock lock = new ReentrantLock();

  // Per instance on purpose: each storage has its own units of work, and a thread may use two.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  private final Map<PartnerId, Partner> partnersById = new HashMap<>();
  private final Map<CustomerAccountId, PartnerId> partnersByAccount = new HashMap<>();
  private final Map<PartnerId, List<PayoutAccountChange>> accountHistory = new HashMap<>();
  private final Map<ReferralCode, IssuedCode> codesByValue = new HashMap<>();
  private final Map<Optional<PartnerId>, List<RateVersion>> rateVersions = new HashMap<>();
  private final List<ProgramEvent> published = new CopyOnWriteArrayList<>();
  private final List<Touch> touchLog = new ArrayList<>();
  private final Map<CustomerAccountId, AttributionRecord> decisions = new HashMap<>();
  private final Map<OrderId, RecordedOrder> orderById = new HashMap<>();
  private final Map<OrderId, Instant> paidOrders = new HashMap<>();
  private final List<Refund> refunds = new ArrayList<>();
  private final Map<String, CommissionLine> pricedLines = new HashMap<>();
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<String, LedgerEntry> entryKeys = new HashMap<>();
  private final Map<EventId, ProcessedEvent> processed = new HashMap<>();
  private final Map<YearMonth, PeriodClose> closes = new HashMap<>();
  private final Map<PayoutId, Payout> payoutsById = new HashMap<>();
  private final Map<UUID, PayoutId> assignments = new HashMap<>();
  private final Map<PayoutId, List<UUID>> releasedEntries = new HashMap<>();
  private final Map<CloseKey, List<UUID>> carriedOver = new HashMap<>();
  private final List<PeriodCloseLine> closeLines = new ArrayList<>();

  private record Refund(OrderId orderId, int lineNumber, EventId eventId, Money net) {}

  private record CloseKey(YearMonth period, PartnerId partnerId) {}

  private final Partners partners = new Partners();
  private final Codes codes = new Codes();
  private final Rates rates = new Rates();
  private final Touches touches = new Touches();
  private final Attributions attributions = new Attributions();
  private final Orders orders = new Orders();
  private final Ledger ledger = new Ledger();
  private final Processed processedEvents = new Processed();
  private final Payouts payouts = new Payouts();
  private final Transactions transactions = new Transactions();
  private final Outbox outbox = new Outbox();

  /** Creates empty storage. */
  public InMemoryStorage() {}

  @Override
  public PartnerStore partners() {
    return partners;
  }

  @Override
  public ReferralCodeStore codes() {
    return codes;
  }

  @Override
  public RateStore rates() {
    return rates;
  }

  @Override
  public TouchStore touches() {
    return touches;
  }

  @Override
  public AttributionStore attributions() {
    return attributions;
  }

  @Override
  public OrderStore orders() {
    return orders;
  }

  @Override
  public LedgerStore ledger() {
    return ledger;
  }

  @Override
  public ProcessedEventStore processedEvents() {
    return processedEvents;
  }

  @Override
  public PayoutStore payouts() {
    return payouts;
  }

  @Override
  public TransactionBoundary transactions() {
    return transactions;
  }

  @Override
  public Optional<EventPublisher> outbox() {
    return Optional.of(outbox);
  }

  /**
   * The events of every completed unit of work, in publication order.
   *
   * @return an unmodifiable snapshot
   */
  public List<ProgramEvent> publishedEvents() {
    return List.copyOf(published);
  }

  /** One unit of work: what to undo if it fails, and the events it published. */
  private static final class Unit {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<ProgramEvent> events = new ArrayList<>();
  }

  private Unit unit() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException(
          "in-memory stores must be called inside TransactionBoundary.execute(...)");
    }
    return unit;
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    Unit unit = unit();
    boolean had = map.containsKey(key);
    V previous = map.put(key, value);
    unit.undo.push(
        () -> {
          if (had) {
            map.put(key, previous);
          } else {
            map.remove(key);
          }
        });
  }

  private <K, V> void remove(Map<K, V> map, K key) {
    Unit unit = unit();
    if (!map.containsKey(key)) {
      return;
    }
    V previous = map.remove(key);
    unit.undo.push(() -> map.put(key, previous));
  }

  private <E> void append(List<E> list, E element) {
    Unit unit = unit();
    list.add(element);
    unit.undo.push(() -> list.remove(list.size() - 1));
  }

  private final class Transactions implements TransactionBoundary {
    @Override
    public <T> T execute(Supplier<T> work) {
      if (current.get() != null) {
        return work.get(); // joins the unit already running on this thread
      }
      lock.lock();
      Unit unit = new Unit();
      current.set(unit);
      try {
        T result = work.get();
        published.addAll(unit.events);
        return result;
      } catch (RuntimeException | Error e) {
        while (!unit.undo.isEmpty()) {
          unit.undo.pop().run();
        }
        throw e;
      } finally {
        current.remove();
        lock.unlock();
      }
    }
  }

  private final class Outbox implements EventPublisher {
    @Override
    public void publish(ProgramEvent event) {
      unit().events.add(event);
    }
  }

  private final class Partners implements PartnerStore {
    @Override
    public boolean insert(Partner partner) {
      unit();
      if (partnersByAccount.containsKey(partner.customerAccountId())) {
        return false;
      }
      if (partnersById.containsKey(partner.id())) {
        throw new ConflictException("a partner with id " + partner.id() + " exists already");
      }
      put(partnersById, partner.id(), partner);
      put(partnersByAccount, partner.customerAccountId(), partner.id());
      return true;
    }

    @Override
    public Optional<Partner> findById(PartnerId id) {
      unit();
      return Optional.ofNullable(partnersById.get(id));
    }

    @Override
    public Optional<Partner> findByCustomerAccount(CustomerAccountId account) {
      unit();
      return Optional.ofNullable(partnersByAccount.get(account)).map(partnersById::get);
    }

    @Override
    public void update(Partner partner) {
      unit();
      Partner stored = partnersById.get(partner.id());
      if (stored == null) {
        throw new NotFoundException("no partner with id " + partner.id());
      }
      if (stored.version() != partner.version() - 1) {
        throw new RetryableException(
            "partner "
                + partner.id()
                + " was changed concurrently (stored version "
                + stored.version()
                + ", update based on "
                + (partner.version() - 1)
                + ")",
            null);
      }
      put(partnersById, partner.id(), partner);
    }

    @Override
    public void appendPayoutAccountChange(PayoutAccountChange change) {
      unit();
      List<PayoutAccountChange> history = accountHistory.get(change.partnerId());
      if (history == null) {
        put(accountHistory, change.partnerId(), new ArrayList<>());
        history = accountHistory.get(change.partnerId());
      }
      for (PayoutAccountChange earlier : history) {
        if (earlier.partnerVersion() == change.partnerVersion()) {
          throw new ConflictException(
              "partner "
                  + change.partnerId()
                  + " has a payout-account change for version "
                  + change.partnerVersion()
                  + " already");
        }
      }
      append(history, change);
    }

    @Override
    public List<PayoutAccountChange> payoutAccountHistory(PartnerId id) {
      unit();
      List<PayoutAccountChange> history =
          new ArrayList<>(accountHistory.getOrDefault(id, List.of()));
      history.sort(Comparator.comparingLong(PayoutAccountChange::partnerVersion));
      return List.copyOf(history);
    }
  }

  private final class Codes implements ReferralCodeStore {
    @Override
    public boolean insert(IssuedCode code) {
      unit();
      if (codesByValue.containsKey(code.code())) {
        return false;
      }
      put(codesByValue, code.code(), code);
      return true;
    }

    @Override
    public Optional<IssuedCode> find(ReferralCode code) {
      unit();
      return Optional.ofNullable(codesByValue.get(code));
    }

    @Override
    public List<IssuedCode> findByPartner(PartnerId partnerId) {
      unit();
      return codesByValue.values().stream()
          .filter(c -> c.partnerId().equals(partnerId))
          .sorted(Comparator.comparing(IssuedCode::issuedAt).thenComparing(c -> c.code().value()))
          .toList();
    }

    @Override
    public boolean revoke(ReferralCode code, Instant at) {
      unit();
      IssuedCode stored = codesByValue.get(code);
      if (stored == null || !stored.isLive()) {
        return false;
      }
      put(codesByValue, code, stored.revoke(at));
      return true;
    }
  }

  private final class Rates implements RateStore {
    @Override
    public boolean insert(RateVersion version) {
      unit();
      List<RateVersion> versions = rateVersions.get(version.partnerId());
      if (versions != null) {
        for (RateVersion v : versions) {
          if (v.number() == version.number() || v.effectiveFrom().equals(version.effectiveFrom())) {
            return false;
          }
        }
      } else {
        put(rateVersions, version.partnerId(), new ArrayList<>());
        versions = rateVersions.get(version.partnerId());
      }
      append(versions, version);
      return true;
    }

    @Override
    public Optional<RateVersion> latest(Optional<PartnerId> scope) {
      unit();
      return rateVersions.getOrDefault(scope, List.of()).stream()
          .max(Comparator.comparingInt(RateVersion::number));
    }

    @Override
    public Optional<RateVersion> inForceAt(Optional<PartnerId> scope, Instant at) {
      unit();
      return rateVersions.getOrDefault(scope, List.of()).stream()
          .filter(v -> !v.effectiveFrom().isAfter(at))
          .max(Comparator.comparing(RateVersion::effectiveFrom));
    }

    @Override
    public List<RateVersion> versions(Optional<PartnerId> scope) {
      unit();
      return rateVersions.getOrDefault(scope, List.of()).stream()
          .sorted(Comparator.comparingInt(RateVersion::number))
          .toList();
    }
  }

  private final class Touches implements TouchStore {
    @Override
    public void insert(Touch touch) {
      append(touchLog, touch);
    }

    @Override
    public List<Touch> findByVisitor(
        VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
      unit();
      return touchLog.stream()
          .filter(t -> t.visitorId().equals(visitorId))
          .filter(t -> !t.at().isBefore(fromInclusive) && !t.at().isAfter(toInclusive))
          .sorted(Comparator.comparing(Touch::at).thenComparing(t -> t.code().value()))
          .toList();
    }

    @Override
    public long countByPartner(PartnerId partnerId) {
      unit();
      return touchLog.stream().filter(t -> t.partnerId().equals(partnerId)).count();
    }
  }

  private final class Attributions implements AttributionStore {
    @Override
    public boolean insert(AttributionRecord record) {
      unit();
      if (decisions.containsKey(record.customer())) {
        return false;
      }
      put(decisions, record.customer(), record);
      return true;
    }

    @Override
    public Optional<AttributionRecord> findByCustomer(CustomerAccountId customer) {
      unit();
      return Optional.ofNullable(decisions.get(customer));
    }

    @Override
    public AttributionCounts countsByPartner(PartnerId partnerId) {
      unit();
      long attributed = 0;
      Map<AttributionDecision.Reason, Long> refused =
          new EnumMap<>(AttributionDecision.Reason.class);
      for (AttributionRecord r : decisions.values()) {
        if (!r.candidatePartner().equals(Optional.of(partnerId))) {
          continue;
        }
        if (r.decision() instanceof AttributionDecision.NotAttributed n) {
          refused.merge(n.reason(), 1L, Long::sum);
        } else {
          attributed++;
        }
      }
      return new AttributionCounts(0, attributed, refused);
    }
  }

  private final class Orders implements OrderStore {
    @Override
    public boolean insert(RecordedOrder order) {
      unit();
      if (orderById.containsKey(order.order().orderId())) {
        return false;
      }
      put(orderById, order.order().orderId(), order);
      return true;
    }

    @Override
    public Optional<RecordedOrder> find(OrderId orderId) {
      unit();
      return Optional.ofNullable(orderById.get(orderId));
    }

    @Override
    public long countByCustomer(CustomerAccountId customer) {
      unit();
      return orderById.values().stream().filter(o -> o.order().customer().equals(customer)).count();
    }

    @Override
    public boolean markPaid(OrderId orderId, Instant paidAt) {
      unit();
      if (!orderById.containsKey(orderId) || paidOrders.containsKey(orderId)) {
        return false;
      }
      put(paidOrders, orderId, paidAt);
      return true;
    }

    @Override
    public Optional<Instant> paidAt(OrderId orderId) {
      unit();
      return Optional.ofNullable(paidOrders.get(orderId));
    }

    @Override
    public void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net) {
      unit();
      for (Refund r : refunds) {
        if (r.orderId().equals(orderId)
            && r.lineNumber() == lineNumber
            && r.eventId().equals(eventId)) {
          throw new ConflictException(
              "event "
                  + eventId
                  + " refunded line "
                  + lineNumber
                  + " of order "
                  + orderId
                  + " before");
        }
      }
      append(refunds, new Refund(orderId, lineNumber, eventId, net));
    }

    @Override
    public Map<Integer, Money> refundedByLine(OrderId orderId) {
      unit();
      Map<Integer, Money> result = new TreeMap<>();
      for (Refund r : refunds) {
        if (r.orderId().equals(orderId)) {
          result.merge(r.lineNumber(), r.net(), Money::plus);
        }
      }
      return result;
    }
  }

  private final class Ledger implements LedgerStore {
    @Override
    public boolean insertLine(CommissionLine line) {
      unit();
      String key = line.orderId().value() + "#" + line.lineNumber();
      if (pricedLines.containsKey(key)) {
        return false;
      }
      put(pricedLines, key, line);
      return true;
    }

    @Override
    public List<CommissionLine> linesOfOrder(OrderId orderId) {
      unit();
      return pricedLines.values().stream()
          .filter(l -> l.orderId().equals(orderId))
          .sorted(Comparator.comparingInt(CommissionLine::lineNumber))
          .toList();
    }

    @Override
    public boolean append(LedgerEntry entry) {
      unit();
      String key =
          entry.sourceEvent().value()
              + "#"
              + entry.orderId().value()
              + "#"
              + entry.lineNumber()
              + "#"
              + entry.kind();
      if (entryKeys.containsKey(key)) {
        return false;
      }
      put(entryKeys, key, entry);
      InMemoryStorage.this.append(entries, entry);
      return true;
    }

    @Override
    public List<LedgerEntry> entriesOfOrder(OrderId orderId) {
      unit();
      return entries.stream().filter(e -> e.orderId().equals(orderId)).sorted(ENTRY_ORDER).toList();
    }

    @Override
    public List<LedgerEntry> entriesOfEvent(EventId eventId) {
      unit();
      return entries.stream()
          .filter(e -> e.sourceEvent().equals(eventId))
          .sorted(Comparator.comparingInt(LedgerEntry::lineNumber).thenComparing(LedgerEntry::kind))
          .toList();
    }

    @Override
    public List<LedgerEntry> recentEntries(PartnerId partnerId, int limit) {
      unit();
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
    public Balance balance(PartnerId partnerId, Currency currency, Instant asOf) {
      unit();
      Money zero = Money.zero(currency);
      Money accrued = zero;
      Money earned = zero;
      Money cancelled = zero;
      Money reversed = zero;
      Money held = zero;
      Money payable = zero;
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
        }
      }
      return new Balance(
          accrued.minus(earned).minus(cancelled), held, payable, zero, zero, earned, reversed);
    }

    @Override
    public Optional<Instant> firstPayableAt() {
      unit();
      return entries.stream()
          .map(LedgerEntry::payableAt)
          .flatMap(Optional::stream)
          .min(Comparator.naturalOrder());
    }
  }

  private static final Comparator<LedgerEntry> ENTRY_ORDER =
      Comparator.comparing(LedgerEntry::recordedAt)
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::kind);

  private final class Processed implements ProcessedEventStore {
    @Override
    public boolean claim(ProcessedEvent event) {
      unit();
      if (processed.containsKey(event.eventId())) {
        return false;
      }
      put(processed, event.eventId(), event);
      return true;
    }

    @Override
    public Optional<ProcessedEvent> find(EventId eventId) {
      unit();
      return Optional.ofNullable(processed.get(eventId));
    }
  }

  private final class Payouts implements PayoutStore {
    @Override
    public boolean claimPeriod(PeriodClose close) {
      unit();
      if (closes.containsKey(close.period())) {
        return false;
      }
      put(closes, close.period(), close);
      return true;
    }

    @Override
    public Optional<PeriodClose> findClose(YearMonth period) {
      unit();
      return Optional.ofNullable(closes.get(period));
    }

    @Override
    public Optional<PeriodClose> latestClose() {
      unit();
      return closes.values().stream().max(Comparator.comparing(PeriodClose::period));
    }

    private boolean assignable(LedgerEntry e, Instant before) {
      return (e.kind() == LedgerEntry.Kind.EARNED || e.kind() == LedgerEntry.Kind.REVERSED)
          && e.payableAt().orElseThrow().isBefore(before)
          && !assignments.containsKey(e.entryId());
    }

    private Money signed(LedgerEntry e) {
      return e.kind() == LedgerEntry.Kind.REVERSED ? e.amount().negated() : e.amount();
    }

    @Override
    public List<PartnerAmount> unassignedPayable(
        Instant before, Currency currency, Optional<PartnerId> after, int limit) {
      unit();
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
    public void insertPayout(Payout payout) {
      unit();
      if (payoutsById.containsKey(payout.payoutId())) {
        throw new ConflictException("payout " + payout.payoutId() + " exists already");
      }
      put(payoutsById, payout.payoutId(), payout);
    }

    @Override
    public Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
      unit();
      Money sum = Money.zero(currency);
      for (LedgerEntry e : entries) {
        if (e.partnerId().equals(partnerId)
            && e.amount().currency().equals(currency)
            && assignable(e, before)) {
          put(assignments, e.entryId(), payoutId);
          sum = sum.plus(signed(e));
        }
      }
      return sum;
    }

    @Override
    public void release(PayoutId payoutId) {
      unit();
      List<UUID> released = new ArrayList<>();
      for (LedgerEntry e : entries) {
        if (payoutId.equals(assignments.get(e.entryId()))) {
          remove(assignments, e.entryId());
          released.add(e.entryId());
        }
      }
      if (!released.isEmpty()) {
        List<UUID> kept = new ArrayList<>(releasedEntries.getOrDefault(payoutId, List.of()));
        kept.addAll(released);
        put(releasedEntries, payoutId, List.copyOf(kept));
      }
    }

    @Override
    public void deletePayout(PayoutId payoutId) {
      unit();
      for (LedgerEntry e : entries) {
        if (payoutId.equals(assignments.get(e.entryId()))) {
          remove(assignments, e.entryId());
        }
      }
      remove(releasedEntries, payoutId);
      remove(payoutsById, payoutId);
    }

    @Override
    public Map<PartnerId, Money> recordCarriedOver(
        YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
      unit();
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
          put(carriedOver, new CloseKey(period, partner), List.copyOf(carried));
        }
        sums.put(partner, sum);
      }
      return sums;
    }

    @Override
    public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
      unit();
      List<UUID> ids = carriedOver.getOrDefault(new CloseKey(period, partnerId), List.of());
      return entries.stream().filter(e -> ids.contains(e.entryId())).sorted(SETTLED_ORDER).toList();
    }

    @Override
    public boolean update(Payout payout, PayoutStatus expected) {
      unit();
      Payout stored = payoutsById.get(payout.payoutId());
      if (stored == null || stored.status() != expected) {
        return false;
      }
      put(payoutsById, payout.payoutId(), payout);
      return true;
    }

    @Override
    public Optional<Payout> find(PayoutId payoutId) {
      unit();
      return Optional.ofNullable(payoutsById.get(payoutId));
    }

    @Override
    public List<Payout> payoutsOfPeriod(YearMonth period) {
      unit();
      return payoutsById.values().stream()
          .filter(p -> p.period().equals(period))
          .sorted(Comparator.comparing(p -> p.payoutId().value()))
          .toList();
    }

    @Override
    public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
      unit();
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
      unit();
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
      InMemoryStorage.this.append(closeLines, line);
    }

    @Override
    public List<PeriodCloseLine> closeLines(YearMonth period) {
      unit();
      return closeLines.stream()
          .filter(l -> l.period().equals(period))
          .sorted(Comparator.comparing(l -> l.partnerId().value()))
          .toList();
    }

    @Override
    public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
      unit();
      return closeLines.stream()
          .filter(l -> l.period().equals(period) && l.partnerId().equals(partnerId))
          .findFirst();
    }

    @Override
    public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
      unit();
      List<UUID> released = releasedEntries.getOrDefault(payoutId, List.of());
      return entries.stream()
          .filter(
              e -> payoutId.equals(assignments.get(e.entryId())) || released.contains(e.entryId()))
          .sorted(SETTLED_ORDER)
          .toList();
    }
  }

  private static final Comparator<LedgerEntry> SETTLED_ORDER =
      Comparator.comparing((LedgerEntry e) -> e.orderId().value())
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::recordedAt);
}
