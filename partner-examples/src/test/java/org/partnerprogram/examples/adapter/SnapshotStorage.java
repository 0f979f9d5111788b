package org.partnerprogram.examples.adapter;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.ProgramEvents;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.core.port.out.ErasureStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.ReportStore;
import org.partnerprogram.core.port.out.RetentionBatch;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * A worked example of a storage adapter of your own: the whole programme is one immutable snapshot,
 * held by an {@link AtomicReference}; a unit of work edits a private copy and commits by
 * compare-and-set. It passes the same contract suite and model check as the SDK's adapters (see the
 * tests next to it), and it is written to be read and copied.
 *
 * <h2>The design, and why it differs from {@code InMemoryStorage}</h2>
 *
 * <p>{@code InMemoryStorage} runs one unit of work at a time under a lock and undoes a failed one
 * entry by entry. This adapter takes no lock: it is optimistic concurrency control, the way a
 * database with serializable snapshot isolation works.
 *
 * <ol>
 *   <li><b>Begin</b>: read the committed snapshot ({@link State}) and make a shallow copy of it,
 *       the <em>draft</em>. Every table of a snapshot is an immutable collection, so the copy
 *       shares them and costs nothing.
 *   <li><b>Work</b>: the stores read from and write to the draft. A write replaces one table of the
 *       draft by a changed copy; the committed snapshot never changes, so other threads keep
 *       reading a consistent state.
 *   <li><b>Commit</b>: {@code compareAndSet(snapshotWeBeganWith, draft)}. If it succeeds, the draft
 *       is the new committed state, with its events: writes and events become visible together, all
 *       at once.
 *   <li><b>Conflict</b>: if another unit committed in between, our reads may be stale, so the CAS
 *       fails and the whole unit of work runs again on the newer snapshot. That is what makes
 *       "insert unless it exists (also concurrently)" true: the loser re-runs, sees the winner's
 *       row and returns false, without any unique index.
 *   <li><b>Failure</b>: if the work throws, the draft is simply dropped. Nothing to undo.
 * </ol>
 *
 * <p>The price: every write copies a table (fine for tests and demos, O(n) per write; a real
 * adapter of this design would use persistent collections with O(log n) updates), the unit of work
 * may run more than once (the core's use cases are written for that: they touch the world only
 * through the ports), and under heavy contention units retry. Nothing survives the JVM.
 *
 * <h2>The rules every adapter keeps</h2>
 *
 * <ul>
 *   <li>Every store method runs inside {@link TransactionBoundary#execute}; a nested call joins the
 *       outer unit.
 *   <li>"Returns false, writing nothing" for a duplicate: check first, write after.
 *   <li>Lists come back in the order each port method's javadoc names.
 *   <li>Events published through {@link #outbox()} commit with the unit's writes, never without.
 * </ul>
 */
public final class SnapshotStorage implements ProgramStorage {
  /** A unit of work that keeps losing the race gives up after this many attempts. */
  private static final int MAX_ATTEMPTS = 1_000;

  /** The committed state. Only {@link Transactions#execute} replaces it, by compare-and-set. */
  private final AtomicReference<State> committed = new AtomicReference<>(new State());

  /** The unit of work running on this thread, if any (so nested units can join it). */
  @SuppressWarnings("ThreadLocalUsage") // one per storage on purpose: a thread may use two
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  private final Transactions transactions = new Transactions();

  /** Creates empty storage. */
  public SnapshotStorage() {}

  /**
   * The events of every committed unit of work, in publication order (what the contract suite
   * checks against the outbox).
   *
   * @return an immutable snapshot
   */
  public List<ProgramEvent> committedEvents() {
    return committed.get().events;
  }

  // ------------------------------------------------------------------ the snapshot

  /**
   * Everything stored, as one value. Each field is an immutable collection. A {@code State} is
   * written only by the unit of work that copied it, before it is committed; once {@link
   * #committed} holds it, nobody writes it again (the fields are not final only so that a draft can
   * replace its tables one at a time).
   */
  /** A partner's close of one month. */
  private record CloseKey(YearMonth period, PartnerId partnerId) {}

  private static final class State {
    Map<PartnerId, Partner> partners = Map.of();
    Map<PartnerId, List<PayoutAccountChange>> accountHistory = Map.of();
    Map<ReferralCode, IssuedCode> codes = Map.of();
    Map<Optional<PartnerId>, List<RateVersion>> rates = Map.of();
    Map<String, Map<RateTarget, String>> labels = Map.of();
    List<Touch> touches = List.of();
    Map<CustomerAccountId, AttributionRecord> attributions = Map.of();
    Set<CustomerAccountId> inputsTaken = Set.of();
    Map<OrderId, RecordedOrder> orders = Map.of();
    Map<OrderId, Instant> paidAt = Map.of();
    List<Refund> refunds = List.of();
    Map<LineKey, CommissionLine> pricedLines = Map.of();
    List<LedgerEntry> entries = List.of();
    Set<EntryIdentity> entryKeys = Set.of();
    Map<EventId, ProcessedEvent> processed = Map.of();
    Map<YearMonth, PeriodClose> closes = Map.of();
    Map<PayoutId, Payout> payouts = Map.of();
    Map<UUID, PayoutId> assignments = Map.of();
    Map<PayoutId, List<UUID>> released = Map.of();
    Map<CloseKey, List<UUID>> carried = Map.of();
    List<PeriodCloseLine> closeLines = List.of();
    List<ProgramEvent> events = List.of();
    Map<CustomerAccountId, CustomerErasure> erasures = Map.of();
    Map<EventId, Adjustment> adjustments = Map.of();
    List<AuditRecord> audit = List.of();
    Map<EventId, Reattribution> reattributions = Map.of();

    /** A shallow copy: it shares every (immutable) table with this state. */
    State copy() {
      State s = new State();
      s.partners = partners;
      s.accountHistory = accountHistory;
      s.codes = codes;
      s.rates = rates;
      s.labels = labels;
      s.touches = touches;
      s.attributions = attributions;
      s.inputsTaken = inputsTaken;
      s.orders = orders;
      s.paidAt = paidAt;
      s.refunds = refunds;
      s.pricedLines = pricedLines;
      s.entries = entries;
      s.entryKeys = entryKeys;
      s.processed = processed;
      s.closes = closes;
      s.payouts = payouts;
      s.assignments = assignments;
      s.released = released;
      s.carried = carried;
      s.closeLines = closeLines;
      s.events = events;
      s.erasures = erasures;
      s.adjustments = adjustments;
      s.audit = audit;
      s.reattributions = reattributions;
      return s;
    }
  }

  /** A refund of one line by one event. */
  private record Refund(OrderId orderId, int lineNumber, EventId eventId, Money net) {}

  /** The unique key of a priced line. */
  private record LineKey(OrderId orderId, int lineNumber) {}

  /** The unique key of a ledger entry: one per (source event, order line, kind). */
  private record EntryIdentity(
      EventId event, Optional<OrderId> orderId, int lineNumber, LedgerEntry.Kind kind) {
    static EntryIdentity of(LedgerEntry e) {
      return new EntryIdentity(e.sourceEvent(), e.orderId(), e.lineNumber(), e.kind());
    }
  }

  // Copy-on-write helpers: each returns a changed immutable copy and leaves its argument alone.

  private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new HashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

  private static <K, V> Map<K, V> without(Map<K, V> map, K key) {
    Map<K, V> copy = new HashMap<>(map);
    copy.remove(key);
    return Map.copyOf(copy);
  }

  private static <E> List<E> with(List<E> list, E element) {
    List<E> copy = new ArrayList<>(list);
    copy.add(element);
    return List.copyOf(copy);
  }

  private static <E> Set<E> with(Set<E> set, E element) {
    Set<E> copy = new HashSet<>(set);
    copy.add(element);
    return Set.copyOf(copy);
  }

  // ------------------------------------------------------------------ the transaction boundary

  /** One attempt at a unit of work: the snapshot it began with and its draft. */
  private static final class Unit {
    final State base;
    final State draft;
    boolean wrote;

    Unit(State base) {
      this.base = base;
      this.draft = base.copy();
    }
  }

  /** The draft to read; fails outside a unit of work, as a database connection would. */
  private State read() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException("call the stores inside TransactionBoundary.execute(...)");
    }
    return unit.draft;
  }

  /** The draft to change; marks the unit as one that must commit. */
  private State write() {
    State draft = read();
    current.get().wrote = true;
    return draft;
  }

  private final class Transactions implements TransactionBoundary {
    @Override
    public <T> T execute(Supplier<T> work) {
      if (current.get() != null) {
        return work.get(); // nested: joins the unit running on this thread
      }
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        Unit unit = new Unit(committed.get());
        current.set(unit);
        T result;
        try {
          result = work.get(); // if it throws, the draft is dropped: nothing was committed
        } finally {
          current.remove();
        }
        if (!unit.wrote) {
          return result; // read only: it saw one committed snapshot, there is nothing to commit
        }
        if (committed.compareAndSet(unit.base, unit.draft)) {
          return result; // committed: writes and events became visible at once
        }
        // Another unit committed after ours began: what we read may be stale. Run again.
        Thread.onSpinWait();
      }
      throw new RetryableException(
          "a unit of work lost " + MAX_ATTEMPTS + " commits in a row to concurrent ones", null);
    }
  }

  @Override
  public TransactionBoundary transactions() {
    return transactions;
  }

  @Override
  public Optional<EventPublisher> outbox() {
    // events go into the draft, so they commit (or vanish) with the unit's other writes
    return Optional.of(outbox);
  }

  private final EventPublisher outbox =
      new EventPublisher() {
        @Override
        public void publish(ProgramEvent event) {
          State s = write();
          s.events = with(s.events, event);
        }

        @Override
        public int replaceValues(Map<String, String> replacements) {
          return replace(Optional.empty(), replacements);
        }

        @Override
        public int replaceValuesOfPartner(PartnerId partnerId, Map<String, String> replacements) {
          return replace(Optional.of(partnerId), replacements);
        }

        private int replace(Optional<PartnerId> of, Map<String, String> replacements) {
          List<ProgramEvent> events = new ArrayList<>(read().events);
          int changed = 0;
          for (int i = 0; i < events.size(); i++) {
            if (of.isPresent() && !events.get(i).partner().equals(of)) {
              continue;
            }
            ProgramEvent rewritten = ProgramEvents.withValuesReplaced(events.get(i), replacements);
            if (rewritten != events.get(i)) {
              events.set(i, rewritten);
              changed++;
            }
          }
          if (changed > 0) {
            write().events = List.copyOf(events);
          }
          return changed;
        }
      };

  @Override
  public ErasureStore erasures() {
    return erasures;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  /**
   * The audit trail: a list in sequence order. The head is the last record: two units appending at
   * once both read the same head, and the compare-and-set lets one commit and runs the other again,
   * after the winner's record, so the chain stays one without a lock.
   */
  private final AuditStore audit =
      new AuditStore() {
        @Override
        public AuditRecord append(AuditDraft draft) {
          AuditRecord record = draft.chainedAfter(head());
          State s = write();
          s.audit = with(s.audit, record);
          return record;
        }

        @Override
        public AuditHead head() {
          List<AuditRecord> all = read().audit;
          return all.isEmpty() ? AuditHead.EMPTY : AuditHead.of(all.get(all.size() - 1));
        }

        @Override
        public List<AuditRecord> ofPartner(
            PartnerId partnerId, OptionalLong beforeSequence, int limit) {
          return newestFirst(
              r -> r.partnerId().equals(Optional.of(partnerId)), beforeSequence, limit);
        }

        @Override
        public List<AuditRecord> ofActor(String actor, OptionalLong beforeSequence, int limit) {
          return newestFirst(r -> r.actor().equals(actor), beforeSequence, limit);
        }

        private List<AuditRecord> newestFirst(
            Predicate<AuditRecord> wanted, OptionalLong before, int limit) {
          return read().audit.stream()
              .filter(r -> before.isEmpty() || r.sequence() < before.getAsLong())
              .filter(wanted)
              .sorted(Comparator.comparingLong(AuditRecord::sequence).reversed())
              .limit(limit)
              .toList();
        }

        @Override
        public List<AuditRecord> inPeriod(
            Instant from, Instant to, Optional<AuditKey> before, int limit) {
          return read().audit.stream()
              .filter(r -> !r.recordedAt().isBefore(from) && r.recordedAt().isBefore(to))
              .filter(
                  r ->
                      before.isEmpty()
                          || r.recordedAt().isBefore(before.get().recordedAt())
                          || (r.recordedAt().equals(before.get().recordedAt())
                              && r.sequence() < before.get().sequence()))
              .sorted(
                  Comparator.comparing(AuditRecord::recordedAt)
                      .thenComparingLong(AuditRecord::sequence)
                      .reversed())
              .limit(limit)
              .toList();
        }

        @Override
        public List<AuditRecord> chain(long afterSequence, int limit) {
          return read().audit.stream()
              .filter(r -> r.sequence() > afterSequence)
              .limit(limit)
              .toList();
        }
      };

  private final ErasureStore erasures =
      new ErasureStore() {
        @Override
        public boolean insertCustomerErasure(CustomerErasure erasure) {
          if (read().erasures.containsKey(erasure.pseudonym())) {
            return false;
          }
          State s = write();
          s.erasures = with(s.erasures, erasure.pseudonym(), erasure);
          return true;
        }

        @Override
        public Optional<CustomerErasure> findCustomerErasure(CustomerAccountId pseudonym) {
          return Optional.ofNullable(read().erasures.get(pseudonym));
        }
      };

  @Override
  public ReportStore reports() {
    return reports;
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  // Support's and finance's queries: scans of the snapshot's tables, in the orders the port names.
  private final ReportStore reports =
      new ReportStore() {
        @Override
        public List<Partner> partnersWithStatus(
            PartnerStatus status, Optional<PartnerId> after, int limit) {
          return read().partners.values().stream()
              .filter(p -> p.status() == status)
              .filter(p -> after.isEmpty() || p.id().value().compareTo(after.get().value()) > 0)
              .sorted(Comparator.comparing(p -> p.id().value()))
              .limit(limit)
              .toList();
        }

        @Override
        public List<PartnerAmount> topEarners(
            Currency currency, Instant from, Instant to, int limit) {
          Map<String, Money> sums = new TreeMap<>();
          for (LedgerEntry e : read().entries) {
            boolean counts =
                (e.kind() == LedgerEntry.Kind.EARNED || e.kind() == LedgerEntry.Kind.REVERSED)
                    && e.amount().currency().equals(currency)
                    && within(e.occurredAt(), from, to);
            if (counts) {
              sums.merge(
                  e.partnerId().value(),
                  e.kind() == LedgerEntry.Kind.EARNED ? e.amount() : e.amount().negated(),
                  Money::plus);
            }
          }
          return sums.entrySet().stream()
              .map(x -> new PartnerAmount(PartnerId.of(x.getKey()), x.getValue()))
              .sorted(
                  Comparator.comparing((PartnerAmount a) -> a.amount().amount())
                      .reversed()
                      .thenComparing(a -> a.partnerId().value()))
              .limit(limit)
              .toList();
        }

        @Override
        public Funnel funnel(YearMonth month, Instant from, Instant to, Currency currency) {
          State s = read();
          long clicks = s.touches.stream().filter(t -> within(t.at(), from, to)).count();
          long attributed =
              s.attributions.values().stream()
                  .filter(r -> r.decision() instanceof AttributionDecision.Attributed)
                  .filter(r -> within(r.decidedAt(), from, to))
                  .count();
          long paying =
              s.paidAt.entrySet().stream()
                  .filter(x -> within(x.getValue(), from, to))
                  .map(x -> s.orders.get(x.getKey()))
                  .filter(o -> o != null && o.partnerId().isPresent())
                  .map(o -> o.order().customer())
                  .distinct()
                  .count();
          Map<LedgerEntry.Kind, Money> sums = new EnumMap<>(LedgerEntry.Kind.class);
          for (LedgerEntry e : s.entries) {
            if (e.amount().currency().equals(currency) && within(e.occurredAt(), from, to)) {
              sums.merge(e.kind(), e.amount(), Money::plus);
            }
          }
          Money zero = Money.zero(currency);
          Money paid =
              s.payouts.values().stream()
                  .filter(p -> p.status() == PayoutStatus.PAID)
                  .filter(p -> p.amount().currency().equals(currency))
                  .filter(p -> within(p.statusChangedAt(), from, to))
                  .map(Payout::amount)
                  .reduce(zero, Money::plus);
          return new Funnel(
              month,
              clicks,
              attributed,
              paying,
              sums.getOrDefault(LedgerEntry.Kind.EARNED, zero),
              sums.getOrDefault(LedgerEntry.Kind.CANCELLED, zero),
              sums.getOrDefault(LedgerEntry.Kind.REVERSED, zero),
              paid);
        }

        @Override
        public List<Payout> payoutsOfMonth(
            YearMonth period, Optional<PayoutStatus> status, Optional<PayoutId> after, int limit) {
          return read().payouts.values().stream()
              .filter(p -> p.period().equals(period))
              .filter(p -> status.isEmpty() || p.status() == status.get())
              .filter(
                  p -> after.isEmpty() || p.payoutId().value().compareTo(after.get().value()) > 0)
              .sorted(Comparator.comparing(p -> p.payoutId().value()))
              .limit(limit)
              .toList();
        }
      };

  // ------------------------------------------------------------------ the stores

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

  private final PartnerStore partners =
      new PartnerStore() {
        @Override
        public boolean insert(Partner partner) {
          if (findByCustomerAccount(partner.customerAccountId()).isPresent()) {
            return false;
          }
          if (read().partners.containsKey(partner.id())) {
            throw new ConflictException("a partner with id " + partner.id() + " exists already");
          }
          State s = write();
          s.partners = with(s.partners, partner.id(), partner);
          return true;
        }

        @Override
        public Optional<Partner> findById(PartnerId id) {
          return Optional.ofNullable(read().partners.get(id));
        }

        @Override
        public Optional<Partner> findByCustomerAccount(CustomerAccountId account) {
          // a scan: a production adapter keeps an index by account
          return read().partners.values().stream()
              .filter(p -> p.customerAccountId().equals(account))
              .findFirst();
        }

        @Override
        public void update(Partner partner) {
          Partner stored = read().partners.get(partner.id());
          if (stored == null) {
            throw new NotFoundException("no partner with id " + partner.id());
          }
          if (stored.version() != partner.version() - 1) {
            throw new RetryableException(
                "partner "
                    + partner.id()
                    + " was changed concurrently (stored version "
                    + stored.version()
                    + ")",
                null);
          }
          State s = write();
          s.partners = with(s.partners, partner.id(), partner);
        }

        @Override
        public void appendPayoutAccountChange(PayoutAccountChange change) {
          List<PayoutAccountChange> history = payoutAccountHistory(change.partnerId());
          if (history.stream().anyMatch(c -> c.partnerVersion() == change.partnerVersion())) {
            throw new ConflictException(
                "partner "
                    + change.partnerId()
                    + " has a payout-account change for version "
                    + change.partnerVersion()
                    + " already");
          }
          State s = write();
          s.accountHistory = with(s.accountHistory, change.partnerId(), with(history, change));
        }

        @Override
        public List<PayoutAccountChange> payoutAccountHistory(PartnerId id) {
          return read().accountHistory.getOrDefault(id, List.of()).stream()
              .sorted(Comparator.comparingLong(PayoutAccountChange::partnerVersion))
              .toList();
        }

        @Override
        public int deletePayoutAccountHistory(PartnerId id) {
          int deleted = read().accountHistory.getOrDefault(id, List.of()).size();
          if (deleted > 0) {
            State s = write();
            s.accountHistory = without(s.accountHistory, id);
          }
          return deleted;
        }

        @Override
        public int deletePayoutAccountsSupersededBefore(Instant cutoff, int limit) {
          // Each entry with the instant its partner's next entry was made, if before the cutoff.
          record Superseded(PayoutAccountChange change, Instant at) {}
          List<Superseded> due = new ArrayList<>();
          for (PartnerId id : read().accountHistory.keySet()) {
            List<PayoutAccountChange> history = payoutAccountHistory(id);
            for (int i = 0; i + 1 < history.size(); i++) {
              if (history.get(i + 1).changedAt().isBefore(cutoff)) {
                due.add(new Superseded(history.get(i), history.get(i + 1).changedAt()));
              }
            }
          }
          Set<PayoutAccountChange> doomed =
              due.stream()
                  .sorted(Comparator.comparing(Superseded::at))
                  .limit(limit)
                  .map(Superseded::change)
                  .collect(Collectors.toSet());
          if (!doomed.isEmpty()) {
            State s = write();
            Map<PartnerId, List<PayoutAccountChange>> kept = new HashMap<>(s.accountHistory);
            kept.replaceAll(
                (id, history) -> history.stream().filter(c -> !doomed.contains(c)).toList());
            s.accountHistory = Map.copyOf(kept);
          }
          return doomed.size();
        }
      };

  private final ReferralCodeStore codes =
      new ReferralCodeStore() {
        @Override
        public boolean insert(IssuedCode code) {
          if (read().codes.containsKey(code.code())) {
            return false; // taken, live or revoked: a revoked code is never reissued
          }
          State s = write();
          s.codes = with(s.codes, code.code(), code);
          return true;
        }

        @Override
        public Optional<IssuedCode> find(ReferralCode code) {
          return Optional.ofNullable(read().codes.get(code)); // codes are upper case already
        }

        @Override
        public List<IssuedCode> findByPartner(PartnerId partnerId) {
          return read().codes.values().stream()
              .filter(c -> c.partnerId().equals(partnerId))
              .sorted(
                  Comparator.comparing(IssuedCode::issuedAt).thenComparing(c -> c.code().value()))
              .toList();
        }

        @Override
        public boolean revoke(ReferralCode code, Instant at) {
          IssuedCode stored = read().codes.get(code);
          if (stored == null || !stored.isLive()) {
            return false;
          }
          State s = write();
          s.codes = with(s.codes, code, stored.revoke(at));
          return true;
        }

        @Override
        public boolean replaceCode(ReferralCode code, ReferralCode replacement) {
          IssuedCode stored = read().codes.get(code);
          if (stored == null || stored.isLive()) {
            return false;
          }
          if (read().codes.containsKey(replacement)) {
            throw new ConflictException("referral code " + replacement + " exists already");
          }
          State s = write();
          s.codes = with(without(s.codes, code), replacement, stored.withCode(replacement));
          return true;
        }
      };

  private final RateStore rates =
      new RateStore() {
        @Override
        public boolean insert(RateVersion version) {
          List<RateVersion> scope = versions(version.partnerId());
          for (RateVersion v : scope) {
            if (v.number() == version.number()
                || v.effectiveFrom().equals(version.effectiveFrom())) {
              return false;
            }
          }
          State s = write();
          s.rates = with(s.rates, version.partnerId(), with(scope, version));
          return true;
        }

        @Override
        public Optional<RateVersion> latest(Optional<PartnerId> scope) {
          return versions(scope).stream().max(Comparator.comparingInt(RateVersion::number));
        }

        @Override
        public Optional<RateVersion> inForceAt(Optional<PartnerId> scope, Instant at) {
          return versions(scope).stream()
              .filter(v -> !v.effectiveFrom().isAfter(at))
              .max(Comparator.comparing(RateVersion::effectiveFrom));
        }

        @Override
        public List<RateVersion> versions(Optional<PartnerId> scope) {
          return read().rates.getOrDefault(scope, List.of()).stream()
              .sorted(Comparator.comparingInt(RateVersion::number))
              .toList();
        }

        @Override
        public void insertLabels(
            Optional<PartnerId> scope, int versionNumber, Map<RateTarget, String> labels) {
          if (!labels.isEmpty()) {
            State s = write();
            s.labels = with(s.labels, scope + "#" + versionNumber, Map.copyOf(labels));
          }
        }

        @Override
        public Map<RateTarget, String> labels(Optional<PartnerId> scope, int versionNumber) {
          return read().labels.getOrDefault(scope + "#" + versionNumber, Map.of());
        }
      };

  private final TouchStore touches =
      new TouchStore() {
        @Override
        public void insert(Touch touch) {
          State s = write();
          s.touches = with(s.touches, touch);
        }

        @Override
        public List<Touch> findByVisitor(
            VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
          return read().touches.stream()
              .filter(t -> t.visitorId().equals(visitorId))
              .filter(t -> !t.at().isBefore(fromInclusive) && !t.at().isAfter(toInclusive))
              .sorted(Comparator.comparing(Touch::at).thenComparing(t -> t.code().value()))
              .toList();
        }

        @Override
        public long countByPartner(PartnerId partnerId) {
          return read().touches.stream().filter(t -> t.partnerId().equals(partnerId)).count();
        }

        @Override
        public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
          List<Touch> all = read().touches;
          long matching = all.stream().filter(t -> t.visitorId().equals(visitor)).count();
          if (matching > 0) {
            write().touches =
                all.stream()
                    .map(t -> t.visitorId().equals(visitor) ? t.withVisitor(replacement) : t)
                    .toList();
          }
          return Math.toIntExact(matching);
        }

        @Override
        public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
          List<Touch> all = read().touches;
          long matching =
              all.stream()
                  .filter(t -> t.partnerId().equals(partnerId) && t.code().equals(code))
                  .count();
          if (matching > 0) {
            write().touches =
                all.stream()
                    .map(
                        t ->
                            t.partnerId().equals(partnerId) && t.code().equals(code)
                                ? t.withCode(replacement)
                                : t)
                    .toList();
          }
          return Math.toIntExact(matching);
        }

        @Override
        public PurgedTouches deleteTouchedBetween(
            Instant fromInclusive, Instant cutoff, int limit) {
          if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
          }
          List<Touch> all = read().touches;
          // The oldest touches of the range, by position: equal touches may be stored twice.
          List<Integer> doomed =
              IntStream.range(0, all.size())
                  .filter(i -> !all.get(i).at().isBefore(fromInclusive))
                  .filter(i -> all.get(i).at().isBefore(cutoff))
                  .boxed()
                  .sorted(Comparator.comparing(i -> all.get(i).at()))
                  .limit(limit)
                  .toList();
          if (doomed.isEmpty()) {
            return PurgedTouches.NONE;
          }
          Set<Integer> gone = Set.copyOf(doomed);
          write().touches =
              IntStream.range(0, all.size())
                  .filter(i -> !gone.contains(i))
                  .mapToObj(all::get)
                  .toList();
          return PurgedTouches.of(doomed.size(), all.get(doomed.get(doomed.size() - 1)).at());
        }
      };

  private final AttributionStore attributions =
      new AttributionStore() {
        @Override
        public boolean insert(AttributionRecord record) {
          if (read().attributions.containsKey(record.customer())) {
            return false; // one decision per customer, for good
          }
          State s = write();
          s.attributions = with(s.attributions, record.customer(), record);
          return true;
        }

        @Override
        public Optional<AttributionRecord> findByCustomer(CustomerAccountId customer) {
          return Optional.ofNullable(read().attributions.get(customer));
        }

        @Override
        public void insertReattribution(Reattribution reattribution) {
          if (read().reattributions.containsKey(reattribution.reattributionId())) {
            throw new ConflictException(
                "re-attribution " + reattribution.reattributionId() + " exists");
          }
          State s = write();
          s.reattributions = with(s.reattributions, reattribution.reattributionId(), reattribution);
        }

        @Override
        public List<Reattribution> reattributionsOf(CustomerAccountId customer) {
          return read().reattributions.values().stream()
              .filter(r -> r.customer().equals(customer))
              .sorted(
                  Comparator.comparing(Reattribution::effectiveFrom)
                      .thenComparing(Reattribution::decidedAt))
              .toList();
        }

        @Override
        public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
          Map<EventId, Reattribution> moved = new HashMap<>(read().reattributions);
          boolean any = false;
          for (Reattribution r : read().reattributions.values()) {
            if (r.customer().equals(customer)) {
              moved.put(r.reattributionId(), r.withCustomer(replacement));
              any = true;
            }
          }
          if (any) {
            write().reattributions = Map.copyOf(moved);
          }
          AttributionRecord record = read().attributions.get(customer);
          if (record == null) {
            return 0;
          }
          State s = write();
          s.attributions =
              with(
                  without(s.attributions, customer), replacement, record.withCustomer(replacement));
          return 1;
        }

        @Override
        public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
          Map<CustomerAccountId, AttributionRecord> changed = new HashMap<>();
          for (AttributionRecord r : read().attributions.values()) {
            if (r.visitorId().equals(Optional.of(visitor))) {
              changed.put(r.customer(), r.withVisitor(replacement));
            }
          }
          if (!changed.isEmpty()) {
            Map<CustomerAccountId, AttributionRecord> all = new HashMap<>(read().attributions);
            all.putAll(changed);
            write().attributions = Map.copyOf(all);
          }
          return changed.size();
        }

        @Override
        public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
          Map<CustomerAccountId, AttributionRecord> changed = new HashMap<>();
          for (AttributionRecord r : read().attributions.values()) {
            AttributionRecord replaced = r.withCode(code, replacement);
            if (r.candidatePartner().equals(Optional.of(partnerId)) && replaced != r) {
              changed.put(r.customer(), replaced);
            }
          }
          if (!changed.isEmpty()) {
            Map<CustomerAccountId, AttributionRecord> all = new HashMap<>(read().attributions);
            all.putAll(changed);
            write().attributions = Map.copyOf(all);
          }
          return changed.size();
        }

        @Override
        public AttributionCounts countsByPartner(PartnerId partnerId) {
          long attributed = 0;
          Map<AttributionDecision.Reason, Long> refused =
              new EnumMap<>(AttributionDecision.Reason.class);
          for (AttributionRecord r : read().attributions.values()) {
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

        @Override
        public RetentionBatch pseudonymiseInputsSignedUpBefore(
            Instant cutoff, int limit, UnaryOperator<VisitorId> pseudonym) {
          State r = read();
          List<AttributionRecord> due =
              r.attributions.values().stream()
                  .filter(a -> a.signupAt().isBefore(cutoff))
                  .filter(a -> !r.inputsTaken.contains(a.customer()))
                  .sorted(Comparator.comparing(AttributionRecord::signupAt))
                  .limit(limit)
                  .toList();
          if (due.isEmpty()) {
            return new RetentionBatch(0, 0);
          }
          State s = write();
          Set<CustomerAccountId> taken = new HashSet<>(s.inputsTaken);
          Map<CustomerAccountId, AttributionRecord> records = new HashMap<>(s.attributions);
          int changed = 0;
          for (AttributionRecord a : due) {
            taken.add(a.customer());
            Optional<VisitorId> visitor = a.visitorId().map(pseudonym);
            if (!visitor.equals(a.visitorId())) {
              changed++;
              records.put(
                  a.customer(),
                  new AttributionRecord(
                      a.customer(),
                      a.decision(),
                      a.candidatePartner(),
                      visitor,
                      a.typedCode(),
                      a.newCustomer(),
                      a.customerIbanGiven(),
                      a.signupAt(),
                      a.decidedAt()));
            }
          }
          s.inputsTaken = Set.copyOf(taken);
          s.attributions = Map.copyOf(records);
          return new RetentionBatch(due.size(), changed);
        }

        @Override
        public List<AttributionRecord> attributionsOfPartner(
            PartnerId partnerId, Instant decidedBy, Optional<AttributionKey> after, int limit) {
          Comparator<AttributionKey> order =
              Comparator.comparing(AttributionKey::decidedAt)
                  .thenComparing(k -> k.customer().value());
          return read().attributions.values().stream()
              .filter(r -> r.candidatePartner().equals(Optional.of(partnerId)))
              .filter(r -> !r.decidedAt().isAfter(decidedBy))
              .filter(r -> after.isEmpty() || order.compare(AttributionKey.of(r), after.get()) > 0)
              .sorted(Comparator.comparing(AttributionKey::of, order))
              .limit(limit)
              .toList();
        }
      };

  private final OrderStore orders =
      new OrderStore() {
        @Override
        public boolean insert(RecordedOrder order) {
          OrderId id = order.order().orderId();
          if (read().orders.containsKey(id)) {
            return false;
          }
          State s = write();
          s.orders = with(s.orders, id, order);
          return true;
        }

        @Override
        public Optional<RecordedOrder> find(OrderId orderId) {
          return Optional.ofNullable(read().orders.get(orderId));
        }

        @Override
        public long countByCustomer(CustomerAccountId customer) {
          return read().orders.values().stream()
              .filter(o -> o.order().customer().equals(customer))
              .count();
        }

        @Override
        public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
          Map<OrderId, RecordedOrder> all = new HashMap<>(read().orders);
          int changed = 0;
          for (RecordedOrder o : read().orders.values()) {
            if (o.order().customer().equals(customer)) {
              all.put(o.order().orderId(), o.withCustomer(replacement));
              changed++;
            }
          }
          if (changed > 0) {
            write().orders = Map.copyOf(all);
          }
          return changed;
        }

        @Override
        public boolean markPaid(OrderId orderId, Instant paidAt) {
          if (!read().orders.containsKey(orderId) || read().paidAt.containsKey(orderId)) {
            return false;
          }
          State s = write();
          s.paidAt = with(s.paidAt, orderId, paidAt);
          return true;
        }

        @Override
        public Optional<Instant> paidAt(OrderId orderId) {
          return Optional.ofNullable(read().paidAt.get(orderId));
        }

        @Override
        public void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net) {
          for (Refund r : read().refunds) {
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
          State s = write();
          s.refunds = with(s.refunds, new Refund(orderId, lineNumber, eventId, net));
        }

        @Override
        public Map<Integer, Money> refundedByLine(OrderId orderId) {
          Map<Integer, Money> result = new TreeMap<>();
          for (Refund r : read().refunds) {
            if (r.orderId().equals(orderId)) {
              result.merge(r.lineNumber(), r.net(), Money::plus);
            }
          }
          return result;
        }
      };

  private static final Comparator<LedgerEntry> BY_RECORDING =
      Comparator.comparing(LedgerEntry::recordedAt)
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::kind);

  private static final Comparator<LedgerEntry> BY_ORDER_LINE =
      Comparator.comparing((LedgerEntry e) -> e.kind().adjustment())
          .thenComparing(e -> e.orderId().map(OrderId::value).orElse(""))
          .thenComparingInt(LedgerEntry::lineNumber)
          .thenComparing(LedgerEntry::recordedAt)
          .thenComparing(LedgerEntry::entryId);

  private final LedgerStore ledger =
      new LedgerStore() {
        @Override
        public boolean insertLine(CommissionLine line) {
          LineKey key = new LineKey(line.orderId(), line.lineNumber());
          if (read().pricedLines.containsKey(key)) {
            return false; // priced once, never re-priced
          }
          State s = write();
          s.pricedLines = with(s.pricedLines, key, line);
          return true;
        }

        @Override
        public List<CommissionLine> linesOfOrder(OrderId orderId) {
          return read().pricedLines.values().stream()
              .filter(l -> l.orderId().equals(orderId))
              .sorted(Comparator.comparingInt(CommissionLine::lineNumber))
              .toList();
        }

        @Override
        public boolean append(LedgerEntry entry) {
          EntryIdentity key = EntryIdentity.of(entry);
          if (read().entryKeys.contains(key)) {
            return false; // the same event booked this line and kind before
          }
          State s = write();
          s.entryKeys = with(s.entryKeys, key);
          s.entries = with(s.entries, entry);
          return true;
        }

        @Override
        public void appendAll(List<LedgerEntry> entries) {
          // As append for each, but copying the tables once rather than once per entry.
          Set<EntryIdentity> keys = new HashSet<>(read().entryKeys);
          List<LedgerEntry> appended = new ArrayList<>();
          for (LedgerEntry entry : entries) {
            if (keys.add(EntryIdentity.of(entry))) {
              appended.add(entry); // else: booked before, or earlier in the list
            }
          }
          if (appended.isEmpty()) {
            return;
          }
          State s = write();
          s.entryKeys = Set.copyOf(keys);
          List<LedgerEntry> all = new ArrayList<>(s.entries);
          all.addAll(appended);
          s.entries = List.copyOf(all);
        }

        @Override
        public List<LedgerEntry> entriesOfOrder(OrderId orderId) {
          return read().entries.stream()
              .filter(e -> e.orderId().equals(Optional.of(orderId)))
              .sorted(BY_RECORDING)
              .toList();
        }

        @Override
        public List<LedgerEntry> entriesOfEvent(EventId eventId) {
          return read().entries.stream()
              .filter(e -> e.sourceEvent().equals(eventId))
              .sorted(
                  Comparator.comparingInt(LedgerEntry::lineNumber).thenComparing(LedgerEntry::kind))
              .toList();
        }

        @Override
        public List<LedgerEntry> recentEntries(PartnerId partnerId, int limit) {
          return read().entries.stream()
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
            PartnerId partnerId,
            Instant recordedBy,
            Optional<LedgerStore.EntryKey> after,
            int limit) {
          Comparator<LedgerStore.EntryKey> order =
              Comparator.comparing(LedgerStore.EntryKey::recordedAt)
                  .thenComparing(LedgerStore.EntryKey::entryId);
          return read().entries.stream()
              .filter(e -> e.partnerId().equals(partnerId) && !e.recordedAt().isAfter(recordedBy))
              .filter(
                  e ->
                      after.isEmpty() || order.compare(LedgerStore.EntryKey.of(e), after.get()) > 0)
              .sorted(Comparator.comparing(LedgerStore.EntryKey::of, order))
              .limit(limit)
              .toList();
        }

        @Override
        public Balance balance(PartnerId partnerId, Currency currency, Instant asOf) {
          Money zero = Money.zero(currency);
          Money accrued = zero;
          Money earned = zero;
          Money cancelled = zero;
          Money reversed = zero;
          Money held = zero;
          Money payable = zero;
          Money adjusted = zero;
          for (LedgerEntry e : read().entries) {
            if (!e.partnerId().equals(partnerId) || !e.amount().currency().equals(currency)) {
              continue;
            }
            boolean isHeld = e.payableAt().map(at -> at.isAfter(asOf)).orElse(false);
            switch (e.kind()) {
              case ACCRUED -> accrued = accrued.plus(e.amount());
              case CANCELLED -> cancelled = cancelled.plus(e.amount());
              case EARNED -> {
                earned = earned.plus(e.amount());
                if (isHeld) {
                  held = held.plus(e.amount());
                } else {
                  payable = payable.plus(e.amount());
                }
              }
              case REVERSED -> {
                reversed = reversed.plus(e.amount());
                if (isHeld) {
                  held = held.minus(e.amount());
                } else {
                  payable = payable.minus(e.amount());
                }
              }
              case CREDITED, DEBITED, WRITTEN_OFF -> {
                adjusted = adjusted.plus(e.signedAmount());
                if (isHeld) {
                  held = held.plus(e.signedAmount());
                } else {
                  payable = payable.plus(e.signedAmount());
                }
              }
            }
          }
          // pending = accrued - earned - cancelled; payouts are netted by the core
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
          if (read().adjustments.containsKey(adjustment.adjustmentId())) {
            throw new ConflictException("adjustment " + adjustment.adjustmentId() + " exists");
          }
          State s = write();
          s.adjustments = with(s.adjustments, adjustment.adjustmentId(), adjustment);
        }

        @Override
        public Optional<Adjustment> findAdjustment(EventId adjustmentId) {
          return Optional.ofNullable(read().adjustments.get(adjustmentId));
        }

        @Override
        public List<Adjustment> adjustmentsOfEntries(Collection<UUID> entryIds) {
          Set<UUID> wanted = new HashSet<>(entryIds);
          return read().adjustments.values().stream()
              .filter(a -> wanted.contains(a.entryId()))
              .sorted(
                  Comparator.comparing(Adjustment::bookedAt)
                      .thenComparing(a -> a.adjustmentId().value()))
              .toList();
        }

        @Override
        public Optional<Instant> firstPayableAt() {
          return read().entries.stream()
              .map(LedgerEntry::payableAt)
              .flatMap(Optional::stream)
              .min(Comparator.naturalOrder());
        }

        @Override
        public List<LedgerLine> ledgerLines(LinesWanted wanted) {
          PartnerId partnerId = wanted.partnerId();
          Instant from = wanted.from();
          Instant to = wanted.to();
          Optional<LedgerLine.State> state = wanted.state();
          Instant now = wanted.now();
          Optional<LedgerLineKey> after = wanted.after();
          int limit = wanted.limit();
          // By (placedAt, order id, line); the state comes from the line's EARNED entry and the
          // payout it is assigned to, as LedgerLine.stateOf says.
          Comparator<LedgerLineKey> order =
              Comparator.comparing(LedgerLineKey::placedAt)
                  .thenComparing(k -> k.orderId().value())
                  .thenComparingInt(LedgerLineKey::lineNumber);
          State st = read();
          List<LedgerLine> lines = new ArrayList<>();
          st.pricedLines.values().stream()
              .filter(l -> l.partnerId().equals(partnerId))
              .filter(l -> !l.placedAt().isBefore(from) && l.placedAt().isBefore(to))
              .map(
                  l ->
                      new Object[] {
                        new LedgerLineKey(l.placedAt(), l.orderId(), l.lineNumber()), l
                      })
              .filter(o -> after.isEmpty() || order.compare((LedgerLineKey) o[0], after.get()) > 0)
              .sorted((a, b) -> order.compare((LedgerLineKey) a[0], (LedgerLineKey) b[0]))
              .map(o -> (CommissionLine) o[1])
              .forEach(
                  l -> {
                    Money reversed = Money.zero(l.commission().currency());
                    Optional<LedgerEntry> earned = Optional.empty();
                    for (LedgerEntry e : st.entries) {
                      if (e.orderId().equals(Optional.of(l.orderId()))
                          && e.lineNumber() == l.lineNumber()) {
                        if (e.kind() == LedgerEntry.Kind.EARNED) {
                          earned = Optional.of(e);
                        } else if (e.kind() == LedgerEntry.Kind.CANCELLED
                            || e.kind() == LedgerEntry.Kind.REVERSED) {
                          reversed = reversed.plus(e.amount());
                        }
                      }
                    }
                    Optional<Payout> payout =
                        earned.map(e -> st.assignments.get(e.entryId())).map(st.payouts::get);
                    Optional<Instant> payableAt = earned.flatMap(LedgerEntry::payableAt);
                    LedgerLine.State s =
                        LedgerLine.stateOf(payableAt, payout.map(Payout::status), now);
                    lines.add(
                        new LedgerLine(
                            l.orderId(),
                            l.lineNumber(),
                            l.productId(),
                            l.net(),
                            l.rate(),
                            l.commission(),
                            reversed,
                            l.placedAt(),
                            s,
                            payableAt,
                            s == LedgerLine.State.IN_PAYOUT || s == LedgerLine.State.PAID
                                ? payout.map(Payout::payoutId)
                                : Optional.empty()));
                  });
          return lines.stream()
              .filter(l -> state.isEmpty() || l.state() == state.get())
              .limit(limit)
              .toList();
        }
      };

  private final ProcessedEventStore processedEvents =
      new ProcessedEventStore() {
        @Override
        public boolean claim(ProcessedEvent event) {
          if (read().processed.containsKey(event.eventId())) {
            return false; // a redelivery: the loser of a race re-runs and ends up here too
          }
          State s = write();
          s.processed = with(s.processed, event.eventId(), event);
          return true;
        }

        @Override
        public Optional<ProcessedEvent> find(EventId eventId) {
          return Optional.ofNullable(read().processed.get(eventId));
        }
      };

  private final PayoutStore payouts =
      new PayoutStore() {
        @Override
        public int eraseAccounts(PartnerId partnerId) {
          int erased = 0;
          for (Payout p : read().payouts.values()) {
            if (p.partnerId().equals(partnerId) && p.account().isPresent()) {
              State s = write();
              s.payouts = with(s.payouts, p.payoutId(), p.withoutAccount());
              erased++;
            }
          }
          return erased;
        }

        @Override
        public boolean claimPeriod(PeriodClose close) {
          if (read().closes.containsKey(close.period())) {
            return false;
          }
          State s = write();
          s.closes = with(s.closes, close.period(), close);
          return true;
        }

        @Override
        public Optional<PeriodClose> findClose(YearMonth period) {
          return Optional.ofNullable(read().closes.get(period));
        }

        @Override
        public Optional<PeriodClose> latestClose() {
          return read().closes.values().stream().max(Comparator.comparing(PeriodClose::period));
        }

        /** An EARNED or REVERSED entry payable before the instant that no payout pays yet. */
        private boolean assignable(State s, LedgerEntry e, Instant before) {
          return e.kind().payable()
              && e.payableAt().orElseThrow().isBefore(before)
              && !s.assignments.containsKey(e.entryId());
        }

        private Money signed(LedgerEntry e) {
          return e.signedAmount();
        }

        @Override
        public List<PartnerAmount> unassignedPayable(
            Instant before, Currency currency, Optional<PartnerId> after, int limit) {
          State s = read();
          Map<String, Money> sums = new TreeMap<>(); // ordered by partner id, as String sorts
          for (LedgerEntry e : s.entries) {
            if (assignable(s, e, before)
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
          if (read().payouts.containsKey(payout.payoutId())) {
            throw new ConflictException("payout " + payout.payoutId() + " exists already");
          }
          State s = write();
          s.payouts = with(s.payouts, payout.payoutId(), payout);
        }

        @Override
        public Money assign(
            PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
          State s = write();
          Map<UUID, PayoutId> assignments = new HashMap<>(s.assignments); // one copy for all
          Money sum = Money.zero(currency);
          for (LedgerEntry e : s.entries) {
            if (e.partnerId().equals(partnerId)
                && e.amount().currency().equals(currency)
                && assignable(s, e, before)) {
              assignments.put(e.entryId(), payoutId);
              sum = sum.plus(signed(e));
            }
          }
          s.assignments = Map.copyOf(assignments);
          return sum;
        }

        @Override
        public void release(PayoutId payoutId) {
          State s = write();
          Map<UUID, PayoutId> assignments = new HashMap<>(s.assignments);
          List<UUID> released = new ArrayList<>(s.released.getOrDefault(payoutId, List.of()));
          assignments.forEach(
              (entry, payout) -> {
                if (payout.equals(payoutId)) {
                  released.add(entry);
                }
              });
          assignments.values().removeIf(payoutId::equals);
          s.assignments = Map.copyOf(assignments);
          // The payout keeps the record of what it was made with: its statement lists it for good.
          s.released = with(s.released, payoutId, List.copyOf(released));
        }

        @Override
        public void deletePayout(PayoutId payoutId) {
          State s = write();
          Map<UUID, PayoutId> assignments = new HashMap<>(s.assignments);
          assignments.values().removeIf(payoutId::equals);
          s.assignments = Map.copyOf(assignments);
          s.released = without(s.released, payoutId);
          s.payouts = without(s.payouts, payoutId);
        }

        @Override
        public Map<PartnerId, Money> recordCarriedOver(
            YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
          State s = write();
          Map<PartnerId, Money> sums = new LinkedHashMap<>();
          for (PartnerId partner : partners) {
            List<UUID> carried = new ArrayList<>();
            Money sum = Money.zero(currency);
            for (LedgerEntry e : s.entries) {
              if (e.partnerId().equals(partner)
                  && e.amount().currency().equals(currency)
                  && assignable(s, e, before)) {
                carried.add(e.entryId());
                sum = sum.plus(signed(e));
              }
            }
            s.carried = with(s.carried, new CloseKey(period, partner), List.copyOf(carried));
            sums.put(partner, sum);
          }
          return sums;
        }

        @Override
        public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
          State s = read();
          List<UUID> ids = s.carried.getOrDefault(new CloseKey(period, partnerId), List.of());
          return s.entries.stream()
              .filter(e -> ids.contains(e.entryId()))
              .sorted(BY_ORDER_LINE)
              .toList();
        }

        @Override
        public boolean update(Payout payout, PayoutStatus expected) {
          Payout stored = read().payouts.get(payout.payoutId());
          if (stored == null || stored.status() != expected) {
            return false;
          }
          State s = write();
          s.payouts = with(s.payouts, payout.payoutId(), payout);
          return true;
        }

        @Override
        public Optional<Payout> find(PayoutId payoutId) {
          return Optional.ofNullable(read().payouts.get(payoutId));
        }

        @Override
        public List<Payout> payoutsOfPeriod(YearMonth period) {
          return read().payouts.values().stream()
              .filter(p -> p.period().equals(period))
              .sorted(Comparator.comparing(p -> p.payoutId().value()))
              .toList();
        }

        @Override
        public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
          return read().payouts.values().stream()
              .filter(p -> p.partnerId().equals(partnerId))
              .sorted(
                  Comparator.comparing(Payout::period)
                      .reversed()
                      .thenComparing(p -> p.payoutId().value()))
              .limit(limit)
              .toList();
        }

        @Override
        public List<Payout> payoutsOfPartner(
            PartnerId partnerId, Optional<PayoutKey> after, int limit) {
          Comparator<Payout> newestFirst =
              Comparator.comparing(Payout::period)
                  .thenComparing(p -> p.payoutId().value())
                  .reversed();
          return read().payouts.values().stream()
              .filter(p -> p.partnerId().equals(partnerId))
              .filter(
                  p ->
                      after.isEmpty()
                          || p.period().isBefore(after.get().period())
                          || (p.period().equals(after.get().period())
                              && p.payoutId().value().compareTo(after.get().payoutId().value())
                                  < 0))
              .sorted(newestFirst)
              .limit(limit)
              .toList();
        }

        @Override
        public PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
          Money inPayout = Money.zero(currency);
          Money paid = Money.zero(currency);
          for (Payout p : read().payouts.values()) {
            if (p.partnerId().equals(partnerId)) {
              if (p.status() == PayoutStatus.PAID) {
                paid = paid.plus(p.amount());
              } else if (p.status() != PayoutStatus.FAILED) {
                inPayout = inPayout.plus(p.amount());
              }
            }
          }
          return new PayoutTotals(inPayout, paid);
        }

        @Override
        public void insertCloseLine(PeriodCloseLine line) {
          State s = write();
          s.closeLines = with(s.closeLines, line);
        }

        @Override
        public List<PeriodCloseLine> closeLines(YearMonth period) {
          return read().closeLines.stream()
              .filter(l -> l.period().equals(period))
              .sorted(Comparator.comparing(l -> l.partnerId().value()))
              .toList();
        }

        @Override
        public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
          return read().closeLines.stream()
              .filter(l -> l.period().equals(period) && l.partnerId().equals(partnerId))
              .findFirst();
        }

        @Override
        public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
          State s = read();
          List<UUID> released = s.released.getOrDefault(payoutId, List.of());
          return s.entries.stream()
              .filter(
                  e ->
                      payoutId.equals(s.assignments.get(e.entryId()))
                          || released.contains(e.entryId()))
              .sorted(BY_ORDER_LINE)
              .toList();
        }
      };
}
