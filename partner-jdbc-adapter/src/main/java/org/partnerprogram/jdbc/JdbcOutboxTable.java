package org.partnerprogram.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.event.ProgramEvent;

/** The statements of {@code pp_outbox}, for {@link org.partnerprogram.jdbc.JdbcOutbox}. */
final class JdbcOutboxTable {
  private final Sql sql;

  /**
   * Creates the table's statements.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcOutboxTable(Sql sql) {
    this.sql = sql;
  }

  /**
   * Writes events in the current unit of work, in list order, in one round trip.
   *
   * @param events the events; never null, no null element; not empty
   */
  public void insert(List<? extends ProgramEvent> events) {
    List<String> json = new ArrayList<>(events.size());
    for (ProgramEvent event : events) {
      json.add(EventJson.toJson(Objects.requireNonNull(event, "event")));
    }
    Jdbc.RowBinder<Integer> binder =
        (ps, i) -> {
          ProgramEvent event = events.get(i);
          ps.setString(1, event.eventId().toString());
          ps.setString(2, event.type());
          ps.setString(3, event.partner().map(PartnerId::value).orElse(null));
          sql.setInstant(ps, 4, "occurredAt", event.occurredAt());
          ps.setInt(5, EventJson.SCHEMA_VERSION);
          ps.setString(6, json.get(i));
        };
    if (events.size() == 1) {
      sql.run(
          "writing event " + events.get(0).type() + " to the outbox",
          c -> Jdbc.update(c, sql.statements().insertEvent(), ps -> binder.bind(ps, 0)));
      return;
    }
    sql.run(
        "writing " + events.size() + " events to the outbox",
        c -> {
          sql.statements().insertEvents(c, new Statements.EventRows(events, json), binder);
          return null;
        });
  }

  /**
   * The oldest unacknowledged events, in sequence order.
   *
   * @param limit the most entries to return, at least 1
   * @return the entries, oldest first
   */
  public List<OutboxEntry> unacknowledged(int limit) {
    return sql.run(
        "reading the outbox",
        c ->
            Jdbc.query(
                c,
                "SELECT sequence_id, event_id, event_type, partner_id, occurred_at,"
                    + " schema_version, payload FROM pp_outbox"
                    + " WHERE acknowledged_at IS NULL ORDER BY sequence_id LIMIT ?",
                ps -> ps.setInt(1, limit),
                rs ->
                    new OutboxEntry(
                        rs.getLong("sequence_id"),
                        UUID.fromString(rs.getString("event_id")),
                        rs.getString("event_type"),
                        Optional.ofNullable(rs.getString("partner_id")).map(PartnerId::of),
                        sql.getRequiredInstant(rs, "occurred_at"),
                        rs.getInt("schema_version"),
                        rs.getString("payload"))));
  }

  /**
   * Marks entries delivered, one statement per entry.
   *
   * @param sequences the entries' sequences
   * @param now when, whole microseconds
   * @return how many entries were newly acknowledged
   */
  public int acknowledge(Collection<Long> sequences, Instant now) {
    return sql.run(
        "acknowledging outbox entries",
        c -> {
          int count = 0;
          for (Long sequence : sequences) {
            count +=
                Jdbc.update(
                    c,
                    "UPDATE pp_outbox SET acknowledged_at = ?"
                        + " WHERE sequence_id = ? AND acknowledged_at IS NULL",
                    ps -> {
                      sql.setInstant(ps, 1, "acknowledgedAt", now);
                      ps.setLong(2, sequence);
                    });
          }
          return count;
        });
  }
}
