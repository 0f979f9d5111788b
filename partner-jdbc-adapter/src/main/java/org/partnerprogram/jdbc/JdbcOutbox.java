package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.jdbc.internal.EventJson;
import org.partnerprogram.jdbc.internal.JdbcTransactions;
import org.partnerprogram.jdbc.internal.Sql;

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
  /**
   * PostgreSQL: many events in one statement, an array per column ({@link Sql#setColumnArrays}),
   * inserted in array order so that their sequence ids follow the list.
   */
  private static final String INSERT_EVENTS_FROM_ARRAYS =
      "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload) SELECT u.event_id, u.event_type, u.partner_id, u.occurred_at,"
          + " u.schema_version, CAST(u.payload AS json) FROM unnest(CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS integer[]), CAST(? AS text[])) WITH ORDINALITY"
          + " AS u (event_id, event_type, partner_id, occurred_at, schema_version, payload, n)"
          + " ORDER BY u.n";

  private final JdbcTransactions tx;
  private final Sql sql;
  private final Clock clock;

  JdbcOutbox(JdbcTransactions tx, Sql sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
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
    List<String> json = new ArrayList<>(events.size());
    for (ProgramEvent event : events) {
      json.add(EventJson.toJson(Objects.requireNonNull(event, "event")));
    }
    if (events.size() > 1 && sql.dialect() == Dialect.POSTGRESQL) {
      // One statement, in list order (the identity follows the ordinality), instead of a batch.
      // The rows are positions: each pairs an event with its JSON, rendered above.
      List<Integer> rows = IntStream.range(0, events.size()).boxed().toList();
      String[][] columns =
          Sql.columnArrays(
              rows,
              List.of(
                  i -> events.get(i).eventId().toString(),
                  i -> events.get(i).type(),
                  i -> events.get(i).partner().map(PartnerId::value).orElse(null),
                  i -> Sql.storable("occurredAt", events.get(i).occurredAt()).toString(),
                  i -> Integer.toString(EventJson.SCHEMA_VERSION),
                  json::get));
      sql.run(
          "writing " + events.size() + " events to the outbox",
          c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS_FROM_ARRAYS)) {
              Sql.setColumnArrays(c, ps, columns);
              return ps.executeUpdate();
            }
          });
      return;
    }
    String param = sql.dialect() == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
    sql.run(
        events.size() == 1
            ? "writing event " + events.get(0).type() + " to the outbox"
            : "writing " + events.size() + " events to the outbox",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at,"
                      + " schema_version, payload) VALUES (?, ?, ?, ?, ?, "
                      + param
                      + ")")) {
            for (int i = 0; i < events.size(); i++) {
              ProgramEvent event = events.get(i);
              ps.setString(1, event.eventId().toString());
              ps.setString(2, event.type());
              ps.setString(3, event.partner().map(PartnerId::value).orElse(null));
              sql.setInstant(ps, 4, "occurredAt", event.occurredAt());
              ps.setInt(5, EventJson.SCHEMA_VERSION);
              ps.setString(6, json.get(i));
              if (events.size() == 1) {
                return ps.executeUpdate();
              }
              ps.addBatch();
            }
            return ps.executeBatch().length;
          }
        });
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
    return tx.execute(
        () ->
            sql.run(
                "reading the outbox",
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT sequence_id, event_id, event_type, partner_id, occurred_at,"
                              + " schema_version, payload FROM pp_outbox"
                              + " WHERE acknowledged_at IS NULL ORDER BY sequence_id LIMIT ?")) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                      List<OutboxEntry> entries = new ArrayList<>();
                      while (rs.next()) {
                        String partner = rs.getString("partner_id");
                        entries.add(
                            new OutboxEntry(
                                rs.getLong("sequence_id"),
                                UUID.fromString(rs.getString("event_id")),
                                rs.getString("event_type"),
                                Optional.ofNullable(partner).map(PartnerId::of),
                                sql.getRequiredInstant(rs, "occurred_at"),
                                rs.getInt("schema_version"),
                                rs.getString("payload")));
                      }
                      return List.copyOf(entries);
                    }
                  }
                }));
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
    return tx.execute(
        () ->
            sql.run(
                "acknowledging outbox entries",
                c -> {
                  int count = 0;
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE pp_outbox SET acknowledged_at = ?"
                              + " WHERE sequence_id = ? AND acknowledged_at IS NULL")) {
                    for (Long sequence : sequences) {
                      sql.setInstant(ps, 1, "acknowledgedAt", now);
                      ps.setLong(2, sequence);
                      count += ps.executeUpdate();
                    }
                  }
                  return count;
                }));
  }
}
