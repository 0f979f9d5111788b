package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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

  /** MariaDB materialises the union of the two derived tables; two statements cost less. */
  @Override
  boolean readsRateCardsInOneStatement() {
    return false;
  }

  /** A join, so the open rows are found through the payouts' items, not probed one by one. */
  @Override
  void closeAssigned(Connection c, int payouts, Jdbc.Binder bindPayouts) throws SQLException {
    Jdbc.update(
        c,
        "DELETE o FROM pp_payout_item i JOIN pp_open_entry o"
            + " ON o.partner_id = i.partner_id AND o.entry_id = i.entry_id"
            + " WHERE i.payout_id IN ("
            + Sql.placeholders(payouts)
            + ")",
        bindPayouts);
  }
}
