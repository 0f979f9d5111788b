package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.Html.escape;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.examples.portal.HostPortal.Session;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.HostShop.Invoice;
import org.partnerprogram.examples.portal.HostShop.Product;

/**
 * The portal's HTML, written by hand: plain forms, no framework, one small script for the copy
 * buttons. Each dynamic value passes through {@link Html#escape}, including values from the SDK and
 * the catalogue. Element ids are stable and unique on each page, so that the browser test (and your
 * own) can find them.
 */
final class Pages {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

  private final ZoneId zone;
  private final Clock clock;

  Pages(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  String shop(Session session, Optional<Customer> customer, List<Invoice> invoices) {
    StringBuilder b = new StringBuilder();
    if (customer.isEmpty()) {
      b.append("<h2>New here? Sign up</h2>")
          .append("<form method=\"post\" action=\"/signup\" id=\"signup\">")
          .append(csrf(session))
          .append("<label>Name <input name=\"name\" id=\"signup-name\" required maxlength=\"100\">")
          .append("</label><label>E-mail <input name=\"email\" id=\"signup-email\" type=\"email\"")
          .append(" required></label><button type=\"submit\">Sign up</button></form>")
          .append("<h2>Sign in</h2><p>(A demo: no password.)</p>")
          .append("<form method=\"post\" action=\"/signin\" id=\"signin\">")
          .append(csrf(session))
          .append("<label>E-mail <input name=\"email\" id=\"signin-email\" type=\"email\"")
          .append(" required></label><button type=\"submit\">Sign in</button></form>");
      return layout("Example Hosting", session, Optional.empty(), b);
    }
    b.append("<h2>Order</h2><form method=\"post\" action=\"/order\" id=\"order\">")
        .append(csrf(session));
    for (Product p : HostShop.CATALOGUE) {
      b.append("<label><input type=\"checkbox\" name=\"product\" value=\"")
          .append(escape(p.id()))
          .append("\" id=\"product-")
          .append(escape(p.id()))
          .append("\"> ")
          .append(escape(p.name()))
          .append(", ")
          .append(escape(p.price()))
          .append(" excl. VAT</label>");
    }
    b.append("<button type=\"submit\">Order</button></form>");
    b.append("<h2>Your invoices</h2>");
    if (invoices.isEmpty()) {
      b.append("<p>None yet.</p>");
    } else {
      b.append("<table id=\"invoices\"><tr><th>Invoice</th><th>Placed</th><th>Products</th>")
          .append("<th>Total</th><th>Status</th></tr>");
      for (Invoice invoice : invoices) {
        b.append("<tr><td>")
            .append(escape(invoice.id()))
            .append("</td><td>")
            .append(escape(dateTime(invoice.placedAt())))
            .append("</td><td>");
        List<String> names = new ArrayList<>();
        invoice.lines().forEach(p -> names.add(p.name()));
        b.append(escape(String.join("; ", names)))
            .append("</td><td class=\"amount\">")
            .append(escape(invoice.total()))
            .append("</td><td>");
        if (invoice.paid()) {
          b.append("Paid");
        } else {
          b.append("<form class=\"inline\" method=\"post\" action=\"/pay\">")
              .append(csrf(session))
              .append("<input type=\"hidden\" name=\"invoice\" value=\"")
              .append(escape(invoice.id()))
              .append("\"><button type=\"submit\" id=\"pay-")
              .append(escape(invoice.id()))
              .append("\">Pay now</button></form>");
        }
        b.append("</td></tr>");
      }
      b.append("</table>");
    }
    return layout("Example Hosting", session, customer, b);
  }

  String partner(Session session, Optional<Customer> customer, Optional<PartnerOverview> page) {
    StringBuilder b = new StringBuilder();
    if (customer.isEmpty()) {
      b.append("<p>The partner programme is for customers: <a href=\"/\">sign in</a> first.</p>");
      return layout("Partner programme", session, customer, b);
    }
    if (page.isEmpty()) {
      // The seed: sign up without obligation and see the kickback rates straight away.
      b.append("<p>Recommend us to friends and acquaintances: when they become customers through")
          .append(" your link and order, you earn a percentage of what they pay. Joining commits")
          .append(" you to nothing; we pay out once a month to your bank account.</p>");
      List<ProductRate> card = new ArrayList<>();
      HostShop.RATE_CARD.forEach((t, r) -> card.add(new ProductRate(t, r, 1, Optional.empty())));
      rates(b, card);
      b.append("<h2>Join</h2><form method=\"post\" action=\"/partner/enrol\" id=\"enrol\">")
          .append(csrf(session))
          .append("<label>IBAN for your payouts <input name=\"iban\" id=\"iban\" required></label>")
          .append("<label>Account holder <input name=\"holder\" id=\"holder\" required value=\"")
          .append(escape(customer.get().name()))
          .append("\"></label><button type=\"submit\" id=\"enrol-button\">Enrol</button></form>");
      return layout("Partner programme", session, customer, b);
    }
    PartnerOverview o = page.get();
    b.append("<p>Status: <strong id=\"status\">")
        .append(escape(o.status()))
        .append("</strong></p>");
    links(b, o);
    String it = o.links().size() == 1 ? "it" : "them";
    b.append("<p>Clicks on your ")
        .append(o.links().size() == 1 ? "link" : "links")
        .append(": <span id=\"clicks\">")
        .append(o.referrals().clicks())
        .append("</span>; customers who signed up through ")
        .append(it)
        .append(": <span id=\"signups\">")
        .append(o.referrals().signupsAttributed())
        .append("</span></p>");
    if (o.status() != PartnerStatus.TERMINATED) {
      b.append("<form method=\"post\" action=\"/partner/code\" id=\"add-code\">")
          .append(csrf(session))
          .append("<label>A link with a code of your own (4 to 32 letters, digits and hyphens)")
          .append(" <input name=\"code\" id=\"code\" required minlength=\"4\" maxlength=\"32\">")
          .append("</label><button type=\"submit\" id=\"add-code-button\">Add this link</button>")
          .append("</form>");
    }
    rates(b, o.rates());
    Balance balance = o.balance();
    b.append("<h2>Your earnings</h2><table id=\"earnings\">");
    row(b, "pending", "Pending (ordered, not yet paid by the customer)", balance.pending());
    row(b, "held", "Earned, in the holding period", balance.held());
    row(b, "payable", "Payable with the next payout", balance.payable());
    row(b, "paid", "Paid out", balance.paid());
    b.append("</table><p>Next payout: ")
        .append(escape(o.nextPayoutDate()))
        .append(", to ")
        .append(escape(o.payoutIbanMasked().orElse("(no account on file)")))
        .append(".</p>");
    b.append("<h2>Recent commission</h2>");
    if (o.recentEntries().isEmpty()) {
      b.append("<p>Nothing yet.</p>");
    } else {
      b.append("<table id=\"commission\"><tr><th>Date</th><th>Order</th><th>Line</th>")
          .append("<th>What</th><th>Amount</th></tr>");
      for (LedgerEntry e : o.recentEntries()) {
        b.append("<tr><td>")
            .append(escape(dateTime(e.occurredAt())))
            .append("</td><td>")
            .append(escape(e.orderId().value()))
            .append("</td><td>")
            .append(e.lineNumber())
            .append("</td><td>")
            .append(escape(e.kind()))
            .append("</td><td class=\"amount\">")
            .append(escape(e.amount()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<h2>Last payouts</h2>");
    if (o.recentPayouts().isEmpty()) {
      b.append("<p>No payouts yet.</p>");
    } else {
      b.append("<table id=\"payouts\"><tr><th>Month</th><th>Amount</th><th>Status</th>")
          .append("<th>Account</th><th>Reference</th></tr>");
      for (PartnerOverview.PayoutSummary p : o.recentPayouts()) {
        b.append("<tr><td>")
            .append(escape(p.month()))
            .append("</td><td class=\"amount\">")
            .append(escape(p.amount()))
            .append("</td><td>")
            .append(escape(p.status()))
            .append("</td><td>")
            .append(escape(p.ibanMasked()))
            .append("</td><td>")
            .append(escape(p.payoutId().value()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    return layout("Partner programme", session, customer, b);
  }

  /** Each live link with its own copy button and feedback; ids numbered, never repeated. */
  private static void links(StringBuilder b, PartnerOverview o) {
    List<PartnerOverview.ReferralLink> links = o.links();
    b.append(links.size() == 1 ? "<h2>Your referral link</h2>" : "<h2>Your referral links</h2>");
    if (links.isEmpty()) {
      b.append("<p>You have no referral link at the moment.</p>");
    } else {
      b.append("<p>Share ")
          .append(links.size() == 1 ? "it" : "any of them")
          .append("; whoever follows it and becomes a customer earns you the rates below once")
          .append(" they have paid.</p>");
    }
    int n = 0;
    for (PartnerOverview.ReferralLink link : links) {
      n++;
      // The URL comes from the host's template (checked to be http or https), escaped all the same.
      b.append("<p class=\"referral-link\"><input class=\"referral-url\" id=\"referral-url-")
          .append(n)
          .append("\" readonly aria-label=\"Referral link ")
          .append(n)
          .append("\" value=\"")
          .append(escape(link.url()))
          .append("\"> <button type=\"button\" class=\"copy\" id=\"copy-")
          .append(n)
          .append("\" data-copy=\"referral-url-")
          .append(n)
          .append("\" data-feedback=\"copy-feedback-")
          .append(n)
          .append("\">Copy</button><span class=\"copy-feedback\" id=\"copy-feedback-")
          .append(n)
          .append("\" role=\"status\" aria-live=\"polite\"></span></p>");
    }
  }

  String admin(Session session, boolean demoClock) {
    Instant now = clock.instant();
    YearMonth previous = YearMonth.from(now.atZone(zone)).minusMonths(1);
    StringBuilder b = new StringBuilder();
    b.append("<p>A demo: a real host keeps this page behind its staff login.</p>")
        .append("<p>Programme time: <span id=\"now\">")
        .append(escape(dateTime(now)))
        .append("</span> (")
        .append(escape(zone))
        .append(")</p>");
    if (demoClock) {
      b.append("<form method=\"post\" action=\"/admin/next-month\">")
          .append(csrf(session))
          .append("<button type=\"submit\" id=\"next-month\">Move the clock to ")
          .append(escape(dateTime(firstOfNextMonth())))
          .append("</button></form>");
    }
    b.append("<form method=\"post\" action=\"/admin/close-month\">")
        .append(csrf(session))
        .append("<button type=\"submit\" id=\"close-month\">Close ")
        .append(escape(previous))
        .append(" and create the payouts</button></form>");
    return layout("Admin", session, Optional.empty(), b);
  }

  String error(String message) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title>"
        + "</head><body><p id=\"error\">"
        + escape(message)
        + "</p><p><a href=\"/\">Back to the shop</a></p></body></html>";
  }

  /** The first day of the next month, 09:00 in the programme's zone. */
  Instant firstOfNextMonth() {
    return YearMonth.from(clock.instant().atZone(zone))
        .plusMonths(1)
        .atDay(1)
        .atTime(9, 0)
        .atZone(zone)
        .toInstant();
  }

  String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(zone));
  }

  /** The participating products with their rates, and which products do not participate. */
  private static void rates(StringBuilder b, List<ProductRate> rates) {
    Map<RateTarget, List<String>> products = HostShop.productsByTarget();
    Map<String, Rate> byProduct = new TreeMap<>();
    for (ProductRate r : rates) {
      products.getOrDefault(r.target(), List.of()).forEach(name -> byProduct.put(name, r.rate()));
    }
    b.append("<h2>Kickback rates</h2><table id=\"rates\"><tr><th>Product</th><th>Rate</th></tr>");
    byProduct.forEach(
        (name, rate) ->
            b.append("<tr><td>")
                .append(escape(name))
                .append("</td><td class=\"amount\">")
                .append(escape(rate))
                .append("</td></tr>"));
    b.append("</table>");
    Set<String> participating = byProduct.keySet();
    List<String> others = new ArrayList<>();
    HostShop.CATALOGUE.stream()
        .map(Product::name)
        .filter(n -> !participating.contains(n))
        .forEach(others::add);
    if (!others.isEmpty()) {
      b.append("<p>Not participating: ").append(escape(String.join(", ", others))).append(".</p>");
    }
  }

  private static void row(StringBuilder b, String id, String label, Money amount) {
    b.append("<tr><th>")
        .append(escape(label))
        .append("</th><td class=\"amount\" id=\"")
        .append(id)
        .append("\">")
        .append(escape(amount))
        .append("</td></tr>");
  }

  private static String csrf(Session session) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(session.csrfToken) + "\">";
  }

  /** The frame of every page: navigation, who is signed in, the one-time message, the content. */
  private static String layout(
      String title, Session session, Optional<Customer> customer, StringBuilder content) {
    StringBuilder b = new StringBuilder(content.length() + 1024);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title><link rel=\"stylesheet\" href=\"/portal.css\">")
        .append("<script src=\"/portal.js\" defer></script></head><body><header><nav>")
        .append(
            "<a href=\"/\">Shop</a><a href=\"/partner\" id=\"nav-partner\">Partner programme</a>")
        .append("<a href=\"/admin\">Admin</a></nav>");
    if (customer.isPresent()) {
      b.append("<span>Signed in as <span id=\"who\">")
          .append(escape(customer.get().name()))
          .append("</span> <form class=\"inline\" method=\"post\" action=\"/signout\">")
          .append(csrf(session))
          .append("<button type=\"submit\" id=\"signout\">Sign out</button></form></span>");
    }
    b.append("</header>");
    String flash = session.flash;
    session.flash = null; // shown once
    if (flash != null) {
      b.append("<p class=\"flash\" id=\"flash\" role=\"status\">")
          .append(escape(flash))
          .append("</p>");
    }
    b.append("<main><h1>").append(escape(title)).append("</h1>").append(content);
    return b.append("</main></body></html>").toString();
  }
}
