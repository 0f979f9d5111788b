package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;

/**
 * MariaDB 10.6 or later: a strict UTC session, instants as {@code DATETIME(6)} in UTC, and a close
 * that deletes the open rows it paid through a join.
 */
final class MariaDbStatements extends Statements {
  /** Strict SQL mode and UTC: nothing is truncated or coerced. */
  static final String SESSION =
      "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'";

  @Override
  String sessionSetup() {
    return SESSION;
  }

  @Override
  void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  @Override
  Optional<Instant> getInstant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return Optional.ofNullable(value).map(v -> v.toInstant(ZoneOffset.UTC));
  }

  /**
   * The portable lock, skipping the rows another purge holds: MariaDB refuses {@code LIMIT} in an
   * {@code IN} subquery, and a {@code DELETE ... ORDER BY touched_at LIMIT n} of two purges at once
   * deadlocks (found by MariaDbConcurrentPurgeTest), so the batch's keys are locked with {@code
   * SKIP LOCKED} (two purges take different rows) and then deleted by primary key.
   */
  @Override
  String lockTouchesBetween() {
    return "SELECT touch_id, touched_at FROM pp_touch WHERE touched_at >= ? AND touched_at < ?"
        + " ORDER BY touched_at LIMIT ? FOR UPDATE SKIP LOCKED";
  }

  /**
   * One statement per key, sent as one JDBC batch: MariaDB plans a {@code DELETE … WHERE touch_id
   * IN (…)} of hundreds of keys on a table of a few thousand rows as a scan of the whole table,
   * which waits on every row another unit of work holds (found by MariaDbConcurrentPurgeTest); a
   * key alone is always found through the primary key.
   */
  @Override
  void deleteTouchesById(Connection c, List<Long> ids) throws SQLException {
    Jdbc.batch(c, "DELETE FROM pp_touch WHERE touch_id = ?", ids, (ps, id) -> ps.setLong(1, id));
  }

  /** Skips the decisions another instance's batch holds. */
  @Override
  String lockInputsDue() {
    return "SELECT customer_account_id, visitor_id FROM pp_attribution"
        + " WHERE inputs_pseudonymised = FALSE AND signup_at < ? ORDER BY signup_at LIMIT ?"
        + " FOR UPDATE SKIP LOCKED";
  }

  /** The oldest superseded payout accounts before a cutoff, locked, skipping those held. */
  private static final String LOCK_SUPERSEDED_ACCOUNTS =
      "SELECT partner_id, partner_version FROM pp_payout_account_change WHERE superseded_at < ?"
          + " ORDER BY superseded_at LIMIT ? FOR UPDATE SKIP LOCKED";

  /**
   * Two statements, as the touches' batch ({@link #lockTouchesBetween()}): the batch's keys locked
   * with {@code SKIP LOCKED}, then deleted by primary key, in chunks of {@link Sql#IN_LIST}.
   */
  @Override
  int deleteSupersededAccounts(Connection c, Jdbc.Binder cutoffAndLimit) throws SQLException {
    List<Map.Entry<String, Long>> keys =
        Jdbc.query(
            c,
            LOCK_SUPERSEDED_ACCOUNTS,
            cutoffAndLimit,
            rs -> Map.entry(rs.getString(1), rs.getLong(2)));
    int deleted = 0;
    for (int from = 0; from < keys.size(); from += Sql.IN_LIST) {
      List<Map.Entry<String, Long>> chunk =
          keys.subList(from, Math.min(keys.size(), from + Sql.IN_LIST));
      deleted +=
          Jdbc.update(
              c,
              "DELETE FROM pp_payout_account_change WHERE (partner_id, partner_version) IN ("
                  + Sql.rows(chunk.size(), 2)
                  + ")",
              ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                  ps.setString(2 * i + 1, chunk.get(i).getKey());
                  ps.setLong(2 * i + 2, chunk.get(i).getValue());
                }
              });
    }
    return deleted;
  }

  /** MariaDB materialises the union of the two derived tables; two statements cost less. */
  @Override
  boolean readsRateCardsInOneStatement() {
    return false;
  }

  /**
   * One INSERT … SELECT for the chunk that returns each inserted row's payout and signed amount,
   * summed here (streamed: one partner may have hundreds of thousands of entries in a month), then
   * {@link #closeAssigned}.
   */
  @Override
  Map<PayoutId, Money> assignNewPayouts(
      Connection c, List<Payout> chunk, Instant bound, Currency currency) throws SQLException {
    List<String> ids = chunk.stream().map(p -> p.payoutId().value()).toList();
    Map<String, BigDecimal> sums = new HashMap<>();
    Jdbc.forEach(
        c,
        ITEMS_FROM_OPEN_ROWS_OF
            + Sql.placeholders(chunk.size())
            + OPEN_PAYABLE_AFTER_LIST
            + " RETURNING payout_id, signed_amount",
        idsBoundCurrency(ids, bound, currency),
        FETCH_SIZE,
        rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2)),
        e -> sums.merge(e.getKey(), e.getValue(), BigDecimal::add));
    closeAssigned(c, chunk.size(), ps -> bindAll(ps, 1, ids));
    Map<PayoutId, Money> assigned = new HashMap<>();
    sums.forEach((id, sum) -> assigned.put(PayoutId.of(id), total(sum, currency)));
    return assigned;
  }

  /**
   * A join that starts from the payouts' items (their payout index), so the open rows are found by
   * their key; {@code STRAIGHT_JOIN} keeps that order where the planner would scan a small open
   * table instead.
   */
  @Override
  void closeAssigned(Connection c, int payouts, Jdbc.Binder bindPayouts) throws SQLException {
    Jdbc.update(
        c,
        "DELETE o FROM pp_payout_item i STRAIGHT_JOIN pp_open_entry o"
            + " ON o.partner_id = i.partner_id AND o.entry_id = i.entry_id"
            + " WHERE i.payout_id IN ("
            + Sql.placeholders(payouts)
            + ")",
        bindPayouts);
  }
}
