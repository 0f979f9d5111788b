package org.partnerprogram.examples.portal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;

/**
 * The host's own tiny billing model: a catalogue, customer accounts and invoices. It stands in for
 * the hosting company's real systems and lives in memory; only the partner programme's data goes to
 * the database. The portal reports orders and payments from here to the SDK.
 */
final class HostShop {
  /** Something the host sells; {@code group} is how the rate card addresses it (may be null). */
  record Product(String id, String group, String name, Money price) {}

  /** A customer account of the host (the id is what the SDK knows; the name never goes there). */
  record Customer(String id, String name, String email) {}

  /** An invoice: what was ordered, and whether it was paid. */
  record Invoice(
      String id, String customerId, Instant placedAt, List<Product> lines, boolean paid) {
    Money total() {
      Money sum = Money.zero(lines.get(0).price().currency());
      for (Product p : lines) {
        sum = sum.plus(p.price());
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

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Customer> customers = new ConcurrentHashMap<>();
  private final Map<String, Customer> byEmail = new ConcurrentHashMap<>();
  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>();
  private final AtomicInteger invoiceNumbers = new AtomicInteger(1000);

  /**
   * Opens a customer account, or returns empty if the e-mail address is taken.
   *
   * @param name the name as typed (stored as it is; escaped wherever it is shown)
   * @param email the e-mail address, the sign-in name of this demo
   */
  Optional<Customer> signUp(String name, String email) {
    String id = "cust-" + randomHex(8);
    Customer customer = new Customer(id, name, email);
    if (byEmail.putIfAbsent(email.toLowerCase(java.util.Locale.ROOT), customer) != null) {
      return Optional.empty();
    }
    customers.put(id, customer);
    return Optional.of(customer);
  }

  Optional<Customer> byEmail(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase(java.util.Locale.ROOT)));
  }

  Optional<Customer> customer(String id) {
    return Optional.ofNullable(customers.get(id));
  }

  /** Places an invoice for the given catalogue product ids (unknown ids are ignored). */
  Optional<Invoice> order(String customerId, List<String> productIds, Instant at) {
    List<Product> lines = new ArrayList<>();
    for (String productId : productIds) {
      product(productId).ifPresent(lines::add);
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Invoice invoice =
        new Invoice("INV-" + invoiceNumbers.incrementAndGet(), customerId, at, lines, false);
    invoices.put(invoice.id(), invoice);
    return Optional.of(invoice);
  }

  /**
   * Marks an invoice of this customer paid (the "payment provider" of the demo always succeeds).
   *
   * @return the paid invoice, or empty if it is not this customer's or was paid already
   */
  Optional<Invoice> pay(String customerId, String invoiceId) {
    Invoice invoice = invoices.get(invoiceId);
    if (invoice == null || !invoice.customerId().equals(customerId) || invoice.paid()) {
      return Optional.empty();
    }
    Invoice paid =
        new Invoice(invoice.id(), invoice.customerId(), invoice.placedAt(), invoice.lines(), true);
    return invoices.replace(invoiceId, invoice, paid) ? Optional.of(paid) : Optional.empty();
  }

  /** The customer's invoices, newest first. */
  List<Invoice> invoicesOf(String customerId) {
    return invoices.values().stream()
        .filter(i -> i.customerId().equals(customerId))
        .sorted(Comparator.comparing(Invoice::id).reversed())
        .toList();
  }

  /**
   * The product names of invoice lines, for the partner page (which shows what was ordered, never
   * who ordered it).
   *
   * @return per invoice id, the name of each line by its number; invoices not found are left out
   */
  Map<String, Map<Integer, String>> productNames(Collection<String> invoiceIds) {
    Map<String, Map<Integer, String>> names = new HashMap<>();
    for (String id : invoiceIds) {
      Invoice invoice = invoices.get(id);
      if (invoice != null) {
        Map<Integer, String> lines = new HashMap<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
          lines.put(i + 1, invoice.lines().get(i).name()); // line numbers as reported
        }
        names.put(id, lines);
      }
    }
    return names;
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
