package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.port.out.OrderStore;

/**
 * {@link OrderStore} over {@code pp_order} (one row per order, keyed by order id, with the payment
 * instant set once by a conditional update), {@code pp_order_line} and {@code pp_refund} (one row
 * per refunded line and refund event; totals are summed in SQL). An order is read with its lines,
 * and for a payment with its refunds too, in one query.
 */
final class JdbcOrderStore implements OrderStore {
  /**
   * An order and its lines in one query, one row per line (every recorded order has lines; the
   * outer join only keeps the order's row should one have none).
   */
  private static final String ORDER_WITH_LINES =
      "SELECT o.customer_account_id, o.placed_at, o.partner_id, o.not_earning_reason,"
          + " o.source_event_id, o.recorded_at, l.line_number, l.product_id, l.product_group_id,"
          + " l.net_amount, l.currency_code, l.description"
          + " FROM pp_order o LEFT JOIN pp_order_line l ON l.order_id = o.order_id"
          + " WHERE o.order_id = ? ORDER BY l.line_number";

  /** The same with one row per refund of a line (a line without refunds keeps one, with NULLs). */
  private static final String ORDER_WITH_LINES_AND_REFUNDS =
      "SELECT o.customer_account_id, o.placed_at, o.partner_id, o.not_earning_reason,"
          + " o.source_event_id, o.recorded_at, l.line_number, l.product_id, l.product_group_id,"
          + " l.net_amount, l.currency_code, l.description,"
          + " r.net_amount AS refund_amount, r.currency_code AS refund_currency"
          + " FROM pp_order o LEFT JOIN pp_order_line l ON l.order_id = o.order_id"
          + " LEFT JOIN pp_refund r ON r.order_id = l.order_id AND r.line_number = l.line_number"
          + " WHERE o.order_id = ? ORDER BY l.line_number";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcOrderStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean insert(RecordedOrder recorded) {
    Order order = recorded.order();
    return sql.run(
        "inserting order " + order.orderId(),
        c -> {
          boolean inserted =
              Jdbc.insertUnlessDuplicate(
                  c,
                  "INSERT INTO pp_order (order_id, customer_account_id, placed_at, currency_code,"
                      + " partner_id, not_earning_reason, source_event_id, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + sql.onConflictDoNothing(),
                  ps -> {
                    ps.setString(1, order.orderId().value());
                    ps.setString(2, order.customer().value());
                    sql.setInstant(ps, 3, "placedAt", order.placedAt());
                    ps.setString(4, order.currency().getCurrencyCode());
                    ps.setString(5, recorded.partnerId().map(PartnerId::value).orElse(null));
                    ps.setString(6, recorded.notEarning().map(Enum::name).orElse(null));
                    ps.setString(7, recorded.sourceEvent().value());
                    sql.setInstant(ps, 8, "recordedAt", recorded.recordedAt());
                  });
          if (!inserted) {
            return false;
          }
          Jdbc.<OrderLine>batch(
              c,
              "INSERT INTO pp_order_line (order_id, line_number, product_id, product_group_id,"
                  + " net_amount, currency_code, description) VALUES (?, ?, ?, ?, ?, ?, ?)",
              order.lines(),
              (ps, line) -> {
                ps.setString(1, order.orderId().value());
                ps.setInt(2, line.lineNumber());
                ps.setString(3, line.productId().value());
                ps.setString(4, line.productGroup().map(ProductGroupId::value).orElse(null));
                Sql.setMoney(ps, 5, 6, line.net());
                ps.setString(7, line.description().orElse(null));
              });
          return true;
        });
  }

  @Override
  public Optional<RecordedOrder> find(OrderId orderId) {
    return sql.run(
        "reading order " + orderId, c -> read(c, ORDER_WITH_LINES, orderId, null).recorded());
  }

  @Override
  public Optional<OrderWithRefunds> findWithRefunds(OrderId orderId) {
    return sql.run(
        "reading order " + orderId + " with its refunds",
        c -> {
          Map<Integer, Money> refunded = new TreeMap<>();
          return read(c, ORDER_WITH_LINES_AND_REFUNDS, orderId, refunded)
              .recorded()
              .map(recorded -> new OrderWithRefunds(recorded, refunded));
        });
  }

  /**
   * Reads the rows of {@link #ORDER_WITH_LINES}, or of {@link #ORDER_WITH_LINES_AND_REFUNDS} when
   * {@code refunded} is given: it collects the refunds per line as {@link #refundedByLine} sums
   * them (per line and currency, then merged). {@code refunded} is null for {@link
   * #ORDER_WITH_LINES}, which has no refund columns.
   */
  private OrderRows read(Connection c, String query, OrderId orderId, Map<Integer, Money> refunded)
      throws SQLException {
    OrderRows rows = new OrderRows(orderId, refunded);
    Jdbc.forEachRow(c, query, ps -> ps.setString(1, orderId.value()), rows::add);
    return rows;
  }

  /** The rows of one order, one per line (and refund), gathered into the order. */
  private final class OrderRows {
    private final OrderId orderId;
    private final Map<Integer, Money> refunded;
    private Header header;
    private final List<OrderLine> lines = new ArrayList<>();
    private final Map<Integer, Map<String, BigDecimal>> sums = new TreeMap<>();

    OrderRows(OrderId orderId, Map<Integer, Money> refunded) {
      this.orderId = orderId;
      this.refunded = refunded;
    }

    void add(ResultSet rs) throws SQLException {
      if (header == null) {
        header = header(rs);
      }
      int number = rs.getInt("line_number");
      if (rs.wasNull()) {
        return; // an order without lines
      }
      if (lines.isEmpty() || lines.get(lines.size() - 1).lineNumber() != number) {
        lines.add(
            new OrderLine(
                number,
                ProductId.of(rs.getString("product_id")),
                Optional.ofNullable(rs.getString("product_group_id")).map(ProductGroupId::of),
                Sql.getMoney(rs, "net_amount", "currency_code"),
                Optional.ofNullable(rs.getString("description"))));
      }
      if (refunded != null) {
        BigDecimal amount = rs.getBigDecimal("refund_amount");
        if (amount != null) {
          sums.computeIfAbsent(number, n -> new TreeMap<>())
              .merge(rs.getString("refund_currency"), amount, BigDecimal::add);
        }
      }
    }

    Optional<RecordedOrder> recorded() {
      if (header == null) {
        return Optional.empty();
      }
      if (refunded != null) {
        sums.forEach(
            (number, byCurrency) ->
                byCurrency.forEach(
                    (currency, amount) ->
                        refunded.merge(
                            number,
                            Money.of(amount, Currency.getInstance(currency.trim())),
                            Money::plus)));
      }
      return Optional.of(
          new RecordedOrder(
              new Order(orderId, header.customer(), header.placedAt(), lines),
              header.partner(),
              header.notEarning(),
              header.sourceEvent(),
              header.recordedAt()));
    }
  }

  /** The columns of {@code pp_order}, read from the first row. */
  private record Header(
      CustomerAccountId customer,
      Instant placedAt,
      Optional<PartnerId> partner,
      Optional<RecordedOrder.NotEarningReason> notEarning,
      EventId sourceEvent,
      Instant recordedAt) {}

  private Header header(ResultSet rs) throws SQLException {
    return new Header(
        CustomerAccountId.of(rs.getString("customer_account_id")),
        sql.getRequiredInstant(rs, "placed_at"),
        Optional.ofNullable(rs.getString("partner_id")).map(PartnerId::of),
        Optional.ofNullable(rs.getString("not_earning_reason"))
            .map(RecordedOrder.NotEarningReason::valueOf),
        EventId.of(rs.getString("source_event_id")),
        sql.getRequiredInstant(rs, "recorded_at"));
  }

  @Override
  public long countByCustomer(CustomerAccountId customer) {
    return sql.run(
        "counting the orders of customer " + customer,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT COUNT(*) FROM pp_order WHERE customer_account_id = ?",
                ps -> ps.setString(1, customer.value()),
                rs -> rs.getLong(1)));
  }

  @Override
  public boolean markPaid(OrderId orderId, Instant paidAt) {
    return sql.run(
        "marking order " + orderId + " paid",
        // A row lock on the order: a concurrent payment waits, then sees paid_at set.
        c ->
            Jdbc.update(
                    c,
                    "UPDATE pp_order SET paid_at = ? WHERE order_id = ? AND paid_at IS NULL",
                    ps -> {
                      sql.setInstant(ps, 1, "paidAt", paidAt);
                      ps.setString(2, orderId.value());
                    })
                == 1);
  }

  @Override
  public Optional<Instant> paidAt(OrderId orderId) {
    return sql.run(
        "reading the payment of order " + orderId,
        c ->
            Jdbc.queryFirst(
                    c,
                    "SELECT paid_at FROM pp_order WHERE order_id = ?",
                    ps -> ps.setString(1, orderId.value()),
                    rs -> sql.getInstant(rs, "paid_at"))
                .flatMap(paid -> paid));
  }

  @Override
  public void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net) {
    sql.run(
        "recording a refund on line " + lineNumber + " of order " + orderId,
        c ->
            Jdbc.update(
                c,
                "INSERT INTO pp_refund (order_id, line_number, event_id, net_amount,"
                    + " currency_code) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                  ps.setString(1, orderId.value());
                  ps.setInt(2, lineNumber);
                  ps.setString(3, eventId.value());
                  Sql.setMoney(ps, 4, 5, net);
                }));
  }

  @Override
  public Map<Integer, Money> refundedByLine(OrderId orderId) {
    return sql.run(
        "reading the refunds of order " + orderId,
        c -> {
          Map<Integer, Money> refunded = new TreeMap<>();
          Jdbc.forEach(
              c,
              "SELECT line_number, currency_code, SUM(net_amount) AS net_amount"
                  + " FROM pp_refund WHERE order_id = ?"
                  + " GROUP BY line_number, currency_code ORDER BY line_number",
              ps -> ps.setString(1, orderId.value()),
              0,
              rs ->
                  Map.entry(
                      rs.getInt("line_number"), Sql.getMoney(rs, "net_amount", "currency_code")),
              e -> refunded.merge(e.getKey(), e.getValue(), Money::plus));
          return refunded;
        });
  }

  @Override
  public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
    return sql.run(
        "replacing a customer's account id in their orders",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_order SET customer_account_id = ? WHERE customer_account_id = ?",
                ps -> {
                  ps.setString(1, replacement.value());
                  ps.setString(2, customer.value());
                }));
  }
}
