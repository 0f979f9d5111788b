package org.partnerprogram.jdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The floor of a payment: the same rows read and written as the SDK's payment, in bare SQL with as
 * few statements as the database allows, written by hand for this schema. It claims the event id,
 * marks the order paid unless it is paid, sums each line's pending commission from the order's
 * ledger, inserts one EARNED entry per line with a positive amount (its base is the line's net
 * minus its refunds) and its open row ({@code pp_open_entry}, V11: it awaits a payout), and writes
 * the {@code commission.earned} outbox row with its JSON payload, then commits.
 *
 * <p>PostgreSQL does it in one statement (writable common table expressions) and a commit; MariaDB,
 * which has no writable CTEs, in five statements and a commit. What the floor leaves out is what a
 * hand-written statement cannot carry: the SDK's typed errors (an unknown order is refused here by
 * an {@link IllegalStateException} from the counts), its fingerprint check of a redelivered event,
 * and its pricing in Java ({@code BigDecimal}, the rules of the core). So the ratio of the floor to
 * a bare single-row INSERT is what no implementation of the same writes could beat on this server,
 * and the SDK's ratio to the floor is what the SDK itself costs.
 */
final class PaymentFloor {
  /** PostgreSQL: parameters event id, fingerprint, paid at, order id, payable at, now. */
  private static final String POSTGRESQL =
      "WITH p AS (SELECT CAST(? AS varchar) AS event_id, CAST(? AS varchar) AS fingerprint,"
          + " CAST(? AS timestamptz) AS paid_at, CAST(? AS varchar) AS order_id,"
          + " CAST(? AS timestamptz) AS payable_at, CAST(? AS timestamptz) AS now),"
          + " claim AS (INSERT INTO pp_processed_event (event_id, kind, fingerprint, processed_at)"
          + " SELECT event_id, 'payment', fingerprint, now FROM p ON CONFLICT DO NOTHING"
          + " RETURNING event_id),"
          + " paid AS (UPDATE pp_order o SET paid_at = p.paid_at FROM p"
          + " WHERE o.order_id = p.order_id AND o.paid_at IS NULL AND EXISTS (SELECT 1 FROM claim)"
          + " RETURNING o.order_id, o.partner_id),"
          + " pending AS (SELECT e.line_number, SUM(CASE e.kind WHEN 'ACCRUED' THEN e.amount"
          + " WHEN 'REVERSED' THEN 0 ELSE -e.amount END) AS amount"
          + " FROM pp_ledger_entry e JOIN paid ON e.order_id = paid.order_id"
          + " GROUP BY e.line_number),"
          + " earned AS (SELECT replace(CAST(gen_random_uuid() AS text), '-', '') AS h,"
          + " paid.partner_id, paid.order_id, n.line_number, n.amount, l.currency_code,"
          + " l.net_amount - COALESCE((SELECT SUM(r.net_amount) FROM pp_refund r"
          + " WHERE r.order_id = l.order_id AND r.line_number = l.line_number), 0) AS base"
          + " FROM pending n JOIN paid ON paid.partner_id IS NOT NULL"
          + " JOIN pp_order_line l ON l.order_id = paid.order_id AND l.line_number = n.line_number"
          + " WHERE n.amount > 0),"
          + " ins AS (INSERT INTO pp_ledger_entry (entry_order, entry_id, partner_id, order_id,"
          + " line_number, kind, amount, currency_code, base_amount, base_currency, occurred_at,"
          + " payable_at, source_event_id, recorded_at)"
          + " SELECT translate(left(h, 1), '0123456789abcdef', '89abcdef01234567')"
          + " || substr(h, 2, 15) || translate(substr(h, 17, 1), '0123456789abcdef',"
          + " '89abcdef01234567') || substr(h, 18),"
          + " substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-'"
          + " || substr(h, 17, 4) || '-' || substr(h, 21),"
          + " e.partner_id, e.order_id, e.line_number, 'EARNED', e.amount, e.currency_code,"
          + " e.base, e.currency_code, p.paid_at, p.payable_at, p.event_id, p.now"
          + " FROM earned e CROSS JOIN p"
          + " RETURNING entry_id, partner_id, order_id, amount, currency_code, payable_at,"
          + " recorded_at),"
          + " opened AS (INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code,"
          + " signed_amount) SELECT partner_id, entry_id, payable_at, currency_code, amount FROM ins),"
          + " ev AS (SELECT CAST(gen_random_uuid() AS text) AS id, partner_id, order_id,"
          + " SUM(amount) AS total, currency_code, payable_at, recorded_at FROM ins"
          + " GROUP BY partner_id, order_id, currency_code, payable_at, recorded_at)"
          + " INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload)"
          + " SELECT id, 'commission.earned', partner_id, recorded_at, 1,"
          + " json_build_object('schemaVersion', 1, 'type', 'commission.earned', 'eventId', id,"
          + " 'occurredAt', to_char(recorded_at AT TIME ZONE 'UTC',"
          + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'partnerId', partner_id, 'orderId', order_id,"
          + " 'amount', json_build_object('amount', CAST(trim_scale(total) AS text),"
          + " 'currency', currency_code), 'payableAt', to_char(payable_at AT TIME ZONE 'UTC',"
          + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
          + " FROM ev";

  /** MariaDB, 1: the claim (parameters event id, fingerprint, now). */
  private static final String MARIADB_CLAIM =
      "INSERT IGNORE INTO pp_processed_event (event_id, kind, fingerprint, processed_at)"
          + " VALUES (?, 'payment', ?, ?)";

  /** MariaDB, 2: the mark (parameters paid at, order id). */
  private static final String MARIADB_MARK =
      "UPDATE pp_order SET paid_at = ? WHERE order_id = ? AND paid_at IS NULL";

  /**
   * MariaDB, 3: the earned entries (parameters paid at, payable at, event id, now, order id, order
   * id).
   */
  private static final String MARIADB_EARN =
      "INSERT INTO pp_ledger_entry (entry_order, entry_id, partner_id, order_id, line_number, kind,"
          + " amount, currency_code, base_amount, base_currency, occurred_at, payable_at,"
          + " source_event_id, recorded_at)"
          + " SELECT REPLACE(UUID(), '-', ''), UUID(), o.partner_id, o.order_id, n.line_number,"
          + " 'EARNED', n.amount, l.currency_code,"
          + " l.net_amount - COALESCE((SELECT SUM(r.net_amount) FROM pp_refund r"
          + " WHERE r.order_id = l.order_id AND r.line_number = l.line_number), 0),"
          + " l.currency_code, ?, ?, ?, ?"
          + " FROM (SELECT line_number, SUM(CASE kind WHEN 'ACCRUED' THEN amount"
          + " WHEN 'REVERSED' THEN 0 ELSE -amount END) AS amount"
          + " FROM pp_ledger_entry WHERE order_id = ? GROUP BY line_number) n"
          + " JOIN pp_order o ON o.order_id = ? AND o.partner_id IS NOT NULL"
          + " JOIN pp_order_line l ON l.order_id = o.order_id AND l.line_number = n.line_number"
          + " WHERE n.amount > 0";

  /**
   * MariaDB, 4: the open rows of the entries just written, as the SDK writes them after its ledger
   * batch (parameters event id, order id).
   */
  private static final String MARIADB_OPEN =
      "INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)"
          + " SELECT partner_id, entry_id, payable_at, currency_code, amount FROM pp_ledger_entry"
          + " WHERE source_event_id = ? AND order_id = ? AND kind = 'EARNED'";

  /**
   * MariaDB, 5: the outbox row from the entries just written (parameters outbox event id twice,
   * now, now, event id, order id).
   */
  private static final String MARIADB_OUTBOX =
      "INSERT INTO pp_outbox (event_id, event_type, partner_id, occurred_at, schema_version,"
          + " payload)"
          + " SELECT ?, 'commission.earned', partner_id, recorded_at, 1,"
          + " JSON_OBJECT('schemaVersion', 1, 'type', 'commission.earned', 'eventId', ?,"
          + " 'occurredAt', DATE_FORMAT(?, '%Y-%m-%dT%H:%i:%sZ'), 'partnerId', partner_id,"
          + " 'orderId', order_id, 'amount', JSON_OBJECT('amount',"
          + " CAST(TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM SUM(amount))) AS CHAR),"
          + " 'currency', currency_code),"
          + " 'payableAt', DATE_FORMAT(MAX(payable_at), '%Y-%m-%dT%H:%i:%sZ'))"
          + " FROM pp_ledger_entry WHERE source_event_id = ? AND order_id = ? AND kind = 'EARNED'"
          + " GROUP BY partner_id, order_id, currency_code, recorded_at";

  private final BenchDatabase.Kind kind;
  private final DataSource pool;

  PaymentFloor(BenchDatabase.Kind kind, DataSource pool) {
    FloorRows.requireServer(kind, "the payment floor");
    this.kind = kind;
    this.pool = pool;
  }

  /**
   * A payment to record.
   *
   * @param eventId the payment's event id
   * @param fingerprint the event's fingerprint (any text; the SDK stores a SHA-256)
   * @param orderId the order
   * @param paidAt when it was paid
   * @param payableAt when the commission becomes payable
   * @param now the time of recording
   */
  record Payment(
      String eventId,
      String fingerprint,
      String orderId,
      Instant paidAt,
      Instant payableAt,
      Instant now) {}

  /**
   * Records the payment of an order the SDK recorded; fails unless it earned commission.
   *
   * @param payment the payment
   * @throws SQLException if the database fails
   */
  void pay(Payment payment) throws SQLException {
    try (Connection c = pool.getConnection()) {
      boolean earned =
          kind == BenchDatabase.Kind.POSTGRESQL ? postgresql(c, payment) : mariadb(c, payment);
      c.commit();
      if (!earned) {
        throw new IllegalStateException(
            "the floor's payment of " + payment.orderId() + " earned nothing");
      }
    }
  }

  /**
   * Fails unless what the floor wrote for {@code floorOrder} equals what the SDK wrote for {@code
   * sdkOrder} (two orders of the same lines, paid at the same time), apart from ids, partners and
   * the event's fingerprint: the EARNED entries, their open rows, the order's payment time, the
   * processed event and the outbox row.
   */
  void checkSameRows(String sdkOrder, String floorOrder) throws SQLException {
    String entries =
        "SELECT line_number, kind, amount, currency_code, base_amount, base_currency,"
            + " occurred_at, payable_at, recorded_at FROM pp_ledger_entry"
            + " WHERE order_id = ? AND kind = 'EARNED' ORDER BY line_number";
    List<List<String>> earned = FloorRows.read(pool, entries, sdkOrder);
    FloorRows.same("earned entries", earned, FloorRows.read(pool, entries, floorOrder));
    if (earned.isEmpty()) {
      throw new IllegalStateException("the SDK's payment of " + sdkOrder + " earned nothing");
    }
    FloorRows.sameRows(
        pool,
        "open rows",
        "SELECT e.line_number, o.payable_at, o.currency_code, o.signed_amount,"
            + " CASE WHEN o.partner_id = e.partner_id THEN 'own partner' ELSE 'other' END"
            + " FROM pp_ledger_entry e LEFT JOIN pp_open_entry o ON o.entry_id = e.entry_id"
            + " WHERE e.order_id = ? AND e.kind = 'EARNED' ORDER BY e.line_number",
        sdkOrder,
        floorOrder);
    FloorRows.sameRows(
        pool,
        "payment time",
        "SELECT paid_at FROM pp_order WHERE order_id = ?",
        sdkOrder,
        floorOrder);
    FloorRows.sameRows(
        pool,
        "processed event",
        "SELECT e.kind, e.processed_at FROM pp_processed_event e"
            + " WHERE e.event_id IN (SELECT source_event_id FROM pp_ledger_entry"
            + " WHERE order_id = ? AND kind = 'EARNED')",
        sdkOrder,
        floorOrder);
    FloorRows.sameOutbox(
        kind,
        pool,
        "commission.earned",
        "event_type, occurred_at, schema_version",
        sdkOrder,
        floorOrder,
        Set.of("eventId", "partnerId", "orderId"));
  }

  private static boolean postgresql(Connection c, Payment p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(POSTGRESQL)) {
      ps.setString(1, p.eventId());
      ps.setString(2, p.fingerprint());
      ps.setObject(3, OffsetDateTime.ofInstant(p.paidAt(), ZoneOffset.UTC));
      ps.setString(4, p.orderId());
      ps.setObject(5, OffsetDateTime.ofInstant(p.payableAt(), ZoneOffset.UTC));
      ps.setObject(6, OffsetDateTime.ofInstant(p.now(), ZoneOffset.UTC));
      return ps.executeUpdate() == 1;
    }
  }

  private static boolean mariadb(Connection c, Payment p) throws SQLException {
    String eventId = p.eventId();
    String orderId = p.orderId();
    LocalDateTime paid = LocalDateTime.ofInstant(p.paidAt(), ZoneOffset.UTC);
    LocalDateTime payable = LocalDateTime.ofInstant(p.payableAt(), ZoneOffset.UTC);
    LocalDateTime at = LocalDateTime.ofInstant(p.now(), ZoneOffset.UTC);
    try (PreparedStatement ps = c.prepareStatement(MARIADB_CLAIM)) {
      ps.setString(1, eventId);
      ps.setString(2, p.fingerprint());
      ps.setObject(3, at);
      if (ps.executeUpdate() != 1) {
        return false; // a redelivery
      }
    }
    try (PreparedStatement ps = c.prepareStatement(MARIADB_MARK)) {
      ps.setObject(1, paid);
      ps.setString(2, orderId);
      if (ps.executeUpdate() != 1) {
        return false; // unknown or paid
      }
    }
    try (PreparedStatement ps = c.prepareStatement(MARIADB_EARN)) {
      ps.setObject(1, paid);
      ps.setObject(2, payable);
      ps.setString(3, eventId);
      ps.setObject(4, at);
      ps.setString(5, orderId);
      ps.setString(6, orderId);
      if (ps.executeUpdate() == 0) {
        return false; // nothing pending, or no partner
      }
    }
    try (PreparedStatement ps = c.prepareStatement(MARIADB_OPEN)) {
      ps.setString(1, eventId);
      ps.setString(2, orderId);
      ps.executeUpdate();
    }
    String outboxId = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement(MARIADB_OUTBOX)) {
      ps.setString(1, outboxId);
      ps.setString(2, outboxId);
      ps.setObject(3, at);
      ps.setString(4, eventId);
      ps.setString(5, orderId);
      return ps.executeUpdate() == 1;
    }
  }
}
