package org.partnerprogram.examples.portal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;

/**
 * The host's own tiny billing model: a catalogue, customer accounts and invoices. It stands in for
 * the hosting company's real systems. Accounts and invoices live in the portal's database, in the
 * {@code portal_} tables beside the SDK's, and every method works on the connection of the caller's
 * transaction, so that the portal can commit an invoice together with the programme's record of it.
 */
final class HostShop {
  /** Something the host sells; {@code group} is how the rate card addresses it (may be null). */
  record Product(String id, String group, String name, Money price) {}

  /** A customer account of the host (the id is what the SDK knows; the name never goes there). */
  record Customer(String id, String name, String email) {}

  /** One line of an invoice: a product at the price it had when it was ordered. */
  record InvoiceLine(int number, String productId, String name, Money net) {}

  /** An invoice: what was ordered, and when it was paid (empty while it is open). */
  record Invoice(
      String id,
      String customerId,
      Instant placedAt,
      List<InvoiceLine> lines,
      Optional<Instant> paidAt) {
    boolean paid() {
      return paidAt.isPresent();
    }

    Money total() {
      Money sum = Money.zero(lines.get(0).net().currency());
      for (InvoiceLine line : lines) {
        sum = sum.plus(line.net());
      }
      return sum;
    }
  }

  /** The catalogue: shared hosting, a VPS and an SSL certificate participate; domains do not. */
  static final List<Product> CATALOGUE =
      List.of(
          new Product(
              "shared-hosting-basic",
              "shared-hosting",
              "Webhosting Basic, 12 months",
              Money.of("59.40", "EUR")),
          new Product("vps-m", "vps", "VPS M, 1 month", Money.of("18.00", "EUR")),
          new Product("ssl-certificate", null, "SSL certificate, 1 year", Money.of("49.00", "EUR")),
          new Product("domain-nl", "domain", ".nl domain name, 1 year", Money.of("8.95", "EUR")));

  /** The host's rate card as it gives it to the SDK (the SDK prices every order line with it). */
  static final Map<RateTarget, Rate> RATE_CARD =
      Map.of(
          RateTarget.group("shared-hosting"), Rate.percent("25"),
          RateTarget.group("vps"), Rate.percent("12.5"),
          RateTarget.product("ssl-certificate"), Rate.percent("10"));

  /**
   * The labels of the card's products and groups, shown on the public rate card (plain text: the
   * page escapes it).
   */
  static final Map<RateTarget, String> RATE_LABELS =
      Map.of(
          RateTarget.group("shared-hosting"), "Shared hosting",
          RateTarget.group("vps"), "Virtual servers",
          RateTarget.product("ssl-certificate"), "SSL & security");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String INVOICE_PREFIX = "INV-";
  private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE of a duplicate key

  private HostShop() {}

  /**
   * Opens a customer account, or returns empty if the e-mail address is taken.
   *
   * @param c the connection of the current transaction
   * @param name the name as typed (stored as it is; escaped wherever it is shown)
   * @param email the e-mail address, the sign-in name of this demo
   */
  static Optional<Customer> signUp(Connection c, String name, String email) throws SQLException {
    if (byEmail(c, email).isPresent()) {
      return Optional.empty();
    }
    Customer customer = new Customer("cust-" + randomHex(8), name, email);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO portal_customer (id, name, email, email_key) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, customer.id());
      insert.setString(2, name);
      insert.setString(3, email);
      insert.setString(4, email.toLowerCase(Locale.ROOT));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return Optional.empty(); // signed up at the same moment in another tab
      }
      throw e;
    }
    return Optional.of(customer);
  }

  static Optional<Customer> byEmail(Connection c, String email) throws SQLException {
    return oneCustomer(
        c,
        "SELECT id, name, email FROM portal_customer WHERE email_key = ?",
        email.toLowerCase(Locale.ROOT));
  }

  static Optional<Customer> customer(Connection c, String id) throws SQLException {
    return oneCustomer(c, "SELECT id, name, email FROM portal_customer WHERE id = ?", id);
  }

  private static Optional<Customer> oneCustomer(Connection c, String sql, String key)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Customer(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * The next invoice id, such as {@code INV-1001}. A number taken by an order that is rolled back
   * is not used again.
   */
  static String nextInvoiceId(Connection c) throws SQLException {
    try (PreparedStatement next =
            c.prepareStatement("SELECT NEXT VALUE FOR portal_invoice_number");
        ResultSet rs = next.executeQuery()) {
      rs.next();
      return INVOICE_PREFIX + rs.getLong(1);
    }
  }

  /** Stores a new, open invoice with its lines. */
  static void place(Connection c, Invoice invoice) throws SQLException {
    long number = number(invoice.id()).orElseThrow();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO portal_invoice (invoice_number, customer_id, placed_at) VALUES (?, ?, ?)")) {
      insert.setLong(1, number);
      insert.setString(2, invoice.customerId());
      insert.setObject(3, invoice.placedAt().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO portal_invoice_line"
                + " (invoice_number, line_number, product_id, net_amount, currency)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (InvoiceLine line : invoice.lines()) {
        insert.setLong(1, number);
        insert.setInt(2, line.number());
        insert.setString(3, line.productId());
        insert.setBigDecimal(4, line.net().amount());
        insert.setString(5, line.net().currency().getCurrencyCode());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Marks an open invoice of this customer paid (the "payment provider" of the demo always
   * succeeds). Two payments of one invoice at once: the second waits for the first's row lock and
   * then finds it paid.
   *
   * @return true if it was open and is now paid; false if it is not this customer's or was paid
   */
  static boolean markPaid(Connection c, String customerId, String invoiceId, Instant at)
      throws SQLException {
    Optional<Long> number = number(invoiceId);
    if (number.isEmpty()) {
      return false;
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE portal_invoice SET paid_at = ?"
                + " WHERE invoice_number = ? AND customer_id = ? AND paid_at IS NULL")) {
      update.setObject(1, at.atOffset(ZoneOffset.UTC));
      update.setLong(2, number.get());
      update.setString(3, customerId);
      return update.executeUpdate() == 1;
    }
  }

  /** The customer's invoices, newest first. */
  static List<Invoice> invoicesOf(Connection c, String customerId) throws SQLException {
    Map<Long, Invoice> invoices = new LinkedHashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT i.invoice_number, i.placed_at, i.paid_at, l.line_number, l.product_id,"
                + " l.net_amount, l.currency"
                + " FROM portal_invoice i JOIN portal_invoice_line l"
                + " ON l.invoice_number = i.invoice_number"
                + " WHERE i.customer_id = ? ORDER BY i.invoice_number DESC, l.line_number")) {
      select.setString(1, customerId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long number = rs.getLong(1);
          Invoice invoice = invoices.get(number);
          if (invoice == null) {
            OffsetDateTime paidAt = rs.getObject(3, OffsetDateTime.class);
            invoice =
                new Invoice(
                    INVOICE_PREFIX + number,
                    customerId,
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    new ArrayList<>(),
                    Optional.ofNullable(paidAt).map(OffsetDateTime::toInstant));
            invoices.put(number, invoice);
          }
          invoice
              .lines()
              .add(line(rs.getInt(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7)));
        }
      }
    }
    List<Invoice> result = new ArrayList<>();
    for (Invoice i : invoices.values()) {
      result.add(
          new Invoice(i.id(), i.customerId(), i.placedAt(), List.copyOf(i.lines()), i.paidAt()));
    }
    return result;
  }

  /**
   * The product names of invoice lines, for the partner page (which shows what was ordered, never
   * who ordered it).
   *
   * @return per invoice id, the name of each line by its number; invoices not found are left out
   */
  static Map<String, Map<Integer, String>> productNames(Connection c, Collection<String> invoiceIds)
      throws SQLException {
    Map<String, Map<Integer, String>> names = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT line_number, product_id FROM portal_invoice_line WHERE invoice_number = ?")) {
      for (String id : invoiceIds) {
        Optional<Long> number = number(id);
        if (number.isEmpty() || names.containsKey(id)) {
          continue;
        }
        select.setLong(1, number.get());
        try (ResultSet rs = select.executeQuery()) {
          Map<Integer, String> lines = new HashMap<>();
          while (rs.next()) {
            lines.put(
                rs.getInt(1), product(rs.getString(2)).map(Product::name).orElse(rs.getString(2)));
          }
          names.put(id, lines);
        }
      }
    }
    return names;
  }

  private static InvoiceLine line(int number, String productId, BigDecimal net, String currency) {
    String name = product(productId).map(Product::name).orElse(productId);
    return new InvoiceLine(number, productId, name, Money.of(net, Currency.getInstance(currency)));
  }

  private static Optional<Long> number(String invoiceId) {
    if (invoiceId == null || !invoiceId.matches(INVOICE_PREFIX + "[1-9][0-9]{0,17}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(invoiceId.substring(INVOICE_PREFIX.length())));
  }

  static Optional<Product> product(String id) {
    return CATALOGUE.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Product names by the rate-card target that covers them, for the partner page. */
  static Map<RateTarget, List<String>> productsByTarget() {
    Map<RateTarget, List<String>> names = new LinkedHashMap<>();
    for (Product p : CATALOGUE) {
      names.computeIfAbsent(RateTarget.product(p.id()), t -> new ArrayList<>()).add(p.name());
      if (p.group() != null) {
        names.computeIfAbsent(RateTarget.group(p.group()), t -> new ArrayList<>()).add(p.name());
      }
    }
    return names;
  }

  /** Random hex from a {@link SecureRandom}: ids nobody can guess or count through. */
  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
