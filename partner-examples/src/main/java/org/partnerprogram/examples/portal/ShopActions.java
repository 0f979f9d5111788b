package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.HostPortal.LANDING_PARAM;
import static org.partnerprogram.examples.portal.HostPortal.REFERRAL_COOKIE;
import static org.partnerprogram.examples.portal.Outcome.reason;
import static org.partnerprogram.examples.portal.Request.HEX_32;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.HostShop.Invoice;
import org.partnerprogram.examples.portal.HostShop.InvoiceLine;
import org.partnerprogram.examples.portal.HostShop.Product;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Http.HttpError;
import org.partnerprogram.examples.portal.Outcome.Undone;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.examples.portal.Sessions.Session;

/**
 * The shop's page and actions: sign up (step 2 of the README's wiring, where the programme
 * attributes the new customer), sign in, order and pay, each in the portal's transaction.
 */
record ShopActions(Clock clock, PartnerProgram program, Pages pages, Csrf csrf) {
  private static final System.Logger LOG = System.getLogger(HostPortal.class.getName());

  String shopPage(Connection c, View view) throws SQLException {
    List<Invoice> invoices =
        view.customer().isPresent()
            ? HostShop.invoicesOf(c, view.customer().get().id())
            : List.of();
    return pages.shop(view, invoices);
  }

  /**
   * Opens an account and lets the programme decide whether a partner brought the customer, from up
   * to two inputs: the visitor id of the clicks, taken from the referral cookie (the visitor
   * consented) or else from the landing token the form carried (a click recorded without a cookie;
   * only a token this portal signed counts, anything else is ignored), and a referral code the
   * customer typed, which beats the clicks. The SDK's rules apply to both as to any click: the
   * window, self-referral, live codes and active partners.
   */
  Outcome signUp(Request r, Form form, Connection c) throws SQLException {
    String name = form.one("name").strip();
    String email = form.one("email").strip();
    String typed = form.one("code").strip();
    String token = form.one(LANDING_PARAM);
    Optional<String> landed = csrf.visitorOf(token);
    // Back to the form with the click still carried, if the form was refused.
    String back = landed.isPresent() ? "/?" + LANDING_PARAM + "=" + token : "/";
    if (name.isEmpty() || name.length() > 100 || !email.matches("[^\\s@]{1,100}@[^\\s@]{1,100}")) {
      return Outcome.to(
          back, "Please give your name (up to 100 characters) and an e-mail address.");
    }
    if (!typed.isEmpty()) {
      try {
        ReferralCode.parse(typed); // checked before the account is opened
      } catch (InvalidInputException e) {
        return Outcome.to(back, "That referral code is not valid. Check it, or leave it empty.");
      }
    }
    Optional<Customer> created = HostShop.signUp(c, name, email);
    if (created.isEmpty()) {
      return Outcome.to(back, "That e-mail address already has an account: sign in instead.");
    }
    Customer customer = created.get();
    // The SDK decides once whether a partner brought this customer, in the transaction that opens
    // the account; the customer sees nothing of it.
    // A new account is a new customer here.
    AttributeSignupCommand signup = AttributeSignupCommand.newCustomer(customer.id());
    Optional<String> visitor =
        r.cookie(REFERRAL_COOKIE).filter(v -> v.matches(HEX_32)).or(() -> landed);
    if (visitor.isPresent()) {
      signup = signup.visitor(visitor.get());
    }
    if (!typed.isEmpty()) {
      signup = signup.typedCode(typed);
    }
    program.referrals().attributeSignup(signup);
    return Outcome.signIn("/", "Welcome, " + customer.name() + "!", customer.id());
  }

  static Outcome signIn(Form form, Connection c) throws SQLException {
    // Demo only: signing in by e-mail address, without a password.
    Optional<Customer> customer = HostShop.byEmail(c, form.one("email").strip());
    if (customer.isEmpty()) {
      return Outcome.to("/", "No account has that e-mail address.");
    }
    return Outcome.signIn("/", "Signed in as " + customer.get().name() + ".", customer.get().id());
  }

  Outcome order(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    List<Product> products = new ArrayList<>();
    for (String id : form.all("product")) {
      HostShop.product(id).ifPresent(products::add); // unknown ids are ignored
    }
    if (products.isEmpty()) {
      return Outcome.to("/", "Choose at least one product.");
    }
    String invoiceId = HostShop.nextInvoiceId(c);
    Instant placedAt = clock.instant();
    // First the programme's command, with the SDK's own rules: an order it would refuse never
    // becomes an invoice.
    RecordOrderCommand command;
    try {
      command = orderCommand(invoiceId, customer, products, placedAt);
    } catch (InvalidInputException e) {
      String why =
          Set.of("lines", "lineNumber").contains(e.field())
              ? "an order has at most " + Order.MAX_LINES + " products."
              : reason(e);
      return Outcome.to("/", "We cannot take this order: " + why);
    }
    List<InvoiceLine> lines = new ArrayList<>();
    for (OrderLine line : command.order().lines()) {
      Product p = products.get(line.lineNumber() - 1);
      lines.add(new InvoiceLine(line.lineNumber(), p.id(), p.name(), line.net()));
    }
    HostShop.place(c, new Invoice(invoiceId, customer.id(), placedAt, lines, Optional.empty()));
    try {
      // The programme prices each line with the rate card in force now, in this transaction.
      program.commissions().recordOrder(command);
    } catch (PartnerProgramException e) {
      LOG.log(System.Logger.Level.WARNING, "the programme did not record " + invoiceId, e);
      throw new Undone(
          Outcome.to("/", "Your order could not be placed, so nothing was ordered. Try again."));
    }
    return Outcome.to("/", "Thank you! Invoice " + invoiceId + " is waiting for payment.");
  }

  private static RecordOrderCommand orderCommand(
      String invoiceId, Customer customer, List<Product> products, Instant placedAt) {
    List<OrderLine> lines = new ArrayList<>();
    for (Product p : products) {
      lines.add(
          new OrderLine(
              lines.size() + 1,
              ProductId.of(p.id()),
              Optional.ofNullable(p.group()).map(ProductGroupId::of),
              p.price(),
              Optional.of(p.name())));
    }
    return new RecordOrderCommand(
        EventId.of("order-" + invoiceId),
        new Order(OrderId.of(invoiceId), CustomerAccountId.of(customer.id()), placedAt, lines));
  }

  Outcome pay(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    String invoiceId = form.one("invoice");
    Instant paidAt = clock.instant();
    if (!HostShop.markPaid(c, customer.id(), invoiceId, paidAt)) {
      return Outcome.to("/", "That invoice is not open.");
    }
    try {
      // The payment settles the invoice in full: now the partner earns the commission. Both commit
      // together, or neither does.
      program
          .commissions()
          .recordPayment(RecordPaymentCommand.of("payment-" + invoiceId, invoiceId, paidAt));
    } catch (PartnerProgramException e) {
      LOG.log(System.Logger.Level.WARNING, "the programme did not record paying " + invoiceId, e);
      throw new Undone(
          Outcome.to(
              "/",
              "Your payment of invoice "
                  + invoiceId
                  + " could not be recorded, so nothing was charged and the invoice is still"
                  + " open. Try again."));
    }
    return Outcome.to("/", "Invoice " + invoiceId + " is paid.");
  }

  static Optional<Customer> signedIn(Optional<Session> session, Connection c) throws SQLException {
    String id = session.map(s -> s.customerId).orElse(null);
    return id == null ? Optional.empty() : HostShop.customer(c, id);
  }

  static Customer requireSignedIn(Optional<Session> session, Connection c) throws SQLException {
    return signedIn(session, c).orElseThrow(() -> new HttpError(403, "Please sign in first."));
  }
}
