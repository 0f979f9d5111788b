package org.partnerprogram.examples.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.AddRateVersionCommand;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.ClosePeriodCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.IssueReferralCodeCommand;
import org.partnerprogram.core.port.in.PartnerOverviewQuery;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.HostShop.Invoice;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * A host portal in one class, on the JDK's built-in HTTP server: a shop where visitors sign up,
 * order and pay (simulated), referral links ({@code /r/CODE} or {@code ?ref=CODE} on any page) that
 * set a first-party cookie, the partner page of the seed, and an admin page that closes the month.
 * The partner programme runs on the JDBC adapter over H2, pooled by HikariCP.
 *
 * <p>What to copy: how each request calls the SDK (see the methods named after the pages and
 * actions). What not to copy: the demo's sign-in by e-mail address without a password, the open
 * admin page and the in-memory sessions; a real host has its own login, staff roles and session
 * store.
 *
 * <p>Security habits kept throughout: every dynamic value is escaped with {@link Html#escape};
 * every state change is a POST carrying the session's CSRF token; the session is an opaque random
 * id in an HttpOnly, SameSite=Lax cookie and is renewed at sign-in; pages send a strict
 * Content-Security-Policy (scripts only from {@code /portal.js}).
 */
public final class HostPortal {
  /** The session cookie: an opaque random id, nothing else. */
  static final String SESSION_COOKIE = "sid";

  /** The referral cookie: a random visitor id that the SDK links to the partner's click. */
  static final String REFERRAL_COOKIE = "pp_visitor";

  private static final System.Logger LOG = System.getLogger(HostPortal.class.getName());
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; "
          + "base-uri 'none'; frame-ancestors 'none'";

  private final Clock clock;
  private final String jdbcUrl;
  private final boolean secureCookies;
  private final HostShop shop = new HostShop();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, byte[]> assets = new LinkedHashMap<>();
  private HttpServer server;
  private ExecutorService executor;
  private HikariDataSource pool;
  private JdbcProgramStorage storage;
  private PartnerProgram program;
  private Pages pages;
  private URI baseUri;

  /** What the portal keeps per browser. A real host uses its framework's session store. */
  static final class Session {
    final String id;
    final String csrfToken;
    volatile String customerId; // null until signed in
    volatile String flash; // a one-time message for the next page

    Session(String id, String csrfToken) {
      this.id = id;
      this.csrfToken = csrfToken;
    }
  }

  /**
   * A portal on a fresh in-memory H2 database, with cookies for plain http (local use).
   *
   * @param clock the programme's and the shop's clock (a {@link DemoClock} enables the admin page's
   *     "next month" button); never null
   */
  public HostPortal(Clock clock) {
    this(
        clock,
        "jdbc:h2:mem:host-portal-"
            + HostShop.randomHex(6)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        false);
  }

  /**
   * A portal on the given H2 database.
   *
   * @param clock the programme's and the shop's clock; never null
   * @param h2Url an H2 URL in PostgreSQL mode, in memory or a file; the SDK's tables are migrated
   *     into it at start
   * @param secureCookies whether cookies carry {@code Secure} (true behind https, as in production)
   */
  public HostPortal(Clock clock, String h2Url, boolean secureCookies) {
    this.clock = clock;
    this.jdbcUrl = h2Url;
    this.secureCookies = secureCookies;
  }

  /**
   * Starts the server on 127.0.0.1, migrates the database and sets up the programme.
   *
   * @param port the port, or 0 for any free port
   * @return the portal's base address, such as {@code http://127.0.0.1:8080/}
   * @throws IOException if the port cannot be bound
   */
  public synchronized URI start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");

    HikariConfig config = new HikariConfig();
    config.setPoolName("host-portal");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    JdbcMigrations.migrate(pool); // the SDK's pp_ tables, with its own history table
    storage = JdbcProgramStorage.create(pool);

    program =
        PartnerProgram.builder()
            .terms(
                ProgramTerms.builder() // EUR, Europe/Amsterdam, 90-day window: the defaults
                    .referralLinkTemplate(ReferralLinkTemplate.of(baseUri + "r/{code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .build();
    program
        .addRateVersion()
        .addRateVersion(AddRateVersionCommand.programmeWide(HostShop.RATE_CARD));
    pages = new Pages(program.terms().zone(), clock);
    assets.put("/portal.js", asset("portal.js"));
    assets.put("/portal.css", asset("portal.css"));

    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return baseUri;
  }

  /** Stops the server and closes the database (an in-memory database is dropped). */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    pool.close();
    if (jdbcUrl.startsWith("jdbc:h2:mem:")) { // DB_CLOSE_DELAY=-1 keeps it until it is shut down
      try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "could not shut the database down", e);
      }
    }
    server = null;
  }

  /**
   * The base address, once started.
   *
   * @return such as {@code http://127.0.0.1:8080/}
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Runs the portal until the process is stopped. Option: {@code --port=N} (default 8080).
   *
   * @param args the options
   * @throws Exception if the port cannot be bound
   */
  public static void main(String[] args) throws Exception {
    int port = 8080;
    for (String arg : args) {
      if (!arg.matches("--port=\\d{1,5}")) {
        System.err.println("usage: [--port=8080]");
        System.exit(2);
      }
      port = Integer.parseInt(arg.substring("--port=".length()));
    }
    HostPortal portal = new HostPortal(new DemoClock(Clock.systemUTC()));
    URI uri = portal.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(portal::stop));
    System.out.println("Host portal running at " + uri + " (Ctrl+C stops it)");
    new CountDownLatch(1).await(); // serve until the process is stopped
  }

  // ---------------------------------------------------------------------------------------------
  // Routing

  private void handle(HttpExchange exchange) {
    try {
      Request request = new Request(exchange);
      try {
        route(request);
      } catch (HttpError e) {
        request.send(e.status, pages.error(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "request failed: " + exchange.getRequestURI(), e);
        request.send(500, pages.error("Something went wrong. Please try again."));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not answer " + exchange.getRequestURI(), e);
    } finally {
      exchange.close();
    }
  }

  private void route(Request r) throws IOException {
    String path = r.exchange.getRequestURI().getRawPath();
    String method = r.exchange.getRequestMethod();
    if ("GET".equals(method)) {
      if (path.startsWith("/r/")) {
        referral(r, decode(path.substring(3)), "/");
        return;
      }
      Optional<String> ref = r.queryParam("ref");
      if (ref.isPresent()) {
        // Back to the same page without ?ref=, but only to a page of ours (never "//elsewhere").
        referral(r, ref.get(), List.of("/", "/partner", "/admin").contains(path) ? path : "/");
        return;
      }
      if (assets.containsKey(path)) {
        r.sendAsset(path.endsWith(".js") ? "text/javascript" : "text/css", assets.get(path));
        return;
      }
      switch (path) {
        case "/" -> r.send(200, shopPage(r));
        case "/partner" -> r.send(200, partnerPage(r));
        case "/admin" -> r.send(200, adminPage(r));
        default -> throw new HttpError(404, "There is no page at this address.");
      }
      return;
    }
    if (!"POST".equals(method)) {
      throw new HttpError(405, "Method not allowed.");
    }
    Form form = r.form();
    Session session = r.existingSession().orElseThrow(() -> expired());
    byte[] sent = form.one("csrf").getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(sent, session.csrfToken.getBytes(StandardCharsets.UTF_8))) {
      throw expired(); // constant-time comparison; a cross-site form cannot know the token
    }
    String next =
        switch (path) {
          case "/signup" -> signUp(r, session, form);
          case "/signin" -> signIn(r, session, form);
          case "/signout" -> signOut(r, session);
          case "/order" -> order(session, form);
          case "/pay" -> pay(session, form);
          case "/partner/enrol" -> enrol(session, form);
          case "/partner/code" -> addCode(session, form);
          case "/admin/next-month" -> nextMonth(session);
          case "/admin/close-month" -> closeMonth(session, form);
          default -> throw new HttpError(404, "There is no action at this address.");
        };
    r.redirect(303, next); // post/redirect/get: a reload never repeats the action
  }

  private static HttpError expired() {
    return new HttpError(403, "Your session has expired. Go back, reload the page and try again.");
  }

  // ---------------------------------------------------------------------------------------------
  // Referral links: the README's "Wiring attribution into the portal", step 1

  private void referral(Request r, String rawCode, String next) throws IOException {
    // Reuse the browser's visitor id if it has one, so that all its clicks belong together.
    String visitor =
        r.cookie(REFERRAL_COOKIE)
            .filter(v -> v.matches("[0-9a-f]{32}"))
            .orElseGet(() -> HostShop.randomHex(16));
    boolean recorded;
    try {
      recorded =
          program.recordTouch().recordTouch(RecordTouchCommand.of(rawCode, visitor))
              instanceof TouchResult.Recorded;
    } catch (InvalidInputException malformed) {
      recorded = false; // a malformed code is as harmless as an unknown or revoked one
    }
    if (recorded) {
      long maxAge = program.terms().attributionWindow().toSeconds();
      r.setCookie(REFERRAL_COOKIE + "=" + visitor + "; Max-Age=" + maxAge);
    }
    r.redirect(302, next);
  }

  // ---------------------------------------------------------------------------------------------
  // The shop: sign up (step 2 of the wiring), sign in, order, pay

  private String shopPage(Request r) {
    Session session = r.session();
    Optional<Customer> customer = signedIn(session);
    List<Invoice> invoices = customer.map(c -> shop.invoicesOf(c.id())).orElse(List.of());
    return pages.shop(view(session, customer), invoices);
  }

  private String signUp(Request r, Session session, Form form) {
    String name = form.one("name").strip();
    String email = form.one("email").strip();
    if (name.isEmpty() || name.length() > 100 || !email.matches("[^\\s@]{1,100}@[^\\s@]{1,100}")) {
      session.flash = "Please give your name (up to 100 characters) and an e-mail address.";
      return "/";
    }
    Optional<Customer> created = shop.signUp(name, email);
    if (created.isEmpty()) {
      session.flash = "That e-mail address already has an account: sign in instead.";
      return "/";
    }
    Customer customer = created.get();
    // The SDK decides once whether a partner brought this customer; the customer sees nothing of
    // it.
    program
        .attributeSignup()
        .attribute(
            new AttributeSignupCommand(
                CustomerAccountId.of(customer.id()),
                r.cookie(REFERRAL_COOKIE).filter(v -> v.matches("[0-9a-f]{32}")).map(VisitorId::of),
                Optional.empty(), // no code field in this shop's form
                true, // a new account is a new customer here
                clock.instant(),
                Optional.empty()));
    renewSession(r, session, customer).flash = "Welcome, " + customer.name() + "!";
    return "/";
  }

  private String signIn(Request r, Session session, Form form) {
    // Demo only: signing in by e-mail address, without a password.
    Optional<Customer> customer = shop.byEmail(form.one("email").strip());
    if (customer.isEmpty()) {
      session.flash = "No account has that e-mail address.";
      return "/";
    }
    renewSession(r, session, customer.get()).flash = "Signed in as " + customer.get().name() + ".";
    return "/";
  }

  private String signOut(Request r, Session session) {
    sessions.remove(session.id);
    r.setCookie(SESSION_COOKIE + "=; Max-Age=0");
    return "/";
  }

  /** A new session id at sign-in, so that an id planted before sign-in is worth nothing after. */
  private Session renewSession(Request r, Session old, Customer customer) {
    sessions.remove(old.id);
    Session fresh = r.newSession();
    fresh.customerId = customer.id();
    return fresh;
  }

  private String order(Session session, Form form) {
    Customer customer = requireSignedIn(session);
    Optional<Invoice> placed = shop.order(customer.id(), form.all("product"), clock.instant());
    if (placed.isEmpty()) {
      session.flash = "Choose at least one product.";
      return "/";
    }
    Invoice invoice = placed.get();
    // Report the order to the programme: it prices each line with the rate card in force now. (A
    // host with a database of its own would do this in its invoice transaction or via an outbox.)
    List<OrderLine> lines = new ArrayList<>();
    for (HostShop.Product p : invoice.lines()) {
      lines.add(
          new OrderLine(
              lines.size() + 1,
              ProductId.of(p.id()),
              Optional.ofNullable(p.group()).map(ProductGroupId::of),
              p.price(),
              Optional.of(p.name())));
    }
    program
        .recordOrder()
        .recordOrder(
            new RecordOrderCommand(
                EventId.of("order-" + invoice.id()),
                new Order(
                    OrderId.of(invoice.id()),
                    CustomerAccountId.of(customer.id()),
                    invoice.placedAt(),
                    lines)));
    session.flash = "Thank you! Invoice " + invoice.id() + " is waiting for payment.";
    return "/";
  }

  private String pay(Session session, Form form) {
    Customer customer = requireSignedIn(session);
    Optional<Invoice> paid = shop.pay(customer.id(), form.one("invoice"));
    if (paid.isEmpty()) {
      session.flash = "That invoice is not open.";
      return "/";
    }
    // The payment settles the invoice in full: now the partner earns the commission.
    program
        .recordPayment()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("payment-" + paid.get().id()),
                OrderId.of(paid.get().id()),
                clock.instant()));
    session.flash = "Invoice " + paid.get().id() + " is paid.";
    return "/";
  }

  // ---------------------------------------------------------------------------------------------
  // The partner page: enrol, referral URL, rates, earnings, payouts

  private String partnerPage(Request r) {
    Session session = r.session();
    Optional<Customer> customer = signedIn(session);
    Optional<PartnerOverview> overview =
        customer.flatMap(
            c ->
                program
                    .partnerOverview()
                    .overview(
                        PartnerOverviewQuery.byCustomerAccount(CustomerAccountId.of(c.id()))));
    Set<String> orders = new HashSet<>();
    overview.ifPresent(o -> o.recentEntries().forEach(e -> orders.add(e.orderId().value())));
    return pages.partner(view(session, customer), overview, shop.productNames(orders));
  }

  private String enrol(Session session, Form form) {
    Customer customer = requireSignedIn(session);
    try {
      // The enrolment issues the partner's first referral code.
      EnrollmentResult result =
          program
              .enrollPartner()
              .enroll(
                  EnrollPartnerCommand.of(
                      customer.id(), PayoutAccount.of(form.one("iban"), form.one("holder"))));
      session.flash =
          result.newlyEnrolled()
              ? "Welcome to the partner programme! Share your link below."
              : "You are in the partner programme already.";
    } catch (InvalidInputException e) {
      session.flash =
          "holderName".equals(e.field())
              ? "Please give the account holder's name as the bank knows it, up to "
                  + PayoutAccount.MAX_HOLDER_NAME_LENGTH
                  + " characters."
              : "Please check the IBAN: " + reason(e);
    }
    return "/partner";
  }

  /** Issues a link with a code the partner chose (a vanity code), beside the first one. */
  private String addCode(Session session, Form form) {
    Customer customer = requireSignedIn(session);
    Optional<PartnerOverview> partner =
        program
            .partnerOverview()
            .overview(PartnerOverviewQuery.byCustomerAccount(CustomerAccountId.of(customer.id())));
    if (partner.isEmpty()) {
      session.flash = "Join the partner programme first.";
      return "/partner";
    }
    try {
      IssuedCode code =
          program
              .issueReferralCode()
              .issue(
                  IssueReferralCodeCommand.vanity(
                      partner.get().partnerId(), form.one("code").strip()));
      session.flash = "Your new link with " + code.code().value() + " is below.";
    } catch (InvalidInputException e) {
      session.flash = "Please choose another code: " + reason(e);
    } catch (ConflictException e) {
      session.flash = "That code is taken: please choose another one.";
    } catch (IllegalTransitionException e) {
      session.flash = "You have left the programme: there are no new links.";
    }
    return "/partner";
  }

  /** An input error's message without its field name in front (the form says which field). */
  private static String reason(InvalidInputException e) {
    String message = e.getMessage();
    String prefix = e.field() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  // ---------------------------------------------------------------------------------------------
  // Admin (demo: open to anyone signed in or not; a real host puts this behind its staff login)

  private String adminPage(Request r) {
    Session session = r.session();
    // The latest close, read through the storage port: the SDK has no query for it (yet).
    Optional<YearMonth> lastClosed =
        storage
            .transactions()
            .execute(() -> storage.payouts().latestClose())
            .map(PeriodClose::period);
    return pages.admin(view(session, signedIn(session)), clock instanceof DemoClock, lastClosed);
  }

  /** What every page needs; the one-time message is taken from the session. */
  private static View view(Session session, Optional<Customer> customer) {
    String flash = session.flash;
    session.flash = null; // shown once
    return new View(session.csrfToken, customer, flash);
  }

  private String nextMonth(Session session) {
    if (clock instanceof DemoClock demo) {
      Instant next = pages.firstOfNextMonth();
      demo.moveTo(next);
      session.flash = "The demo clock now reads " + pages.dateTime(next) + ".";
    }
    return "/admin";
  }

  private String closeMonth(Session session, Form form) {
    YearMonth month;
    try {
      month = YearMonth.parse(form.one("month")); // the month the page offered, as seen
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "Malformed request.");
    }
    String name = pages.month(month);
    try {
      PeriodCloseResult result = program.closePeriod().close(new ClosePeriodCommand(month));
      if (result.alreadyClosed()) {
        session.flash = name + " was closed already.";
        return "/admin";
      }
      String payouts =
          switch (result.payoutCount()) {
            case 0 -> "no payouts";
            case 1 -> "1 payout, " + result.payoutTotal();
            default -> result.payoutCount() + " payouts, " + result.payoutTotal() + " in total";
          };
      String carried =
          result.carriedOverCount() == 0
              ? ""
              : " " + result.carriedOverCount() + " balance(s) carried over to the next month.";
      session.flash = "Closed " + name + ": " + payouts + "." + carried;
    } catch (IllegalTransitionException e) {
      session.flash = "Cannot close " + name + ": " + e.getMessage();
    }
    return "/admin";
  }

  private Optional<Customer> signedIn(Session session) {
    String id = session.customerId;
    return id == null ? Optional.empty() : shop.customer(id);
  }

  private Customer requireSignedIn(Session session) {
    return signedIn(session).orElseThrow(() -> new HttpError(403, "Please sign in first."));
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP plumbing: cookies, sessions, forms, responses

  /** An error page with a status; the message is escaped like everything else. */
  static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** A decoded form body: each name with its values in order. */
  record Form(Map<String, List<String>> values) {
    String one(String name) {
      List<String> v = values.getOrDefault(name, List.of());
      return v.isEmpty() ? "" : v.get(0);
    }

    List<String> all(String name) {
      return values.getOrDefault(name, List.of());
    }

    static Form parse(String encoded) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String pair : encoded.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      return new Form(values);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Malformed request.");
    }
  }

  private static byte[] asset(String name) {
    try (InputStream in = HostPortal.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request: its cookies and session, and the response headers collected for it. */
  private final class Request {
    final HttpExchange exchange;
    final Map<String, String> cookies = new LinkedHashMap<>();
    Session session;

    Request(HttpExchange exchange) {
      this.exchange = exchange;
      for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
        for (String part : header.split(";", -1)) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            String value = part.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
              value = value.substring(1, value.length() - 1); // RFC 6265 allows a quoted value
            }
            cookies.putIfAbsent(part.substring(0, eq).strip(), value);
          }
        }
      }
    }

    Optional<String> cookie(String name) {
      return Optional.ofNullable(cookies.get(name));
    }

    Optional<String> queryParam(String name) {
      String query = exchange.getRequestURI().getRawQuery();
      return query == null ? Optional.empty() : Optional.of(Form.parse(query).one(name));
    }

    Optional<Session> existingSession() {
      return cookie(SESSION_COOKIE).map(sessions::get);
    }

    /** The browser's session, or a new one (with its cookie) on the first visit. */
    Session session() {
      if (session == null) {
        session = existingSession().orElseGet(this::newSession);
      }
      return session;
    }

    Session newSession() {
      session = new Session(HostShop.randomHex(16), HostShop.randomHex(16));
      sessions.put(session.id, session);
      setCookie(SESSION_COOKIE + "=" + session.id);
      return session;
    }

    /** Adds a first-party cookie that scripts cannot read and other sites do not send in POSTs. */
    void setCookie(String nameValueAndAge) {
      exchange
          .getResponseHeaders()
          .add(
              "Set-Cookie",
              nameValueAndAge
                  + "; Path=/; HttpOnly; SameSite=Lax"
                  + (secureCookies ? "; Secure" : ""));
    }

    Form form() throws IOException {
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new HttpError(413, "The form is too large.");
      }
      return Form.parse(new String(body, StandardCharsets.UTF_8));
    }

    void redirect(int status, String location) throws IOException {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    }

    void send(int status, String html) throws IOException {
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "text/html; charset=utf-8");
      headers.set("Cache-Control", "no-store");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "same-origin");
      headers.set("Content-Security-Policy", CSP);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }

    void sendAsset(String type, byte[] bytes) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
