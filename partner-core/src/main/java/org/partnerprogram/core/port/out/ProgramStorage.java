package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;

/**
 * One storage adapter: the stores of one programme, sharing one transaction boundary. Storage
 * adapters (in-memory, JDBC, an integrator's own) implement this and pass the contract tests in the
 * test kit ({@code org.partnerprogram:partner-testkit}).
 */
public interface ProgramStorage {

  /**
   * The partner store.
   *
   * @return never null
   */
  PartnerStore partners();

  /**
   * The referral-code store.
   *
   * @return never null
   */
  ReferralCodeStore codes();

  /**
   * The rate store.
   *
   * @return never null
   */
  RateStore rates();

  /**
   * The touch (click) store.
   *
   * @return never null
   */
  TouchStore touches();

  /**
   * The attribution-decision store.
   *
   * @return never null
   */
  AttributionStore attributions();

  /**
   * The order store.
   *
   * @return never null
   */
  OrderStore orders();

  /**
   * The commission ledger.
   *
   * @return never null
   */
  LedgerStore ledger();

  /**
   * The store of processed host events (idempotency).
   *
   * @return never null
   */
  ProcessedEventStore processedEvents();

  /**
   * The store of period closes and payouts.
   *
   * @return never null
   */
  PayoutStore payouts();

  /**
   * The record of erasures.
   *
   * @return never null
   */
  ErasureStore erasures();

  /**
   * The read-only queries of support and finance across partners.
   *
   * @return never null
   */
  ReportStore reports();

  /**
   * The audit trail of administrative acts.
   *
   * @return never null
   */
  AuditStore audit();

  /**
   * The transaction boundary the stores take part in.
   *
   * @return never null
   */
  TransactionBoundary transactions();

  /**
   * The event publisher that commits with this storage's transactions (an outbox), if the adapter
   * has one. The builder uses it unless the host gives its own.
   *
   * @return the publisher, or empty if the adapter has none
   */
  default Optional<EventPublisher> outbox() {
    return Optional.empty();
  }

  /**
   * A visitor's touches in a time range, each with its code as issued and that code's partner: what
   * attributing a signup reads, in one query where the adapter can join. The default reads {@link
   * TouchStore#findByVisitor}, then each distinct code through {@link ReferralCodeStore#find} and
   * each distinct partner through {@link PartnerStore#findById}; an adapter over a database should
   * override it with one joined query.
   *
   * @param visitorId the visitor; never null
   * @param fromInclusive the earliest instant; never null
   * @param toInclusive the latest instant; never null
   * @return the touches with {@code fromInclusive <= at <= toInclusive} whose code was ever issued
   *     (live or revoked), in the order of {@link TouchStore#findByVisitor} (by time and then by
   *     code); a touch of a code that was never issued is left out; empty if none
   * @throws NotFoundException if an issued code's partner is not stored (a broken store)
   */
  default List<ResolvedTouch> resolvedTouches(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    Map<ReferralCode, Optional<IssuedCode>> issued = new HashMap<>();
    Map<PartnerId, Partner> owners = new HashMap<>();
    List<ResolvedTouch> resolved = new ArrayList<>();
    for (Touch touch : touches().findByVisitor(visitorId, fromInclusive, toInclusive)) {
      Optional<IssuedCode> code = issued.computeIfAbsent(touch.code(), codes()::find);
      if (code.isPresent()) {
        Partner partner =
            owners.computeIfAbsent(
                code.get().partnerId(),
                id ->
                    partners()
                        .findById(id)
                        .orElseThrow(() -> new NotFoundException("no partner with id " + id)));
        resolved.add(new ResolvedTouch(touch, code.get(), partner));
      }
    }
    return List.copyOf(resolved);
  }

  /**
   * What the overview shows a partner about their referrals: the {@linkplain
   * TouchStore#countByPartner clicks on their codes} with their {@linkplain
   * AttributionStore#countsByPartner attribution decisions}. The default asks the two stores; an
   * adapter that can answer both in one round trip may override it, with the same result.
   *
   * @param partnerId the partner; never null
   * @return the counts; zeros if the partner has neither clicks nor decisions
   */
  default AttributionCounts referralCounts(PartnerId partnerId) {
    AttributionCounts decided = attributions().countsByPartner(partnerId);
    return new AttributionCounts(
        touches().countByPartner(partnerId), decided.signupsAttributed(), decided.signupsRefused());
  }

  /**
   * A partner's balance with its payouts netted, as the overview shows it: the {@linkplain
   * LedgerStore#balance ledger's balance} with {@code inPayout} and {@code paid} the {@linkplain
   * PayoutStore#payoutTotals totals of the partner's payouts} on their way and paid, and {@code
   * payable} the ledger's payable minus both (negative when refunds were reversed after a payout).
   * The default asks the two stores; an adapter that can answer both in one round trip may override
   * it, with the same result.
   *
   * @param partnerId the partner; never null
   * @param currency the programme currency; never null
   * @param asOf the instant that separates held from payable; never null
   * @return the balance; zeros if the partner has neither entries nor payouts
   */
  default Balance balanceNetOfPayouts(PartnerId partnerId, Currency currency, Instant asOf) {
    Balance ledger = ledger().balance(partnerId, currency, asOf);
    PayoutTotals payouts = payouts().payoutTotals(partnerId, currency);
    return new Balance(
        ledger.pending(),
        ledger.held(),
        ledger.payable().minus(payouts.total()),
        payouts.inPayout(),
        payouts.paid(),
        ledger.earned(),
        ledger.reversed(),
        ledger.adjusted());
  }
}
