package org.partnerprogram.jdbc.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The bare SQL of a close on the open-entries shape (V11): what the SDK's close reads and writes,
 * written by hand for this schema with as few statements as the database allows, without the
 * paging, the Java and the outbox rows of the SDK's close. On the caller's connection, in its
 * transaction (committed or rolled back by the caller):
 *
 * <ol>
 *   <li>the month's row in {@code pp_period_close};
 *   <li>one payout per active partner with a payout account whose open entries ({@code
 *       pp_open_entry}) payable before the bound sum to more than zero, the sums taken in the same
 *       statement;
 *   <li>those open entries moved into {@code pp_payout_item}: on PostgreSQL one statement ({@code
 *       WITH moved AS (DELETE … RETURNING …) INSERT …}), on MariaDB and H2 an {@code INSERT …
 *       SELECT} and a {@code DELETE} of the same rows;
 *   <li>a close line per payout.
 * </ol>
 *
 * <p>It reads only {@code pp_open_entry}, never the ledger or the items of earlier months, so it is
 * the floor of a close that costs what is open. Payout ids are random, of the SDK's shape.
 */
final class CloseFloor {
  private static final String OPEN = "o.payable_at < ? AND o.currency_code = 'EUR'";

  private final BenchDatabase.Kind kind;

  CloseFloor(BenchDatabase.Kind kind) {
    this.kind = kind;
  }

  /**
   * How many statements {@link #close} runs.
   *
   * @return the count
   */
  int statements() {
    return kind == BenchDatabase.Kind.POSTGRESQL ? 4 : 5;
  }

  /**
   * Closes a month in bare SQL, on the caller's transaction.
   *
   * @param c the connection (autocommit off)
   * @param month the month
   * @param bound entries payable before this are paid (the month's end in the programme's zone)
   * @param now the close's time
   * @return how many payouts it made
   * @throws SQLException if the database fails
   */
  int close(Connection c, YearMonth month, Instant bound, Instant now) throws SQLException {
    String period = month.toString();
    update(c, "INSERT INTO pp_period_close (period, closed_at) VALUES (?, ?)", period, now);
    int payouts;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
                + " holder_name, status, created_at, status_changed_at)"
                + " SELECT "
                + randomPayoutId()
                + ", a.partner_id, ?, a.payable, 'EUR',"
                + " p.payout_iban, p.payout_holder_name, 'CREATED', ?, ?"
                + " FROM (SELECT o.partner_id, SUM(o.signed_amount) AS payable"
                + " FROM pp_open_entry o WHERE "
                + OPEN
                + " GROUP BY o.partner_id) a JOIN pp_partner p ON p.partner_id = a.partner_id"
                + " WHERE a.payable > 0 AND p.status = 'ACTIVE' AND p.payout_iban IS NOT NULL")) {
      ps.setString(1, period);
      setInstant(ps, 2, now);
      setInstant(ps, 3, now);
      setInstant(ps, 4, bound);
      payouts = ps.executeUpdate();
    }
    if (kind == BenchDatabase.Kind.POSTGRESQL) {
      update(
          c,
          "WITH moved AS (DELETE FROM pp_open_entry o USING pp_payout p"
              + " WHERE p.period = ? AND o.partner_id = p.partner_id AND "
              + OPEN
              + " RETURNING o.entry_id, p.payout_id, o.partner_id, o.signed_amount)"
              + " INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
              + " SELECT entry_id, payout_id, partner_id, signed_amount FROM moved",
          period,
          bound);
    } else {
      update(
          c,
          "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
              + " SELECT o.entry_id, p.payout_id, o.partner_id, o.signed_amount"
              + " FROM pp_payout p JOIN pp_open_entry o ON o.partner_id = p.partner_id"
              + " WHERE p.period = ? AND "
              + OPEN,
          period,
          bound);
      update(
          c,
          kind == BenchDatabase.Kind.MARIADB
              ? "DELETE o FROM pp_payout p JOIN pp_open_entry o ON o.partner_id = p.partner_id"
                  + " WHERE p.period = ? AND "
                  + OPEN
              : "DELETE FROM pp_open_entry o WHERE EXISTS (SELECT 1 FROM pp_payout p"
                  + " WHERE p.period = ? AND p.partner_id = o.partner_id) AND "
                  + OPEN,
          period,
          bound);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO pp_period_close_line (period, partner_id, amount, currency_code,"
                + " payout_id) SELECT period, partner_id, amount, currency_code, payout_id"
                + " FROM pp_payout WHERE period = ?")) {
      ps.setString(1, period);
      ps.executeUpdate();
    }
    return payouts;
  }

  /**
   * The total of a month's payouts, as the caller's transaction sees them.
   *
   * @param c the connection
   * @param month the month
   * @return the total, zero if none
   * @throws SQLException if the database fails
   */
  static BigDecimal total(Connection c, YearMonth month) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM pp_payout WHERE period = ?")) {
      ps.setString(1, month.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  /**
   * A payout id of the SDK's shape ({@code PayoutId.random}: "PO" and 24 random characters, here
   * hexadecimal from an MD5 of a random number and the partner), so the floor's payouts and items
   * land all over their indexes as the SDK's do: with ids made from the partner's id, every month's
   * payouts would go to the same index pages, a locality the SDK's ids do not have.
   */
  private String randomPayoutId() {
    return switch (kind) {
      case POSTGRESQL ->
          "CONCAT('PO', UPPER(SUBSTR(MD5(CONCAT(CAST(random() AS text), a.partner_id)), 1, 24)))";
      case MARIADB -> "CONCAT('PO', UPPER(SUBSTR(MD5(CONCAT(RAND(), a.partner_id)), 1, 24)))";
      case H2 ->
          "CONCAT('PO', UPPER(SUBSTR(RAWTOHEX(HASH('MD5', CONCAT(CAST(RAND() AS VARCHAR),"
              + " a.partner_id))), 1, 24)))";
    };
  }

  private void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (kind == BenchDatabase.Kind.MARIADB) {
      ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  /** Runs a statement whose parameters are the period and then an instant. */
  private void update(Connection c, String sql, String period, Instant instant)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, period);
      setInstant(ps, 2, instant);
      ps.executeUpdate();
    }
  }
}
