package org.partnerprogram.jdbc;

import java.util.Optional;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.port.out.ProcessedEventStore;

/**
 * {@link ProcessedEventStore} over {@code pp_processed_event}, keyed by event id. A claim is a
 * duplicate-safe insert: on PostgreSQL {@code ON CONFLICT DO NOTHING} waits for a concurrent
 * claimer's transaction and then reports the conflict; on MariaDB and H2 the duplicate-key error
 * (raised once the other transaction commits) is caught, which undoes only the statement.
 */
final class JdbcProcessedEventStore implements ProcessedEventStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcProcessedEventStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean claim(ProcessedEvent event) {
    return sql.run(
        "claiming event " + event.eventId(),
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_processed_event (event_id, kind, fingerprint, processed_at)"
                    + " VALUES (?, ?, ?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> {
                  ps.setString(1, event.eventId().value());
                  ps.setString(2, event.kind());
                  ps.setString(3, event.fingerprint());
                  sql.setInstant(ps, 4, "processedAt", event.processedAt());
                }));
  }

  @Override
  public Optional<ProcessedEvent> find(EventId eventId) {
    return sql.run(
        "reading processed event " + eventId,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT kind, fingerprint, processed_at FROM pp_processed_event"
                    + " WHERE event_id = ?",
                ps -> ps.setString(1, eventId.value()),
                rs ->
                    new ProcessedEvent(
                        eventId,
                        rs.getString("kind"),
                        rs.getString("fingerprint"),
                        sql.getRequiredInstant(rs, "processed_at"))));
  }
}
