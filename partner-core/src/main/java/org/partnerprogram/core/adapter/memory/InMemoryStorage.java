package org.partnerprogram.core.adapter.memory;

import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.core.port.out.ErasureStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.ReportStore;
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
  private final MemoryUnits units = new MemoryUnits();
  private final InMemoryPartners partners = new InMemoryPartners(units);
  private final InMemoryCodes codes = new InMemoryCodes(units);
  private final InMemoryRates rates = new InMemoryRates(units);
  private final InMemoryTouches touches = new InMemoryTouches(units);
  private final InMemoryAttributions attributions = new InMemoryAttributions(units);
  private final InMemoryOrders orders = new InMemoryOrders(units);
  // The ledger's lines show the payout of their earned entry; the payouts are made after it.
  private final InMemoryLedger ledger =
      new InMemoryLedger(units, entryId -> this.payouts.payoutOf(entryId));
  private final InMemoryProcessedEvents processedEvents = new InMemoryProcessedEvents(units);
  private final InMemoryPayouts payouts = new InMemoryPayouts(units, ledger);
  private final InMemoryErasures erasures = new InMemoryErasures(units);
  private final InMemoryReports reports =
      new InMemoryReports(units, partners, touches, attributions, orders, ledger, payouts);
  private final InMemoryAudit audit = new InMemoryAudit(units);

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
  public ErasureStore erasures() {
    return erasures;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public TransactionBoundary transactions() {
    return units;
  }

  @Override
  public Optional<EventPublisher> outbox() {
    return Optional.of(units);
  }

  /**
   * The events of every completed unit of work, in publication order.
   *
   * @return an unmodifiable snapshot
   */
  public List<ProgramEvent> publishedEvents() {
    return units.published();
  }
}
