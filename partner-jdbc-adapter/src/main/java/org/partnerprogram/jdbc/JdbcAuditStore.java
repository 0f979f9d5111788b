package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.StorageException;
import org.partnerprogram.core.port.out.AuditStore;

/**
 * {@link AuditStore} over {@code pp_audit_record} and the one-row {@code pp_audit_head} (V19). An
 * append reads the head {@code FOR UPDATE}, so appenders on every host instance queue on that row
 * lock until the appending transaction ends: the chain stays one, gapless. The head row is created
 * by the first append (a concurrent first append loses on its primary key and then waits on the
 * lock like any other). The statements are the same on every database; each query is a range of one
 * index (partner, actor, time; each with the sequence), read backwards.
 */
final class JdbcAuditStore implements AuditStore {
  private static final String COLUMNS =
      "SELECT sequence_no, recorded_at, actor, action, partner_id, subject, reason, hash"
          + " FROM pp_audit_record";

  /** The statement of {@link #ofPartner}, with or without a position. */
  static final String OF_PARTNER =
      COLUMNS + " WHERE partner_id = ? ORDER BY sequence_no DESC LIMIT ?";

  static final String OF_PARTNER_AFTER =
      COLUMNS + " WHERE partner_id = ? AND sequence_no < ? ORDER BY sequence_no DESC LIMIT ?";

  /** The statement of {@link #ofActor}, with or without a position. */
  static final String OF_ACTOR = COLUMNS + " WHERE actor = ? ORDER BY sequence_no DESC LIMIT ?";

  static final String OF_ACTOR_AFTER =
      COLUMNS + " WHERE actor = ? AND sequence_no < ? ORDER BY sequence_no DESC LIMIT ?";

  private static final String IN_PERIOD =
      COLUMNS
          + " WHERE recorded_at >= ? AND recorded_at < ?"
          + " ORDER BY recorded_at DESC, sequence_no DESC LIMIT ?";

  private static final String IN_PERIOD_AFTER =
      COLUMNS
          + " WHERE recorded_at >= ? AND recorded_at < ?"
          + " AND (recorded_at < ? OR (recorded_at = ? AND sequence_no < ?))"
          + " ORDER BY recorded_at DESC, sequence_no DESC LIMIT ?";

  private static final String CHAIN =
      COLUMNS + " WHERE sequence_no > ? ORDER BY sequence_no LIMIT ?";

  private static final String HEAD =
      "SELECT last_sequence, last_hash FROM pp_audit_head WHERE id = 1";

  private static final String HEAD_FOR_UPDATE = HEAD + " FOR UPDATE";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  JdbcAuditStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public AuditRecord append(AuditDraft draft) {
    return sql.run(
        "appending to the audit trail",
        c -> {
          AuditHead head = lockedHead(c);
          AuditRecord record = draft.chainedAfter(head);
          Jdbc.update(
              c,
              "INSERT INTO pp_audit_record (sequence_no, recorded_at, actor, action, partner_id,"
                  + " subject, reason, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              ps -> {
                ps.setLong(1, record.sequence());
                sql.setInstant(ps, 2, "recordedAt", record.recordedAt());
                ps.setString(3, record.actor());
                ps.setString(4, record.action().name());
                ps.setString(5, record.partnerId().map(PartnerId::value).orElse(null));
                ps.setString(6, record.subject());
                ps.setString(7, record.reason());
                ps.setString(8, record.hash());
              });
          int moved =
              Jdbc.update(
                  c,
                  "UPDATE pp_audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1",
                  ps -> {
                    ps.setLong(1, record.sequence());
                    ps.setString(2, record.hash());
                  });
          if (moved != 1) {
            throw new StorageException(
                "the audit trail's head row disappeared during an append", null);
          }
          return record;
        });
  }

  /** The head, locked until the transaction ends; created first if it does not exist yet. */
  private AuditHead lockedHead(Connection c) throws SQLException {
    Optional<AuditHead> head = Jdbc.queryFirst(c, HEAD_FOR_UPDATE, Jdbc.NONE, JdbcAuditStore::head);
    if (head.isPresent()) {
      return head.get();
    }
    Jdbc.insertUnlessDuplicate(
        c,
        "INSERT INTO pp_audit_head (id, last_sequence, last_hash) VALUES (1, 0, ?)"
            + sql.onConflictDoNothing(),
        ps -> ps.setString(1, AuditRecord.GENESIS_HASH));
    return Jdbc.queryFirst(c, HEAD_FOR_UPDATE, Jdbc.NONE, JdbcAuditStore::head)
        .orElseThrow(() -> new SQLException("the audit trail's head row could not be created"));
  }

  private static AuditHead head(ResultSet rs) throws SQLException {
    return new AuditHead(rs.getLong("last_sequence"), rs.getString("last_hash"));
  }

  @Override
  public AuditHead head() {
    return sql.run(
        "reading the audit trail's head",
        c -> Jdbc.queryFirst(c, HEAD, Jdbc.NONE, JdbcAuditStore::head).orElse(AuditHead.EMPTY));
  }

  @Override
  public List<AuditRecord> ofPartner(PartnerId partnerId, OptionalLong beforeSequence, int limit) {
    return byKey(
        "reading the audit records of partner " + partnerId,
        beforeSequence.isPresent() ? OF_PARTNER_AFTER : OF_PARTNER,
        partnerId.value(),
        beforeSequence,
        limit);
  }

  @Override
  public List<AuditRecord> ofActor(String actor, OptionalLong beforeSequence, int limit) {
    return byKey(
        "reading the audit records of an actor",
        beforeSequence.isPresent() ? OF_ACTOR_AFTER : OF_ACTOR,
        actor,
        beforeSequence,
        limit);
  }

  private List<AuditRecord> byKey(
      String what, String statement, String key, OptionalLong beforeSequence, int limit) {
    checkLimit(limit);
    return sql.run(
        what,
        c ->
            Jdbc.query(
                c,
                statement,
                ps -> {
                  int i = 1;
                  ps.setString(i++, key);
                  if (beforeSequence.isPresent()) {
                    ps.setLong(i++, beforeSequence.getAsLong());
                  }
                  ps.setInt(i, limit);
                },
                this::record));
  }

  @Override
  public List<AuditRecord> inPeriod(
      Instant from, Instant to, Optional<AuditKey> before, int limit) {
    checkLimit(limit);
    return sql.run(
        "reading the audit records of a period",
        c ->
            Jdbc.query(
                c,
                before.isPresent() ? IN_PERIOD_AFTER : IN_PERIOD,
                ps -> {
                  int i = 1;
                  sql.setInstant(ps, i++, "from", from);
                  sql.setInstant(ps, i++, "to", to);
                  if (before.isPresent()) {
                    sql.setInstant(ps, i++, "after", before.get().recordedAt());
                    sql.setInstant(ps, i++, "after", before.get().recordedAt());
                    ps.setLong(i++, before.get().sequence());
                  }
                  ps.setInt(i, limit);
                },
                this::record));
  }

  @Override
  public List<AuditRecord> chain(long afterSequence, int limit) {
    checkLimit(limit);
    return sql.run(
        "reading the audit trail",
        c ->
            Jdbc.query(
                c,
                CHAIN,
                ps -> {
                  ps.setLong(1, afterSequence);
                  ps.setInt(2, limit);
                },
                this::record));
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  private AuditRecord record(ResultSet rs) throws SQLException {
    String partner = rs.getString("partner_id");
    return new AuditRecord(
        rs.getLong("sequence_no"),
        sql.getRequiredInstant(rs, "recorded_at"),
        rs.getString("actor"),
        action(rs.getString("action")),
        partner == null ? Optional.empty() : Optional.of(PartnerId.of(partner)),
        rs.getString("subject"),
        rs.getString("reason"),
        rs.getString("hash"));
  }

  private static AuditAction action(String name) {
    try {
      return AuditAction.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new StorageException("an audit record has an unknown action " + name, e);
    }
  }
}
