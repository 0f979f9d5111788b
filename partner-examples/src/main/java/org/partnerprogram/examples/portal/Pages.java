package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.Html.escape;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.HostShop.Invoice;
import org.partnerprogram.examples.portal.HostShop.Product;

/**
 * The portal's HTML, written by hand: plain forms, no framework, one small script for the copy
 * buttons. Each dynamic value passes through {@link Html#escape}, including values from the SDK and
 * the catalogue. Element ids are stable and unique on each page, so that the browser test (and your
 * own) can find them; the SDK's enum names never reach a page, only words a partner understands.
 */
final class Pages {
  // The pages are in English whatever the server's locale (month names come from the locale).
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;
  private final Clock clock;
  private final Duration referralCookieAge;

  /**
   * What every page needs: the form token, who is signed in, a message to show once, the page's
   * path, the referral the page carries without a cookie (if it does), and whether the browser has
   * the referral cookie (then every page offers to remove it).
   */
  record View(
      String csrfToken,
      Optional<Customer> customer,
      String flash,
      String path,
      Optional<Landing> landing,
      boolean referralCookie) {}

  /**
   * A referral carried in the page's address instead of a cookie.
   *
   * @param token the landing token, checked to be one the portal signed
   * @param askConsent whether to ask for the referral cookie (the browser has not answered yet)
   */
  record Landing(String token, boolean askConsent) {}

  /**
   * The pages.
   *
   * @param zone the programme's time zone, for dates
   * @param clock the programme's clock
   * @param referralCookieAge how long the referral cookie lives, told in the consent question
   */
  Pages(ZoneId zone, Clock clock, Duration referralCookieAge) {
    this.zone = zone;
    this.clock = clock;
    this.referralCookieAge = referralCookieAge;
  }

  String shop(View view, List<Invoice> invoices) {
    StringBuilder b = new StringBuilder();
    if (view.customer().isEmpty()) {
      b.append("<h2>New here? Sign up</h2>")
          .append("<form method=\"post\" action=\"/signup\" id=\"signup\">")
          .append(csrf(view))
          .append(landing(view))
          .append("<label>Name <input name=\"name\" id=\"signup-name\" required maxlength=\"100\">")
          .append("</label><label>E-mail <input name=\"email\" id=\"signup-email\" type=\"email\"")
          .append(" required></label>")
          .append("<label>Referral code, if a partner gave you one (optional)")
          .append(" <input name=\"code\" id=\"signup-code\" maxlength=\"32\" autocomplete=\"off\"")
          .append(" spellcheck=\"false\"></label><button type=\"submit\">Sign up</button></form>")
          .append("<h2>Sign in</h2><p>(A demo: no password.)</p>")
          .append("<form method=\"post\" action=\"/signin\" id=\"signin\">")
          .append(csrf(view))
          .append("<label>E-mail <input name=\"email\" id=\"signin-email\" type=\"email\"")
          .append(" required></label><button type=\"submit\">Sign in</button></form>");
      return layout("Example Hosting", view, b);
    }
    b.append("<h2>Order</h2><form method=\"post\" action=\"/order\" id=\"order\">")
        .append(csrf(view));
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
          .append("<th>Total excl. VAT</th><th>Status</th></tr>");
      for (Invoice invoice : invoices) {
        b.append("<tr><td>")
            .append(escape(invoice.id()))
            .append("</td><td>")
            .append(escape(dateTime(invoice.placedAt())))
            .append("</td><td>");
        List<String> names = new ArrayList<>();
        invoice.lines().forEach(line -> names.add(line.name()));
        b.append(escape(String.join("; ", names)))
            .append("</td><td class=\"amount\">")
            .append(escape(invoice.total()))
            .append("</td><td>");
        if (invoice.paid()) {
          b.append("Paid");
        } else {
          b.append("<form class=\"inline\" method=\"post\" action=\"/pay\">")
              .append(csrf(view))
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
    return layout("Example Hosting", view, b);
  }

  /**
   * The partner page.
   *
   * @param card the programme's public rate card (shown before enrolling), or empty if none
   * @param products per order id, the product name of each line number (from the host's invoices)
   */
  String partner(
      View view,
      Optional<PartnerOverview> page,
      Optional<RateCard> card,
      Map<String, Map<Integer, String>> products) {
    StringBuilder b = new StringBuilder();
    if (view.customer().isEmpty()) {
      b.append("<p>The partner programme is for customers: <a href=\"")
          .append(href(view, "/"))
          .append("\">sign in</a> first.</p>");
      return layout("Partner programme", view, b);
    }
    if (page.isEmpty()) {
      // The seed: sign up without obligation and see the kickback rates straight away.
      b.append("<p>Recommend us to friends and acquaintances: when they become customers through")
          .append(" your link and order, you earn a percentage of what they pay. Joining commits")
          .append(" you to nothing; we pay out once a month to your bank account.</p>");
      // The card in force now, from the programme: what the host set with its last rate change.
      List<ProductRate> rates = new ArrayList<>();
      Map<RateTarget, String> labels = new TreeMap<>();
      card.ifPresent(
          c ->
              c.entries()
                  .forEach(
                      e -> {
                        rates.add(
                            new ProductRate(e.target(), e.rate(), c.version(), Optional.empty()));
                        e.label().ifPresent(l -> labels.put(e.target(), l));
                      }));
      rates(b, rates, labels);
      b.append("<h2>Join</h2><form method=\"post\" action=\"/partner/enrol\" id=\"enrol\">")
          .append(csrf(view))
          .append("<label>IBAN for your payouts <input name=\"iban\" id=\"iban\" required></label>")
          .append("<label>Account holder <input name=\"holder\" id=\"holder\" required value=\"")
          .append(escape(view.customer().get().name()))
          .append("\"></label><button type=\"submit\" id=\"enrol-button\">Enrol</button></form>");
      return layout("Partner programme", view, b);
    }
    PartnerOverview o = page.get();
    b.append("<p>Status: <strong id=\"status\">")
        .append(escape(status(o.status())))
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
          .append(csrf(view))
          .append("<label>A link with a code of your own (4 to 32 letters, digits and hyphens)")
          .append(" <input name=\"code\" id=\"code\" required minlength=\"4\" maxlength=\"32\">")
          .append("</label><button type=\"submit\" id=\"add-code-button\">Add this link</button>")
          .append("</form>");
    }
    rates(b, o.rates(), Map.of());
    Balance balance = o.balance();
    b.append("<h2>Your earnings</h2><table id=\"earnings\">");
    row(b, "pending", "Pending: ordered, not yet paid by the customer", balance.pending());
    row(b, "held", "Earned, in the holding period", balance.held());
    row(b, "payable", "Payable with the next payout", balance.payable());
    row(b, "in-payout", "In a payout on its way to your bank", balance.inPayout());
    row(b, "paid", "Paid out (the bank paid it)", balance.paid());
    b.append("</table><p>Next payout: from ")
        .append(escape(date(o.nextPayoutDate())))
        .append(", to ")
        .append(escape(o.payoutIbanMasked().orElse("(no account on file)")))
        .append(".</p>");
    commission(b, o.recentEntries(), products);
    b.append("<h2>Last payouts</h2>");
    if (o.recentPayouts().isEmpty()) {
      b.append("<p>No payouts yet.</p>");
    } else {
      b.append("<table id=\"payouts\"><tr><th>Month</th><th>Amount</th><th>Status</th>")
          .append("<th>Account</th><th>Reference</th></tr>");
      for (PartnerOverview.PayoutSummary p : o.recentPayouts()) {
        b.append("<tr><td>")
            .append(escape(month(p.month())))
            .append("</td><td class=\"amount\">")
            .append(escape(p.amount()))
            .append("</td><td>")
            .append(escape(payoutStatus(p.status())))
            .append("</td><td>")
            .append(escape(p.ibanMasked()))
            .append("</td><td>")
            .append(escape(p.payoutId().value()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    return layout("Partner programme", view, b);
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

  /**
   * One row per movement of one order line's commission, with the product and a word for the state.
   * Amounts are signed and split into the two states a movement can change, so that each column
   * adds up: an order adds to pending; payment moves the amount from pending to earned; a refund
   * takes it back from one or the other.
   */
  private void commission(
      StringBuilder b, List<LedgerEntry> entries, Map<String, Map<Integer, String>> products) {
    b.append("<h2>Recent commission</h2>");
    if (entries.isEmpty()) {
      b.append("<p>Nothing yet.</p>");
      return;
    }
    b.append("<p>Each row is a change to the commission on one product of an order: an order")
        .append(" adds it to pending, the customer's payment moves it from pending to earned, and")
        .append(" a refund takes it back.</p>")
        .append("<table id=\"commission\"><tr><th>Date</th><th>Order</th><th>Product</th>")
        .append("<th>State</th><th>Pending</th><th>Earned</th></tr>");
    for (LedgerEntry e : entries) {
      Money amount = e.amount();
      String state =
          switch (e.kind()) {
            case ACCRUED -> "pending";
            case EARNED -> "earned";
            case CANCELLED -> "cancelled (refund)";
            case REVERSED -> "reversed (refund)";
            case CREDITED -> "adjustment (added)";
            case DEBITED -> "adjustment (taken off)";
            case WRITTEN_OFF -> "written off";
          };
      Money pending = // null: no change
          switch (e.kind()) {
            case ACCRUED -> amount;
            case EARNED, CANCELLED -> amount.negated();
            case REVERSED, CREDITED, DEBITED, WRITTEN_OFF -> null;
          };
      Money earned =
          switch (e.kind()) {
            case EARNED -> amount;
            case REVERSED, DEBITED -> amount.negated();
            case CREDITED, WRITTEN_OFF -> amount;
            case ACCRUED, CANCELLED -> null;
          };
      String order = e.orderId().map(o -> o.value()).orElse("-");
      String product =
          e.kind().adjustment()
              ? "-"
              : products
                  .getOrDefault(order, Map.of())
                  .getOrDefault(e.lineNumber(), "(a product no longer sold)");
      b.append("<tr><td>")
          .append(escape(dateTime(e.occurredAt())))
          .append("</td><td>")
          .append(escape(order))
          .append("</td><td>")
          .append(escape(product))
          .append("</td><td>")
          .append(escape(state))
          .append("</td><td class=\"amount\">")
          .append(escape(signed(pending)))
          .append("</td><td class=\"amount\">")
          .append(escape(signed(earned)))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  /**
   * The admin page: the programme's time, the demo clock's button, and the month that can be closed
   * next (the one after the latest closed month, or last month if none was closed, once it has
   * ended).
   *
   * @param lastClosed the latest closed month, or empty if none was closed
   */
  String admin(View view, boolean demoClock, Optional<YearMonth> lastClosed, AdminData data) {
    Instant now = clock.instant();
    YearMonth next =
        lastClosed
            .map(m -> m.plusMonths(1))
            .orElse(YearMonth.from(now.atZone(zone)).minusMonths(1));
    Instant closable = next.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    StringBuilder b = new StringBuilder();
    b.append("<p>A demo: a real host keeps this page behind its staff login.</p>")
        .append("<p>Programme time: <span id=\"now\">")
        .append(escape(dateTime(now)))
        .append("</span> (")
        .append(escape(zone))
        .append(")</p>");
    if (demoClock) {
      b.append("<form method=\"post\" action=\"/admin/next-month\">")
          .append(csrf(view))
          .append("<button type=\"submit\" id=\"next-month\">Move the clock to ")
          .append(escape(dateTime(firstOfNextMonth())))
          .append("</button></form>");
    }
    b.append("<h2>Close a month</h2><p>Closing a month pays each partner, in one payout, what")
        .append(" was payable by the month's end. Months are closed in order, once they have")
        .append(" ended.</p>")
        .append("<p id=\"last-closed\">")
        .append(
            escape(
                lastClosed
                    .map(m -> "Last closed: " + month(m) + ".")
                    .orElse("No month has been closed yet.")))
        .append("</p>");
    if (now.isBefore(closable)) {
      b.append("<p id=\"next-close\">")
          .append(escape(month(next) + " can be closed from " + dateTime(closable) + "."))
          .append("</p>");
    } else {
      b.append("<form method=\"post\" action=\"/admin/close-month\">")
          .append(csrf(view))
          .append("<input type=\"hidden\" name=\"month\" value=\"")
          .append(escape(next))
          .append("\"><button type=\"submit\" id=\"close-month\">Close ")
          .append(escape(month(next)))
          .append(" and create its payouts</button></form>");
    }
    adminData(b, view, data);
    return layout("Admin", view, b);
  }

  /**
   * What the admin page shows of the SDK's reports: the month's funnel, its top partners, the
   * latest page of the audit trail and whether the trail's hash chain is intact.
   */
  record AdminData(
      Funnel funnel,
      List<PartnerAmount> top,
      Page<AuditRecord> audit,
      AuditVerification verification) {}

  private void adminData(StringBuilder b, View view, AdminData d) {
    Funnel f = d.funnel();
    b.append("<h2>Funnel of ")
        .append(escape(month(f.month())))
        .append("</h2><table id=\"funnel\">");
    funnelRow(b, "funnel-clicks", "Clicks on referral links", f.clicks());
    funnelRow(b, "funnel-signups", "Sign-ups attributed to a partner", f.signupsAttributed());
    funnelRow(b, "funnel-paid-customers", "Referred customers who paid", f.customersWhoPaid());
    funnelRow(b, "funnel-earned", "Commission earned", f.earned());
    funnelRow(b, "funnel-cancelled", "Commission cancelled", f.cancelled());
    funnelRow(b, "funnel-reversed", "Commission reversed", f.reversed());
    funnelRow(b, "funnel-paid", "Paid out", f.paid());
    b.append("</table><h2>Top partners of the month</h2>");
    if (d.top().isEmpty()) {
      b.append("<p id=\"top-none\">No partner earned commission this month yet.</p>");
    } else {
      b.append("<table id=\"top\"><tr><th>Partner</th><th>Earned</th></tr>");
      for (PartnerAmount p : d.top()) {
        b.append("<tr><td>")
            .append(escape(p.partnerId().value()))
            .append("</td><td class=\"amount\">")
            .append(escape(p.amount()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<h2>Book an adjustment</h2><p>Signed in customers act as the demo's operator;")
        .append(" the audit trail names them.</p>")
        .append("<form method=\"post\" action=\"/admin/adjust\" id=\"adjust\">")
        .append(csrf(view))
        .append("<label>Partner id or referral code <input name=\"partner\" id=\"adjust-partner\"")
        .append(" required></label><label>Amount, signed (such as -12.50)")
        .append(" <input name=\"amount\" id=\"adjust-amount\" required></label>")
        .append("<label>Reason <input name=\"reason\" id=\"adjust-reason\" required></label>")
        .append("<label>Order it refers to (optional) <input name=\"order\" id=\"adjust-order\">")
        .append("</label><button type=\"submit\" id=\"adjust-button\">Book</button></form>")
        .append("<h2>Write off a balance</h2>")
        .append("<form method=\"post\" action=\"/admin/write-off\" id=\"write-off\">")
        .append(csrf(view))
        .append("<label>Partner id or referral code <input name=\"partner\"")
        .append(" id=\"write-off-partner\" required></label><label>Reason <input name=\"reason\"")
        .append(" id=\"write-off-reason\" required></label>")
        .append("<button type=\"submit\" id=\"write-off-button\">Write off</button></form>")
        .append("<h2>Audit trail</h2><p id=\"audit-verify\">")
        .append(
            escape(
                d.verification()
                    .firstBreak()
                    .map(x -> "The chain is broken at #" + x.sequence() + ".")
                    .orElse("The chain is intact.")))
        .append("</p>");
    if (d.audit().items().isEmpty()) {
      b.append("<p id=\"audit-none\">No records this month.</p>");
    } else {
      b.append("<table id=\"audit\"><tr><th>#</th><th>When</th><th>Who</th><th>Action</th>")
          .append("<th>Partner</th><th>Subject</th><th>Reason</th></tr>");
      for (AuditRecord r : d.audit().items()) {
        b.append("<tr><td>")
            .append(r.sequence())
            .append("</td><td>")
            .append(escape(dateTime(r.recordedAt())))
            .append("</td><td>")
            .append(escape(r.actor()))
            .append("</td><td>")
            .append(escape(r.action().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
            .append("</td><td>")
            .append(escape(r.partnerId().map(PartnerId::value).orElse("-")))
            .append("</td><td>")
            .append(escape(r.subject()))
            .append("</td><td>")
            .append(escape(r.reason()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    d.audit()
        .next()
        .ifPresent(
            n ->
                b.append("<p><a id=\"audit-more\" href=\"")
                    .append(escape("/admin?after=" + n.token()))
                    .append("\">Older records</a></p>"));
  }

  private static void funnelRow(StringBuilder b, String id, String label, Object value) {
    b.append("<tr><th>")
        .append(escape(label))
        .append("</th><td class=\"amount\" id=\"")
        .append(id)
        .append("\">")
        .append(escape(value))
        .append("</td></tr>");
  }

  String error(String message) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title>"
        + "<link rel=\"stylesheet\" href=\"/portal.css\"></head><body><p id=\"error\">"
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

  String date(LocalDate date) {
    return DATE.format(date);
  }

  /** A month as people write it, such as "November 2026". */
  String month(YearMonth month) {
    return MONTH.format(month);
  }

  private static String status(PartnerStatus status) {
    return switch (status) {
      case ACTIVE -> "Active";
      case SUSPENDED -> "Suspended: your links bring no new customers and payouts wait for now";
      case TERMINATED -> "Left the programme: money you earned is still paid out";
      case ERASED -> "Left the programme; your data was erased";
    };
  }

  private static String payoutStatus(PayoutStatus status) {
    return switch (status) {
      case CREATED -> "on its way: being prepared";
      case EXPORTED -> "on its way: in the bank file";
      case PAID -> "paid";
      case FAILED -> "failed: the amount went back to your balance";
    };
  }

  /** A signed amount for a column of changes, such as "EUR +1.50"; blank for no change. */
  private static String signed(Money change) {
    if (change == null) {
      return "";
    }
    String code = change.currency().getCurrencyCode();
    String amount = change.amount().toPlainString();
    return change.isNegative() ? code + " " + amount : code + " +" + amount;
  }

  /**
   * The participating products with their rates, and which products do not participate; with the
   * labels of the rate card (the host's text, escaped like all text) in a third column if given.
   */
  private static void rates(
      StringBuilder b, List<ProductRate> rates, Map<RateTarget, String> labels) {
    Map<RateTarget, List<String>> products = HostShop.productsByTarget();
    Map<String, ProductRate> byProduct = new TreeMap<>();
    for (ProductRate r : rates) {
      products.getOrDefault(r.target(), List.of()).forEach(name -> byProduct.put(name, r));
    }
    b.append("<h2>Kickback rates</h2><table id=\"rates\"><tr><th>Product</th><th>Rate</th>")
        .append(labels.isEmpty() ? "" : "<th>Category</th>")
        .append("</tr>");
    byProduct.forEach(
        (name, rate) -> {
          b.append("<tr><td>")
              .append(escape(name))
              .append("</td><td class=\"amount\">")
              .append(escape(rate.rate()))
              .append("</td>");
          if (!labels.isEmpty()) {
            b.append("<td>").append(escape(labels.getOrDefault(rate.target(), ""))).append("</td>");
          }
          b.append("</tr>");
        });
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

  private static String csrf(View view) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(view.csrfToken()) + "\">";
  }

  /** The frame of every page: navigation, who is signed in, the one-time message, the content. */
  private String layout(String title, View view, StringBuilder content) {
    StringBuilder b = new StringBuilder(content.length() + 1024);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title><link rel=\"stylesheet\" href=\"/portal.css\">")
        .append("<script src=\"/portal.js\" defer></script></head><body><header><nav>")
        .append("<a href=\"")
        .append(href(view, "/"))
        .append("\">Shop</a><a href=\"")
        .append(href(view, "/partner"))
        .append("\" id=\"nav-partner\">Partner programme</a><a href=\"")
        .append(href(view, "/admin"))
        .append("\">Admin</a></nav>");
    if (view.customer().isPresent()) {
      b.append("<span>Signed in as <span id=\"who\">")
          .append(escape(view.customer().get().name()))
          .append("</span> <form class=\"inline\" method=\"post\" action=\"/signout\">")
          .append(csrf(view))
          .append("<button type=\"submit\" id=\"signout\">Sign out</button></form></span>");
    }
    b.append("</header>");
    if (view.flash() != null) {
      b.append("<p class=\"flash\" id=\"flash\" role=\"status\">")
          .append(escape(view.flash()))
          .append("</p>");
    }
    b.append("<main><h1>").append(escape(title)).append("</h1>");
    view.landing().filter(Landing::askConsent).ifPresent(l -> consent(b, view));
    b.append(content).append("</main>");
    if (view.referralCookie()) { // withdrawing is as easy as consenting: one button on every page
      b.append("<footer><form class=\"inline\" method=\"post\" action=\"/consent\"")
          .append(" id=\"withdraw-form\">")
          .append(csrf(view))
          .append(next(view))
          .append("A partner's referral cookie is set in this browser. <button type=\"submit\"")
          .append(" name=\"choice\" value=\"decline\" id=\"withdraw-consent\">Remove the")
          .append(" referral cookie</button></form></footer>");
    }
    return b.append("</body></html>").toString();
  }

  /**
   * The consent question of a page a referral link led to: two plain buttons in one form, equally
   * easy to press, which work without JavaScript and carry the CSRF token like every form.
   */
  private void consent(StringBuilder b, View view) {
    long days = referralCookieAge.toDays();
    b.append("<section class=\"consent\" id=\"consent\" aria-labelledby=\"consent-title\">")
        .append("<h2 id=\"consent-title\">May we remember which partner sent you?</h2>")
        .append(
            "<p id=\"consent-text\">You came here through a link from one of our partners. With")
        .append(" your permission we keep a cookie for ")
        .append(days)
        .append(days == 1 ? " day" : " days")
        .append(" that says which partner it was, so that they earn a reward if you become a")
        .append(" customer in that time. It costs you nothing, and the partner never sees who you")
        .append(
            " are. Without the cookie, the partner still earns it if you sign up on this visit.")
        .append("</p><form method=\"post\" action=\"/consent\" id=\"consent-form\">")
        .append(csrf(view))
        .append(landing(view))
        .append(next(view))
        .append("<button type=\"submit\" name=\"choice\" value=\"accept\"")
        .append(" id=\"consent-accept\">Accept the cookie</button> ")
        .append("<button type=\"submit\" name=\"choice\" value=\"decline\"")
        .append(" id=\"consent-decline\">Decline the cookie</button></form></section>");
  }

  /** The hidden field that leads an answer about the cookie back to this page. */
  private static String next(View view) {
    return "<input type=\"hidden\" name=\"next\" value=\"" + escape(view.path()) + "\">";
  }

  /** The hidden field that carries a referral without a cookie (empty if the page has none). */
  private static String landing(View view) {
    return view.landing()
        .map(
            l ->
                "<input type=\"hidden\" name=\""
                    + HostPortal.LANDING_PARAM
                    + "\" value=\""
                    + escape(l.token())
                    + "\">")
        .orElse("");
  }

  /** A link to a page of the portal that keeps carrying the referral, if this page carries one. */
  private static String href(View view, String path) {
    return escape(
        view.landing()
            .map(l -> path + "?" + HostPortal.LANDING_PARAM + "=" + l.token())
            .orElse(path));
  }
}
