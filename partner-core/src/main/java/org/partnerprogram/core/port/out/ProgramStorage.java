package org.partnerprogram.core.port.out;

import java.util.Optional;

/**
 * One storage adapter: the stores of one programme, sharing one transaction boundary. Storage
 * adapters (in-memory, JDBC, an integrator's own) implement this and pass the contract tests in
 * partner-core's test-jar.
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
}
