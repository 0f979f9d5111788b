package org.partnerprogram.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.TransactionBoundary;

/** What every use case needs: the terms, the ports, the clock and randomness. */
final class ServiceContext {
  /** The repeats of an idempotent unit when the host set none: a few, quickly. */
  private static final RetryPolicy IDEMPOTENT_RETRY =
      RetryPolicy.of(10, Duration.ofMillis(5), Duration.ofMillis(200));

  final ProgramTerms terms;
  final ProgramStorage storage;
  final TransactionBoundary tx;

  /**
   * Units that may run again whatever they met, such as one batch of a click purge (it deletes what
   * has expired, however often it runs): repeated on a transient failure (a deadlock between two
   * purges) even when the host asked for no retries, so concurrent purges never fail on one.
   */
  final TransactionBoundary idempotentTx;

  final EventPublisher events;
  final Observations observations;

  /** The host's key for the pseudonyms of people's identifiers. */
  final PseudonymKey pseudonyms;

  /** Whether events carry customer account ids besides their pseudonyms (the host opted in). */
  final boolean publishCustomerAccountIds;

  private final Clock clock;
  private final RandomGenerator random;

  /**
   * Wires the context.
   *
   * @param terms the programme's rules
   * @param storage the storage adapter
   * @param events where events go
   * @param clock the programme's clock
   * @param random the secure random source
   * @param retry when to repeat a unit of work that failed transiently
   * @param observations the observer, the ticker and the MDC of use cases
   * @param pseudonyms the host's key for pseudonyms
   * @param publishCustomerAccountIds whether events carry customer account ids too
   */
  ServiceContext(
      ProgramTerms terms,
      ProgramStorage storage,
      EventPublisher events,
      Clock clock,
      RandomGenerator random,
      RetryPolicy retry,
      Observations observations,
      PseudonymKey pseudonyms,
      boolean publishCustomerAccountIds) {
    this.terms = terms;
    this.storage = storage;
    this.tx = new RetryingTransactions(storage.transactions(), retry, random, observations);
    this.idempotentTx =
        new RetryingTransactions(
            storage.transactions(),
            retry.maxAttempts() > 1 ? retry : IDEMPOTENT_RETRY,
            random,
            observations);
    this.observations = observations;
    this.events = events;
    this.clock = clock;
    this.random = random;
    this.pseudonyms = pseudonyms;
    this.publishCustomerAccountIds = publishCustomerAccountIds;
  }

  /** The account id as events carry it: only if the host opted in. */
  Optional<CustomerAccountId> publishedAccountId(CustomerAccountId customer) {
    return publishCustomerAccountIds ? Optional.of(customer) : Optional.empty();
  }

  /** Now, by the programme's clock, to the microsecond. */
  Instant now() {
    return Instants.check("clock", clock.instant());
  }

  RandomGenerator random() {
    return random;
  }

  /** A random (version 4) UUID for an event. */
  UUID newEventId() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  /** Refuses a null argument with a typed error naming the field. */
  static void required(String field, Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  /** The stored partner, or NotFoundException. */
  Partner partner(PartnerId id) {
    return storage
        .partners()
        .findById(id)
        .orElseThrow(() -> new NotFoundException("no partner with id " + id));
  }
}
