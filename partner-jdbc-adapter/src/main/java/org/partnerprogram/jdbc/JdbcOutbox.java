package org.partnerprogram.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.EventPublisher;

/**
 * The transactional outbox: {@link #publish} writes each event as JSON to {@code pp_outbox} in the
 * transaction of the change that caused it, so an event exists if and only if its change committed,
 * and a crash between writing and delivering loses nothing. A relay in the host reads {@linkplain
 * #unacknowledged(int) unacknowledged events} in sequence order, delivers them, and {@linkplain
 * #acknowledge(Collection) acknowledges} them.
 *
 * <p>Delivery is at least once: a relay that crashes after delivering and before acknowledging
 * delivers again, so consumers deduplicate by {@link OutboxEntry#eventId()}. Sequence numbers are
 * taken when events are written, so a transaction that commits late can make a smaller sequence
 * appear after a larger one was read; acknowledging entry by entry (rather than "everything up to
 * N") never skips such an event.
 *
 * <p>Obtain it from {@link JdbcProgramStorage#outboxReader()}; the reading methods run in a unit of
 * work of that storage (joining one that is running on the thread).
 */
public final class JdbcOutbox implements EventPublisher {
  private final JdbcTransactions tx;
  private final JdbcOutboxTable table;
  private final Clock clock;

  JdbcOutbox(JdbcTransactions tx, Sql sql, Clock clock) {
    this.tx = tx;
    this.table = new JdbcOutboxTable(sql);
    this.clock = clock;
  }

  /**
   * Writes an event to the outbox in the current unit of work.
   *
   * @param event the event; never null
   * @throws IllegalStateException if called outside a unit of work of the storage
   * @throws org.partnerprogram.core.domain.PartnerProgramException if the database refuses it
   */
  @Override
  public void publish(ProgramEvent event) {
    publishAll(List.of(Objects.requireNonNull(event, "event")));
  }

  /**
   * Writes events to the outbox in the current unit of work, in list order, as one batch.
   *
   * @param events the events; never null, no null element; may be empty
   * @throws IllegalStateException if called outside a unit of work of the storage
   */
  @Override
  public void publishAll(List<? extends ProgramEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    table.insert(events);
  }

  /**
   * Rewrites the events in the outbox, acknowledged or not, replacing every JSON string value equal
   * to one of the keys by that key's value, in the current unit of work; a row keeps its sequence,
   * event id and schema version. How an erasure replaces a person's identifier by its pseudonym in
   * events already written. Reads the whole outbox once (a page at a time): an erasure is rare.
   *
   * @param replacements exact value to the value that takes its place; never null
   * @return how many events changed
   * @throws IllegalStateException if called outside a unit of work of the storage
   */
  @Override
  public int replaceValues(Map<String, String> replacements) {
    Objects.requireNonNull(replacements, "replacements");
    if (replacements.isEmpty()) {
      return 0;
    }
    return table.replaceValues(null, replacements);
  }

  /**
   * As {@link #replaceValues}, in the rows of one partner only (by the outbox's {@code
   * partner_id}).
   *
   * @param partnerId the partner; never null
   * @param replacements exact value to the value that takes its place; never null
   * @return how many events changed
   * @throws IllegalStateException if called outside a unit of work of the storage
   */
  @Override
  public int replaceValuesOfPartner(PartnerId partnerId, Map<String, String> replacements) {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(replacements, "replacements");
    if (replacements.isEmpty()) {
      return 0;
    }
    return table.replaceValues(partnerId, replacements);
  }

  /**
   * The oldest unacknowledged events, in sequence order.
   *
   * @param limit the most entries to return, at least 1
   * @return the entries, oldest first; empty if all are acknowledged
   * @throws InvalidInputException if the limit is below 1
   * @throws org.partnerprogram.core.domain.PartnerProgramException if the database fails
   */
  public List<OutboxEntry> unacknowledged(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", "must be at least 1, was " + limit);
    }
    return tx.execute(() -> table.unacknowledged(limit));
  }

  /**
   * Marks events delivered; they are no longer returned by {@link #unacknowledged(int)}.
   * Acknowledging an entry twice, or an unknown sequence, has no effect.
   *
   * @param sequences the {@link OutboxEntry#sequence()} values; never null
   * @return how many entries were newly acknowledged
   * @throws org.partnerprogram.core.domain.PartnerProgramException if the database fails
   */
  public int acknowledge(Collection<Long> sequences) {
    Objects.requireNonNull(sequences, "sequences");
    if (sequences.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return tx.execute(() -> table.acknowledge(sequences, now));
  }
}
