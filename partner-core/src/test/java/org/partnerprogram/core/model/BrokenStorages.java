package org.partnerprogram.core.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.ProcessedEvent;
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

/** Deliberately broken storage adapters, to show that the kit catches their bugs. */
final class BrokenStorages {
  private BrokenStorages() {}

  /**
   * In-memory storage that forgets idempotency: claiming an event id always succeeds.
   *
   * @return the storage
   */
  static ProgramStorage forgetsIdempotency() {
    InMemoryStorage delegate = new InMemoryStorage();
    ProcessedEventStore amnesiac =
        new ProcessedEventStore() {
          @Override
          public boolean claim(ProcessedEvent event) {
            delegate.processedEvents().claim(event);
            return true;
          }

          @Override
          public Optional<ProcessedEvent> find(org.partnerprogram.core.domain.EventId eventId) {
            return delegate.processedEvents().find(eventId);
          }
        };
    return new Delegating(delegate) {
      @Override
      public ProcessedEventStore processedEvents() {
        return amnesiac;
      }
    };
  }

  /**
   * In-memory storage that pays entries twice: before assigning entries to a new payout it releases
   * the entries of the partner's earlier live payouts, so the new payout takes them again.
   *
   * @return the storage
   */
  static ProgramStorage paysEntriesTwice() {
    InMemoryStorage delegate = new InMemoryStorage();
    PayoutStore payouts = delegate.payouts();
    PayoutStore twice =
        new PayoutStore() {
          @Override
          public int eraseAccounts(PartnerId partnerId) {
            return payouts.eraseAccounts(partnerId);
          }

          @Override
          public boolean claimPeriod(PeriodClose close) {
            return payouts.claimPeriod(close);
          }

          @Override
          public Optional<PeriodClose> findClose(YearMonth period) {
            return payouts.findClose(period);
          }

          @Override
          public Optional<PeriodClose> latestClose() {
            return payouts.latestClose();
          }

          @Override
          public List<PartnerAmount> unassignedPayable(
              Instant before, Currency currency, Optional<PartnerId> after, int limit) {
            return payouts.unassignedPayable(before, currency, after, limit);
          }

          @Override
          public void insertPayout(Payout payout) {
            payouts.insertPayout(payout);
          }

          @Override
          public Money assign(
              PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
            for (Payout earlier : payouts.recentPayouts(partnerId, 1_000)) {
              if (!earlier.payoutId().equals(payoutId) && earlier.status() != PayoutStatus.FAILED) {
                payouts.release(earlier.payoutId());
              }
            }
            return payouts.assign(payoutId, partnerId, before, currency);
          }

          @Override
          public void release(PayoutId payoutId) {
            payouts.release(payoutId);
          }

          @Override
          public void deletePayout(PayoutId payoutId) {
            payouts.deletePayout(payoutId);
          }

          @Override
          public boolean update(Payout payout, PayoutStatus expected) {
            return payouts.update(payout, expected);
          }

          @Override
          public Optional<Payout> find(PayoutId payoutId) {
            return payouts.find(payoutId);
          }

          @Override
          public List<Payout> payoutsOfPeriod(YearMonth period) {
            return payouts.payoutsOfPeriod(period);
          }

          @Override
          public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
            return payouts.recentPayouts(partnerId, limit);
          }

          @Override
          public List<Payout> payoutsOfPartner(
              PartnerId partnerId, Optional<PayoutKey> after, int limit) {
            return payouts.payoutsOfPartner(partnerId, after, limit);
          }

          @Override
          public PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
            return payouts.payoutTotals(partnerId, currency);
          }

          @Override
          public void insertCloseLine(PeriodCloseLine line) {
            payouts.insertCloseLine(line);
          }

          @Override
          public List<PeriodCloseLine> closeLines(YearMonth period) {
            return payouts.closeLines(period);
          }

          @Override
          public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
            return payouts.entriesOfPayout(payoutId);
          }

          @Override
          public Map<PartnerId, Money> recordCarriedOver(
              YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
            return payouts.recordCarriedOver(period, partners, before, currency);
          }

          @Override
          public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
            return payouts.carriedOverEntries(period, partnerId);
          }

          @Override
          public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
            return payouts.closeLine(period, partnerId);
          }
        };
    return new Delegating(delegate) {
      @Override
      public PayoutStore payouts() {
        return twice;
      }
    };
  }

  /**
   * In-memory storage that books a debit adjustment as a credit (the sign bug of a {@code CASE WHEN
   * kind = 'REVERSED' THEN -amount ELSE amount END} that forgot the new kind).
   *
   * @return the storage
   */
  static ProgramStorage creditsDebits() {
    InMemoryStorage delegate = new InMemoryStorage();
    LedgerStore ledger = delegate.ledger();
    LedgerStore flipped =
        (LedgerStore)
            java.lang.reflect.Proxy.newProxyInstance(
                LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("append")
                      && args[0] instanceof LedgerEntry e
                      && e.kind() == LedgerEntry.Kind.DEBITED) {
                    args[0] =
                        new LedgerEntry(
                            e.entryId(),
                            e.partnerId(),
                            e.orderId(),
                            e.lineNumber(),
                            LedgerEntry.Kind.CREDITED,
                            e.amount(),
                            e.base(),
                            e.occurredAt(),
                            e.payableAt(),
                            e.sourceEvent(),
                            e.recordedAt());
                  }
                  try {
                    return method.invoke(ledger, args);
                  } catch (java.lang.reflect.InvocationTargetException ex) {
                    throw ex.getCause();
                  }
                });
    return new Delegating(delegate) {
      @Override
      public LedgerStore ledger() {
        return flipped;
      }
    };
  }

  /**
   * In-memory storage that stores re-attributions but never finds them again, so orders keep
   * earning for the partner of the signup.
   *
   * @return the storage
   */
  static ProgramStorage forgetsReattributions() {
    InMemoryStorage delegate = new InMemoryStorage();
    org.partnerprogram.core.port.out.AttributionStore attributions = delegate.attributions();
    org.partnerprogram.core.port.out.AttributionStore forgetful =
        (org.partnerprogram.core.port.out.AttributionStore)
            java.lang.reflect.Proxy.newProxyInstance(
                org.partnerprogram.core.port.out.AttributionStore.class.getClassLoader(),
                new Class<?>[] {org.partnerprogram.core.port.out.AttributionStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("reattributionsOf")) {
                    return java.util.List.of();
                  }
                  try {
                    return method.invoke(attributions, args);
                  } catch (java.lang.reflect.InvocationTargetException ex) {
                    throw ex.getCause();
                  }
                });
    return new Delegating(delegate) {
      @Override
      public org.partnerprogram.core.port.out.AttributionStore attributions() {
        return forgetful;
      }
    };
  }

  /** Storage delegating every store to in-memory storage. */
  static class Delegating implements ProgramStorage {
    private final InMemoryStorage delegate;

    Delegating(InMemoryStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    public PartnerStore partners() {
      return delegate.partners();
    }

    @Override
    public ReferralCodeStore codes() {
      return delegate.codes();
    }

    @Override
    public RateStore rates() {
      return delegate.rates();
    }

    @Override
    public TouchStore touches() {
      return delegate.touches();
    }

    @Override
    public AttributionStore attributions() {
      return delegate.attributions();
    }

    @Override
    public OrderStore orders() {
      return delegate.orders();
    }

    @Override
    public LedgerStore ledger() {
      return delegate.ledger();
    }

    @Override
    public ProcessedEventStore processedEvents() {
      return delegate.processedEvents();
    }

    @Override
    public PayoutStore payouts() {
      return delegate.payouts();
    }

    @Override
    public org.partnerprogram.core.port.out.ErasureStore erasures() {
      return delegate.erasures();
    }

    @Override
    public org.partnerprogram.core.port.out.ReportStore reports() {
      return delegate.reports();
    }

    @Override
    public org.partnerprogram.core.port.out.AuditStore audit() {
      return delegate.audit();
    }

    @Override
    public TransactionBoundary transactions() {
      return delegate.transactions();
    }

    @Override
    public Optional<EventPublisher> outbox() {
      return delegate.outbox();
    }
  }
}
