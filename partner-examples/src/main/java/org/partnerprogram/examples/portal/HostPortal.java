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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.examples.HostFlywayMigrations;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.HostShop.Invoice;
import org.partnerprogram.examples.portal.HostShop.InvoiceLine;
import org.partnerprogram.examples.portal.HostShop.Product;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.examples.portal.Sessions.Session;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * A host portal in one class, on the JDK's built-in HTTP server: a shop where visitors sign up,
 * order and pay (simulated), referral links ({@code /r/CODE} or {@code ?ref=CODE} on any page) that
 * set a first-party cookie, the partner page of the seed, and an admin page that closes the month.
 * The shop's accounts and invoices and the partner programme share one H2 database, pooled by
 * HikariCP; the programme joins the portal's transactions ({@link JdbcProgramStorage#joining}), so
 * that an invoice and the programme's record of it commit together or not at all.
 *
 * <p>What to copy: how each request calls the SDK (see the methods named after the pages and
 * actions), and that a form action builds the SDK's command <em>before</em> it writes anything of
 * its own, then writes both in one transaction. What not to copy: the demo's sign-in by e-mail
 * address without a password, the open admin page and the in-memory sessions; a real host has its
 * own login, staff roles and session store.
 *
 * <p>Security habits kept throughout: every dynamic value is escaped with {@link Html#escape};
 * every state change is a POST carrying a CSRF token (the session's, or for a visitor without a
 * session an HMAC of a random cookie of theirs); the session is an opaque random id in an HttpOnly,
 * SameSite=Lax cookie, renewed at sign-in, ended after {@link Limits#sessionIdleTimeout} and never
 * created for a visitor who only reads pages; pages send a strict Content-Security-Policy (scripts
 * only from {@code /portal.js}). Against slow or stalled clients: a bounded pool of threads whose
 * network reads and writes have a deadline, and a limit on the size of a form.
 */
public final class HostPortal {
  /** The session cookie: an opaque random id, nothing else. */
  static final String SESSION_COOKIE = "sid";

  /** The referral cookie: a random visitor id that the SDK links to the partner's click. */
  static final String REFERRAL_COOKIE = "pp_visitor";

  /** A visitor's random value behind their CSRF token while they have no session. */
  static final String CSRF_COOKIE = "csrf";

  private static final System.Logger LOG = System.getLogger(HostPortal.class.getName());
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String HEX_32 = "[0-9a-f]{32}";
  // The connection of the portal transaction running on a thread, which the programme joins.
  private static final ThreadLocal<Connection> TRANSACTION = new ThreadLocal<>();
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; "
          + "base-uri 'none'; frame-ancestors 'none'";

  /**
   * How much the portal takes on: threads, waiting connections, the network deadline and sessions.
   *
   * @param threads requests served at once (each request's database work holds one pooled
   *     connection, so the pool has as many); at least 1
   * @param queuedConnections requests that may wait for a thread; beyond that a new connection is
   *     closed at once; at least 1
   * @param ioTimeout the longest a request may take to arrive (line, headers and form), counted
   *     from its first bytes, and a response to be taken by the client; a slower connection is
   *     closed; positive
   * @param sessionIdleTimeout a session unused this long (on the programme's clock) ends; positive
   * @param maxSessions the most sessions kept; when full, the least recently used one ends; at
   *     least 1
   */
  public record Limits(
      int threads,
      int queuedConnections,
      Duration ioTimeout,
      Duration sessionIdleTimeout,
      int maxSessions) {

    /**
     * Checks the limits.
     *
     * @throws InvalidInputException naming the first limit that is out of range
     */
    public Limits {
      if (threads < 1) {
        throw new InvalidInputException("threads", "must be at least 1, was " + threads);
      }
      if (queuedConnections < 1) {
        throw new InvalidInputException(
            "queuedConnections", "must be at least 1, was " + queuedConnections);
      }
      if (ioTimeout == null || ioTimeout.isNegative() || ioTimeout.isZero()) {
        throw new InvalidInputException("ioTimeout", "must be positive, was " + ioTimeout);
      }
      if (sessionIdleTimeout == null
          || sessionIdleTimeout.isNegative()
          || sessionIdleTimeout.isZero()) {
        throw new InvalidInputException(
            "sessionIdleTimeout", "must be positive, was " + sessionIdleTimeout);
      }
      if (maxSessions < 1) {
        throw new InvalidInputException("maxSessions", "must be at least 1, was " + maxSessions);
      }
    }

    /**
     * The defaults: 16 threads, 64 waiting connections, 10 seconds for a request to arrive,
     * sessions that end after 30 minutes unused, at most 10,000 of them.
     *
     * @return the default limits
     */
    public static Limits defaults() {
      return new Limits(16, 64, Duration.ofSeconds(10), Duration.ofMinutes(30), 10_000);
    }

    /**
     * These limits with another thread count.
     *
     * @param threads at least 1
     * @return the new limits
     * @throws InvalidInputException if out of range
     */
    public Limits withThreads(int threads) {
      return new Limits(threads, queuedConnections, ioTimeout, sessionIdleTimeout, maxSessions);
    }

    /**
     * These limits with another network deadline.
     *
     * @param ioTimeout positive; never null
     * @return the new limits
     * @throws InvalidInputException if not positive
     */
    public Limits withIoTimeout(Duration ioTimeout) {
      return new Limits(threads, queuedConnections, ioTimeout, sessionIdleTimeout, maxSessions);
    }

    /**
     * These limits with another session capacity.
     *
     * @param maxSessions at least 1
     * @return the new limits
     * @throws InvalidInputException if out of range
     */
    public Limits withMaxSessions(int maxSessions) {
      return new Limits(threads, queuedConnections, ioTimeout, sessionIdleTimeout, maxSessions);
    }
  }

  private final Clock clock;
  private final String jdbcUrl;
  private final boolean secureCookies;
  private final Limits limits;
  private final Sessions sessions;
  private final SecretKeySpec csrfKey;
  private final Map<String, String> assets = new LinkedHashMap<>();
  private HttpServer server;
  private IoDeadlines io;
  private HikariDataSource pool;
  private JdbcProgramStorage storage;
  private PartnerProgram program;
  private Pages pages;
  private URI baseUri;

  /**
   * A portal on a fresh in-memory H2 database, with cookies for plain http (local use) and the
   * default limits.
   *
   * @param clock the programme's and the shop's clock (a {@link DemoClock} enables the admin page's
   *     "next month" button); never null
   */
  public HostPortal(Clock clock) {
    this(clock, Limits.defaults());
  }

  /**
   * A portal on a fresh in-memory H2 database, with cookies for plain http (local use).
   *
   * @param clock the programme's and the shop's clock; never null
   * @param limits threads, network deadline and sessions; never null
   */
  public HostPortal(Clock clock, Limits limits) {
    this(
        clock,
        "jdbc:h2:mem:host-portal-"
            + HostShop.randomHex(6)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        false,
        limits);
  }

  /**
   * A portal on the given H2 database.
   *
   * @param clock the programme's and the shop's clock; never null
   * @param h2Url an H2 URL in PostgreSQL mode, in memory or a file; the shop's and the SDK's tables
   *     are migrated into it at start; never null
   * @param secureCookies whether cookies carry {@code Secure} (true behind https, as in production)
   * @param limits threads, network deadline and sessions; never null
   */
  public HostPortal(Clock clock, String h2Url, boolean secureCookies, Limits limits) {
    this.clock = clock;
    this.jdbcUrl = h2Url;
    this.secureCookies = secureCookies;
    this.limits = limits;
    this.sessions = new Sessions(clock, limits.sessionIdleTimeout(), limits.maxSessions());
    this.csrfKey = new SecretKeySpec(HexFormat.of().parseHex(HostShop.randomHex(32)), "HmacSHA256");
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
    config.setMaximumPoolSize(limits.threads());
    pool = new HikariDataSource(config);
    // The shop's tables (db/portal), then the SDK's pp_ tables with their own history table.
    HostFlywayMigrations.migrate(pool, "classpath:db/portal", Dialect.H2);

    storage = JdbcProgramStorage.joining(this::currentTransaction, Dialect.H2);
    program =
        PartnerProgram.builder()
            .terms(
                ProgramTerms.builder() // EUR, Europe/Amsterdam, 90-day window: the defaults
                    .referralLinkTemplate(ReferralLinkTemplate.of(baseUri + "r/{code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .build();
    inTransaction(
        c -> {
          RateChange card = RateChange.programmeWide().setAll(HostShop.RATE_CARD);
          for (Map.Entry<RateTarget, String> label : HostShop.RATE_LABELS.entrySet()) {
            card = card.label(label.getKey(), label.getValue());
          }
          return program.rates().change(card);
        });
    pages = new Pages(program.terms().zone(), clock);
    assets.put("/portal.js", asset("portal.js"));
    assets.put("/portal.css", asset("portal.css"));

    io = new IoDeadlines(limits.threads(), limits.queuedConnections(), limits.ioTimeout());
    server.setExecutor(io);
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
    io.close();
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

  /** How many sessions the portal keeps now (for tests). */
  int sessionCount() {
    return sessions.size();
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
  // Transactions: the shop's writes and the programme's in one

  /** Work on the connection of the portal's transaction. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction that the SDK joins: commits when it returns, rolls everything back
   * (the shop's rows and the programme's) when it throws.
   */
  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      TRANSACTION.set(c);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        TRANSACTION.remove();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the portal's database failed", e);
    }
  }

  private Connection currentTransaction() {
    Connection c = TRANSACTION.get();
    if (c == null) {
      throw new IllegalStateException("the programme is called outside a portal transaction");
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Routing

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Request request = new Request(exchange);
      Response response;
      try {
        response = route(request);
      } catch (HttpError e) {
        response = Response.page(e.status, pages.error(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "request failed: " + exchange.getRequestURI(), e);
        response = Response.page(500, pages.error("Something went wrong. Please try again."));
      }
      io.resume(); // a fresh deadline for the client to take the response
      request.send(response);
    } finally {
      exchange.close();
    }
    // An IOException (a client too slow or gone) ends the exchange; the server closes the
    // connection.
  }

  private Response route(Request r) throws IOException {
    String path = r.exchange.getRequestURI().getRawPath();
    String method = r.exchange.getRequestMethod();
    if ("GET".equals(method)) {
      io.pause(); // the request has arrived; from here on the portal works
      return get(r, path);
    }
    if (!"POST".equals(method)) {
      r.exchange.getResponseHeaders().set("Allow", "GET, POST");
      throw new HttpError(405, "Method not allowed.");
    }
    Form form = r.form();
    io.pause();
    return post(r, path, form);
  }

  private Response get(Request r, String path) {
    if (path.startsWith("/r/")) {
      return referral(r, decode(path.substring(3)), "/");
    }
    Optional<String> ref = r.queryParam("ref");
    if (ref.isPresent()) {
      // Back to the same page without ?ref=, but only to a page of ours (never "//elsewhere").
      return referral(r, ref.get(), List.of("/", "/partner", "/admin").contains(path) ? path : "/");
    }
    if (assets.containsKey(path)) {
      return Response.asset(
          path.endsWith(".js") ? "text/javascript" : "text/css", assets.get(path));
    }
    return switch (path) {
      case "/" -> page(r, this::shopPage);
      case "/partner" -> page(r, this::partnerPage);
      case "/admin" -> page(r, this::adminPage);
      default -> throw new HttpError(404, "There is no page at this address.");
    };
  }

  /** Renders a page in a read transaction; a visitor without a session gets none. */
  private Response page(Request r, PageWork work) {
    Optional<Session> session = r.session();
    String flash = session.map(Session::takeFlash).orElse(null);
    String token = session.map(s -> s.csrfToken).orElseGet(r::visitorCsrfToken);
    String html = inTransaction(c -> work.render(c, new View(token, signedIn(session, c), flash)));
    return Response.page(200, html);
  }

  @FunctionalInterface
  private interface PageWork {
    String render(Connection c, View view) throws SQLException;
  }

  private Response post(Request r, String path, Form form) {
    Optional<Session> session = r.session();
    Optional<String> expected =
        session.isPresent()
            ? Optional.of(session.get().csrfToken)
            : r.cookie(CSRF_COOKIE).filter(v -> v.matches(HEX_32)).map(this::csrfTokenFor);
    byte[] sent = form.one("csrf").getBytes(StandardCharsets.UTF_8);
    if (expected.isEmpty()
        || !MessageDigest.isEqual(sent, expected.get().getBytes(StandardCharsets.UTF_8))) {
      throw expired(); // constant-time comparison; a cross-site form cannot know the token
    }
    Outcome outcome;
    try {
      outcome =
          inTransaction(
              c ->
                  switch (path) {
                    case "/signup" -> signUp(r, form, c);
                    case "/signin" -> signIn(form, c);
                    case "/signout" -> Outcome.signOut("/");
                    case "/order" -> order(session, form, c);
                    case "/pay" -> pay(session, form, c);
                    case "/partner/enrol" -> enrol(session, form, c);
                    case "/partner/code" -> addCode(session, form, c);
                    case "/admin/next-month" -> nextMonth();
                    case "/admin/close-month" -> closeMonth(form);
                    default -> throw new HttpError(404, "There is no action at this address.");
                  });
    } catch (Undone undone) { // rolled back, with a message for the customer
      outcome = undone.outcome;
    }
    apply(r, session, outcome);
    return Response.redirect(303, outcome.next); // post/redirect/get: a reload repeats nothing
  }

  private static HttpError expired() {
    return new HttpError(403, "Your session has expired. Go back, reload the page and try again.");
  }

  /**
   * Where a form action leads: the next page, a message for it (or null), and a sign-in or
   * sign-out.
   */
  private record Outcome(String next, String flash, String signInAs, boolean signOut) {
    static Outcome to(String next, String flash) {
      return new Outcome(next, flash, null, false);
    }

    static Outcome signIn(String next, String flash, String customerId) {
      return new Outcome(next, flash, customerId, false);
    }

    static Outcome signOut(String next) {
      return new Outcome(next, null, null, true);
    }
  }

  /** Thrown in a transaction to roll it back and still lead somewhere with a message. */
  private static final class Undone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Outcome outcome;

    Undone(Outcome outcome) {
      super(outcome.flash, null, false, false);
      this.outcome = outcome;
    }
  }

  /** Applies an action's outcome to the sessions once its transaction has committed. */
  private void apply(Request r, Optional<Session> session, Outcome outcome) {
    if (outcome.signOut) {
      session.ifPresent(sessions::remove);
      r.setCookie(SESSION_COOKIE, "; Max-Age=0");
      return;
    }
    if (outcome.signInAs != null) {
      // A new session id at sign-in, so that an id planted before sign-in is worth nothing after.
      session.ifPresent(sessions::remove);
      Session fresh = r.newSession();
      fresh.customerId = outcome.signInAs;
      fresh.flash = outcome.flash;
      return;
    }
    if (outcome.flash != null) { // a message needs a session to wait in: created only now
      Session s = session.orElseGet(r::newSession);
      s.flash = outcome.flash;
      sessions.touch(s); // used now, also when the action moved the demo clock
    } else {
      session.ifPresent(sessions::touch);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Referral links: the README's "Wiring attribution into the portal", step 1

  private Response referral(Request r, String rawCode, String next) {
    // Reuse the browser's visitor id if it has one, so that all its clicks belong together.
    String visitor =
        r.cookie(REFERRAL_COOKIE)
            .filter(v -> v.matches(HEX_32))
            .orElseGet(() -> HostShop.randomHex(16));
    boolean recorded =
        inTransaction(
            c -> {
              try {
                return program.referrals().recordTouch(rawCode, visitor)
                    instanceof TouchResult.Recorded;
              } catch (InvalidInputException malformed) {
                return false; // a malformed code is as harmless as an unknown or revoked one
              }
            });
    if (recorded) {
      long maxAge = program.terms().attributionWindow().toSeconds();
      r.setCookie(REFERRAL_COOKIE, visitor + "; Max-Age=" + maxAge);
    }
    return Response.redirect(302, next);
  }

  // ---------------------------------------------------------------------------------------------
  // The shop: sign up (step 2 of the wiring), sign in, order, pay

  private String shopPage(Connection c, View view) throws SQLException {
    List<Invoice> invoices =
        view.customer().isPresent()
            ? HostShop.invoicesOf(c, view.customer().get().id())
            : List.of();
    return pages.shop(view, invoices);
  }

  private Outcome signUp(Request r, Form form, Connection c) throws SQLException {
    String name = form.one("name").strip();
    String email = form.one("email").strip();
    if (name.isEmpty() || name.length() > 100 || !email.matches("[^\\s@]{1,100}@[^\\s@]{1,100}")) {
      return Outcome.to("/", "Please give your name (up to 100 characters) and an e-mail address.");
    }
    Optional<Customer> created = HostShop.signUp(c, name, email);
    if (created.isEmpty()) {
      return Outcome.to("/", "That e-mail address already has an account: sign in instead.");
    }
    Customer customer = created.get();
    // The SDK decides once whether a partner brought this customer, in the transaction that opens
    // the account; the customer sees nothing of it.
    // A new account is a new customer here; this shop's form has no field for a typed code.
    AttributeSignupCommand signup = AttributeSignupCommand.newCustomer(customer.id());
    Optional<String> visitor = r.cookie(REFERRAL_COOKIE).filter(v -> v.matches(HEX_32));
    program
        .referrals()
        .attributeSignup(visitor.isPresent() ? signup.visitor(visitor.get()) : signup);
    return Outcome.signIn("/", "Welcome, " + customer.name() + "!", customer.id());
  }

  private static Outcome signIn(Form form, Connection c) throws SQLException {
    // Demo only: signing in by e-mail address, without a password.
    Optional<Customer> customer = HostShop.byEmail(c, form.one("email").strip());
    if (customer.isEmpty()) {
      return Outcome.to("/", "No account has that e-mail address.");
    }
    return Outcome.signIn("/", "Signed in as " + customer.get().name() + ".", customer.get().id());
  }

  private Outcome order(Optional<Session> session, Form form, Connection c) throws SQLException {
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

  private Outcome pay(Optional<Session> session, Form form, Connection c) throws SQLException {
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

  // ---------------------------------------------------------------------------------------------
  // The partner page: enrol, referral URLs, rates, earnings, payouts

  private String partnerPage(Connection c, View view) throws SQLException {
    Optional<PartnerOverview> overview = view.customer().flatMap(this::overview);
    Set<String> orders = new HashSet<>();
    overview.ifPresent(o -> o.recentEntries().forEach(e -> orders.add(e.orderId().value())));
    // The public card only for the page before enrolling; an enrolled partner sees its own rates.
    Optional<RateCard> card = overview.isEmpty() ? program.rates().card() : Optional.empty();
    return pages.partner(view, overview, card, HostShop.productNames(c, orders));
  }

  private Optional<PartnerOverview> overview(Customer customer) {
    return program.partners().overviewOfCustomer(CustomerAccountId.of(customer.id()));
  }

  private Outcome enrol(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    try {
      // The enrolment issues the partner's first referral code.
      EnrollmentResult result =
          program
              .partners()
              .enroll(
                  EnrollPartnerCommand.of(customer.id())
                      .withPayoutAccount(form.one("iban"), form.one("holder")));
      return Outcome.to(
          "/partner",
          switch (result.outcome()) {
            case NEW_PARTNER -> "Welcome to the partner programme! Share your link below.";
            case REJOINED -> "Welcome back to the partner programme! Your new link is below.";
            case ALREADY_MEMBER -> "You are in the partner programme already.";
          });
    } catch (InvalidInputException e) {
      return Outcome.to(
          "/partner",
          "holderName".equals(e.field())
              ? "Please give the account holder's name as the bank knows it, up to "
                  + PayoutAccount.MAX_HOLDER_NAME_LENGTH
                  + " characters."
              : "Please check the IBAN: " + reason(e));
    }
  }

  private Outcome addCode(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    Optional<PartnerOverview> partner = overview(customer);
    if (partner.isEmpty()) {
      return Outcome.to("/partner", "Join the partner programme first.");
    }
    try {
      IssuedCode code =
          program.referrals().issueVanityCode(partner.get().partnerId(), form.one("code").strip());
      return Outcome.to("/partner", "Your new link with " + code.code().value() + " is below.");
    } catch (InvalidInputException e) {
      return Outcome.to("/partner", "Please choose another code: " + reason(e));
    } catch (ConflictException e) {
      return Outcome.to("/partner", "That code is taken: please choose another one.");
    } catch (IllegalTransitionException e) {
      return Outcome.to("/partner", "You have left the programme: there are no new links.");
    }
  }

  /** An input error's message without its field name in front (the form says which field). */
  private static String reason(InvalidInputException e) {
    String message = e.getMessage();
    String prefix = e.field() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  // ---------------------------------------------------------------------------------------------
  // Admin (demo: open to anyone signed in or not; a real host puts this behind its staff login)

  private String adminPage(Connection c, View view) {
    // The latest close, read through the storage port: the SDK has no query for it (yet).
    Optional<YearMonth> lastClosed =
        storage
            .transactions()
            .execute(() -> storage.payouts().latestClose())
            .map(PeriodClose::period);
    return pages.admin(view, clock instanceof DemoClock, lastClosed);
  }

  private Outcome nextMonth() {
    if (!(clock instanceof DemoClock demo)) {
      throw new HttpError(404, "There is no action at this address.");
    }
    Instant next = pages.firstOfNextMonth();
    demo.moveTo(next);
    return Outcome.to("/admin", "The demo clock now reads " + pages.dateTime(next) + ".");
  }

  private Outcome closeMonth(Form form) {
    YearMonth month;
    try {
      month = YearMonth.parse(form.one("month")); // the month the page offered, as seen
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "Malformed request.");
    }
    String name = pages.month(month);
    try {
      PeriodCloseResult result = program.payouts().close(month);
      if (result.alreadyClosed()) {
        return Outcome.to("/admin", name + " was closed already.");
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
      return Outcome.to("/admin", "Closed " + name + ": " + payouts + "." + carried);
    } catch (IllegalTransitionException e) {
      return Outcome.to("/admin", "Cannot close " + name + ": " + e.getMessage());
    }
  }

  private Optional<Customer> signedIn(Optional<Session> session, Connection c) throws SQLException {
    String id = session.map(s -> s.customerId).orElse(null);
    return id == null ? Optional.empty() : HostShop.customer(c, id);
  }

  private Customer requireSignedIn(Optional<Session> session, Connection c) throws SQLException {
    return signedIn(session, c).orElseThrow(() -> new HttpError(403, "Please sign in first."));
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

  /** What to send: a page, an asset or a redirect. */
  private record Response(int status, String contentType, String body, String location) {
    static Response page(int status, String html) {
      return new Response(status, "text/html; charset=utf-8", html, null);
    }

    static Response asset(String type, String text) {
      return new Response(200, type + "; charset=utf-8", text, null);
    }

    static Response redirect(int status, String location) {
      return new Response(status, null, null, location);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Malformed request.");
    }
  }

  private static String asset(String name) {
    try (InputStream in = HostPortal.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSRF token of a visitor without a session: an HMAC of their random cookie value. */
  private String csrfTokenFor(String cookieValue) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(csrfKey);
      return HexFormat.of().formatHex(mac.doFinal(cookieValue.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** One request: its cookies and session, and the cookies to set in the response. */
  private final class Request {
    final HttpExchange exchange;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, String> setCookies = new LinkedHashMap<>(); // by name: the last one wins

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

    /** The browser's live session, if it has one; a cookie of an ended session is cleared. */
    Optional<Session> session() {
      Optional<String> id = cookie(SESSION_COOKIE);
      Optional<Session> session = id.flatMap(sessions::find);
      if (id.isPresent() && session.isEmpty()) {
        setCookie(SESSION_COOKIE, "; Max-Age=0");
      }
      return session;
    }

    Session newSession() {
      Session session = sessions.create();
      setCookie(SESSION_COOKIE, session.id);
      return session;
    }

    /** The token for forms of a visitor without a session; sets their random cookie if needed. */
    String visitorCsrfToken() {
      String value =
          cookie(CSRF_COOKIE)
              .filter(v -> v.matches(HEX_32))
              .orElseGet(
                  () -> {
                    String fresh = HostShop.randomHex(16);
                    setCookie(CSRF_COOKIE, fresh);
                    return fresh;
                  });
      return csrfTokenFor(value);
    }

    /** Sets a first-party cookie that scripts cannot read and other sites do not send in POSTs. */
    void setCookie(String name, String valueAndAge) {
      setCookies.put(
          name,
          name
              + "="
              + valueAndAge
              + "; Path=/; HttpOnly; SameSite=Lax"
              + (secureCookies ? "; Secure" : ""));
    }

    Form form() throws IOException {
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      if (declared != null
          && declared.matches("\\d{1,18}")
          && Long.parseLong(declared) > MAX_BODY_BYTES) {
        throw new HttpError(413, "The form is too large."); // refused before reading any of it
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new HttpError(413, "The form is too large.");
      }
      return Form.parse(new String(body, StandardCharsets.UTF_8));
    }

    void send(Response response) throws IOException {
      var headers = exchange.getResponseHeaders();
      setCookies.values().forEach(c -> headers.add("Set-Cookie", c));
      if (response.location() != null) {
        headers.set("Location", response.location());
        exchange.sendResponseHeaders(response.status(), -1);
        return;
      }
      headers.set("Content-Type", response.contentType());
      headers.set("X-Content-Type-Options", "nosniff");
      if (response.contentType().startsWith("text/html")) {
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Content-Security-Policy", CSP);
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }
}
