package org.partnerprogram.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.in.ProcessedEventsQuery;
import org.partnerprogram.core.port.out.ProcessedEventStore;

/**
 * The idempotency of host events: every order, payment and refund first claims its event id, so a
 * redelivery, even a concurrent one, writes nothing a second time; the same id with another payload
 * is refused. All input is checked before the claim, and a refused event rolls its claim back with
 * everything else.
 */
final class EventClaims {
  private final ServiceContext ctx;
  private final ProcessedEventStore processed;

  EventClaims(ServiceContext ctx) {
    this.ctx = ctx;
    this.processed = ctx.storage.processedEvents();
  }

  /** Claims the event, or tells whether it is a faithful redelivery (true) or throws on a reuse. */
  boolean isRedelivery(EventId eventId, String kind, String fingerprint, Instant now) {
    if (processed.claim(new ProcessedEvent(eventId, kind, fingerprint, now))) {
      return false;
    }
    ProcessedEvent earlier =
        processed
            .find(eventId)
            .orElseThrow(
                () -> new RetryableException("event " + eventId + " is being processed", null));
    if (!earlier.kind().equals(kind) || !earlier.fingerprint().equals(fingerprint)) {
      throw new IdempotencyConflictException(eventId, earlier.kind());
    }
    return true;
  }

  /**
   * Which of the events were processed.
   *
   * @param query the ids
   * @return the processed ones
   */
  Set<EventId> processed(ProcessedEventsQuery query) {
    return ctx.tx.execute(
        () -> {
          Set<EventId> found = new LinkedHashSet<>();
          for (EventId id : query.eventIds()) {
            if (processed.find(id).isPresent()) {
              found.add(id);
            }
          }
          return Collections.unmodifiableSet(found);
        });
  }

  /** Refuses a payment or refund dated before its order was placed. */
  static void notBeforeTheOrder(String field, Instant at, Order order) {
    if (at.isBefore(order.placedAt())) {
      throw new InvalidInputException(
          field,
          "lies before the order "
              + order.orderId()
              + " was placed ("
              + at
              + " is before "
              + order.placedAt()
              + ")");
    }
  }
}
