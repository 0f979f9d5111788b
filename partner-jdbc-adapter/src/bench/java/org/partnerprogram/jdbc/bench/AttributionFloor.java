package org.partnerprogram.jdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The floor of an attribution: the same rows read and written as the SDK's attribution of a new
 * customer's signup by last touch, in bare SQL with as few statements as the database allows. It
 * takes the visitor's latest touch in the window whose code is not revoked and whose partner is
 * active and not the customer, inserts the decision unless the customer has one, and writes the
 * {@code customer.attributed} outbox row, then commits.
 *
 * <p>PostgreSQL does it in one statement and a commit; MariaDB in two and a commit. Left out: the
 * SDK's other outcomes (a revoked code or a suspended partner is recorded there as a reason, not
 * skipped), typed codes, its typed errors, and the decision being made in Java. See {@link
 * PaymentFloor} for what the two ratios mean.
 */
final class AttributionFloor {
  private static final String POSTGRESQL =
      "WITH p AS (SELECT CAST(? AS varchar) AS customer, CAST(? AS varchar) AS visitor,"
          + " CAST(? AS timestamptz) AS since, CAST(? AS timestamptz) AS now),"
          + " last AS (SELECT t.code, t.partner_id, t.touched_at FROM pp_touch t CROSS JOIN p"
          + " JOIN pp_referral_code r ON r.code = t.code AND r.revoked_at IS NULL"
          + " JOIN pp_partner pa ON pa.partner_id = r.partner_id AND pa.status = 'ACTIVE'"
          + " AND pa.customer_account_id <> p.customer"
          + " WHERE t.visitor_id = p.visitor AND t.touched_at >= p.since AND t.touched_at <= p.now"
          + " ORDER BY t.touched_at DESC, t.code DESC, t.touch_id DESC LIMIT 1),"
          + " decided AS (INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
          + " decided_partner_id, code, touched_at, attribution_rule, reason, visitor_id,"
          + " typed_code, new_customer, customer_iban_given, signup_at, decided_at)"
          + " SELECT p.customer, 'ATTRIBUTED', last.partner_id, last.partner_id, last.code,"
          + " last.touched_at, 'LAST_TOUCH', NULL, p.visitor, NULL, TRUE, FALSE, p.now, p.now"
          + " FROM last CROSS JOIN p ON CONFLICT DO NOTHING"
          + " RETURNING customer_account_id, partner_id, code, decided_at),"
          + " ev AS (SELECT CAST(gen_random_uuid() AS text) AS id, decided.* FROM decided)"
          + " INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload)"
          + " SELECT id, 'customer.attributed', partner_id, decided_at, 1,"
          + " json_build_object('schemaVersion', 1, 'type', 'customer.attributed', 'eventId', id,"
          + " 'occurredAt', to_char(decided_at AT TIME ZONE 'UTC',"
          + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'partnerId', partner_id,"
          + " 'customerAccountId', customer_account_id, 'code', code, 'rule', 'LAST_TOUCH')"
          + " FROM ev";

  /**
   * MariaDB, 1: the decision (parameters customer, visitor, now, now, customer, visitor, since).
   */
  private static final String MARIADB_DECIDE =
      "INSERT IGNORE INTO pp_attribution (customer_account_id, outcome, partner_id,"
          + " decided_partner_id, code, touched_at, attribution_rule, reason, visitor_id,"
          + " typed_code, new_customer, customer_iban_given, signup_at, decided_at)"
          + " SELECT ?, 'ATTRIBUTED', t.partner_id, t.partner_id, t.code, t.touched_at,"
          + " 'LAST_TOUCH', NULL, ?, NULL, TRUE, FALSE, ?, ?"
          + " FROM pp_touch t"
          + " JOIN pp_referral_code r ON r.code = t.code AND r.revoked_at IS NULL"
          + " JOIN pp_partner pa ON pa.partner_id = r.partner_id AND pa.status = 'ACTIVE'"
          + " AND pa.customer_account_id <> ?"
          + " WHERE t.visitor_id = ? AND t.touched_at >= ? AND t.touched_at <= ?"
          + " ORDER BY t.touched_at DESC, t.code DESC, t.touch_id DESC LIMIT 1";

  /** MariaDB, 2: the outbox row from the decision (parameters event id twice, customer). */
  private static final String MARIADB_OUTBOX =
      "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload)"
          + " SELECT ?, 'customer.attributed', partner_id, decided_at, 1,"
          + " JSON_OBJECT('schemaVersion', 1, 'type', 'customer.attributed', 'eventId', ?,"
          + " 'occurredAt', DATE_FORMAT(decided_at, '%Y-%m-%dT%H:%i:%sZ'),"
          + " 'partnerId', partner_id, 'customerAccountId', customer_account_id, 'code', code,"
          + " 'rule', 'LAST_TOUCH')"
          + " FROM pp_attribution WHERE customer_account_id = ?";

  private final BenchDatabase.Kind kind;
  private final DataSource pool;

  AttributionFloor(BenchDatabase.Kind kind, DataSource pool) {
    FloorRows.requireServer(kind, "the attribution floor");
    this.kind = kind;
    this.pool = pool;
  }

  /**
   * Attributes a new customer's signup to the visitor's last touch; fails unless attributed.
   *
   * @param customer the new customer's account id
   * @param visitor the visitor whose touches count
   * @param since the start of the attribution window
   * @param now the signup time
   * @throws SQLException if the database fails
   */
  void attribute(String customer, String visitor, Instant since, Instant now) throws SQLException {
    try (Connection c = pool.getConnection()) {
      boolean attributed =
          kind == BenchDatabase.Kind.POSTGRESQL
              ? postgresql(c, customer, visitor, since, now)
              : mariadb(c, customer, visitor, since, now);
      c.commit();
      if (!attributed) {
        throw new IllegalStateException("the floor did not attribute " + customer);
      }
    }
  }

  private static boolean postgresql(
      Connection c, String customer, String visitor, Instant since, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(POSTGRESQL)) {
      ps.setString(1, customer);
      ps.setString(2, visitor);
      ps.setObject(3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      return ps.executeUpdate() == 1;
    }
  }

  private static boolean mariadb(
      Connection c, String customer, String visitor, Instant since, Instant now)
      throws SQLException {
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    try (PreparedStatement ps = c.prepareStatement(MARIADB_DECIDE)) {
      ps.setString(1, customer);
      ps.setString(2, visitor);
      ps.setObject(3, at);
      ps.setObject(4, at);
      ps.setString(5, customer);
      ps.setString(6, visitor);
      ps.setObject(7, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
      ps.setObject(8, at);
      if (ps.executeUpdate() != 1) {
        return false;
      }
    }
    String eventId = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement(MARIADB_OUTBOX)) {
      ps.setString(1, eventId);
      ps.setString(2, eventId);
      ps.setString(3, customer);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Fails unless the floor's decision and outbox row for {@code floorCustomer} equal the SDK's for
   * {@code sdkCustomer} (the same visitor), apart from the customer and the event id.
   */
  void checkSameRows(String sdkCustomer, String floorCustomer) throws SQLException {
    FloorRows.sameRows(
        pool,
        "decision",
        "SELECT outcome, partner_id, decided_partner_id, code, touched_at, attribution_rule,"
            + " reason, visitor_id, typed_code, new_customer, customer_iban_given, signup_at,"
            + " decided_at FROM pp_attribution WHERE customer_account_id = ?",
        sdkCustomer,
        floorCustomer);
    FloorRows.sameOutbox(
        kind,
        pool,
        "customer.attributed",
        "event_type, partner_id, occurred_at, schema_version",
        sdkCustomer,
        floorCustomer,
        Set.of("eventId", "customerAccountId"));
  }
}
