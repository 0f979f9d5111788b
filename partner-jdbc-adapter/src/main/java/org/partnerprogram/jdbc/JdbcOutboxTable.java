package org.partnerprogram.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

  /** How many candidate rows one read of {@link #replaceValues} takes. */
  private static final int REWRITE_PAGE = 200;

  /**
   * Rewrites the payloads that hold one of the keys as a string value, replacing each such value
   * exactly (see {@link EventJson#withValuesReplaced}). Candidates are found by the keys' JSON
   * literals in the payload text, a page at a time in sequence order, then checked value by value,
   * so a longer id or free text that merely contains a key is left alone. Reads the whole table
   * (there is no index on payload content): an erasure is rare.
   *
   * @param partnerId the partner whose rows are rewritten, or null for every row
   * @param replacements exact value to the value that takes its place; not empty
   * @return how many rows changed
   */
  public int replaceValues(PartnerId partnerId, Map<String, String> replacements) {
    List<String> patterns = new ArrayList<>();
    for (String key : replacements.keySet()) {
      patterns.add("%" + likeEscaped(EventJson.literal(key)) + "%");
    }
    // One constant statement per value looked for: a row holding several values is rewritten
    // whole on the first pass and no longer matches on the later ones.
    String update =
        "UPDATE pp_outbox SET payload = "
            + sql.statements().jsonParameter()
            + " WHERE sequence_id = ?";
    return sql.run(
        "rewriting outbox payloads",
        c -> {
          int changed = 0;
          for (String pattern : patterns) {
            long after = Long.MIN_VALUE;
            List<Map.Entry<Long, String>> page;
            do {
              long from = after;
              page =
                  Jdbc.query(
                      c,
                      // pages of REWRITE_PAGE (200) rows
                      partnerId == null
                          ? sql.statements().outboxRowsLike()
                          : sql.statements().outboxRowsOfPartnerLike(),
                      ps -> {
                        ps.setLong(1, from);
                        ps.setString(2, pattern);
                        if (partnerId != null) {
                          ps.setString(3, partnerId.value());
                        }
                      },
                      rs -> Map.entry(rs.getLong("sequence_id"), rs.getString("payload")));
              for (Map.Entry<Long, String> row : page) {
                after = row.getKey();
                Optional<String> rewritten =
                    EventJson.withValuesReplaced(row.getValue(), replacements);
                if (rewritten.isPresent()) {
                  changed +=
                      Jdbc.update(
                          c,
                          update,
                          ps -> {
                            ps.setString(1, rewritten.get());
                            ps.setLong(2, row.getKey());
                          });
                }
              }
            } while (page.size() == REWRITE_PAGE);
          }
          return changed;
        });
  }

  /** The text with LIKE's wildcards and the escape character ({@code !}) escaped. */
  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
