package org.partnerprogram.examples.portal;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.examples.HostFlywayMigrations;
import org.partnerprogram.examples.QuickStart;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * A host portal on the JDK's built-in HTTP server: a shop where visitors sign up, order and pay
 * (simulated), referral links ({@code /r/CODE} or {@code ?ref=CODE} on any page) that set a
 * first-party cookie only once the visitor consents to it and otherwise carry the click to the
 * signup form in the page's address, the partner page of the seed, and an admin page that closes
 * the month. The shop's accounts and invoices and the partner programme share one H2 database,
 * pooled by HikariCP; the programme joins the portal's transactions ({@link
 * JdbcProgramStorage#joining}), so that an invoice and the programme's record of it commit together
 * or not at all.
 *
 * <p>What to copy: how each request calls the SDK (see the methods named after the pages and
 * actions in {@code ShopActions}, {@code PartnerActions} and {@code AdminActions}, and the referral
 * link in {@code Routes}), and that a form action builds the SDK's command <em>before</em> it
 * writes anything of its own, then writes both in one transaction. What not to copy: the demo's
 * sign-in by e-mail address without a password, the open admin page and the in-memory sessions; a
 * real host has its own login, staff roles and session store.
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

  /**
   * The referral cookie: a random visitor id that the SDK links to the partner's click. Set only
   * after the visitor accepted it (ePrivacy; in the Netherlands art. 11.7a Telecommunicatiewet).
   */
  static final String REFERRAL_COOKIE = "pp_visitor";

  /**
   * The consent-state cookie: exists only after the visitor declined the referral cookie, and then
   * holds {@value #CONSENT_DECLINED} and nothing else, the same for every visitor, for {@link
   * Routes#CONSENT_MEMORY}. It remembers a choice the visitor made (strictly necessary to respect
   * it) and cannot tell one visitor from another, so it needs no consent of its own.
   */
  static final String CONSENT_COOKIE = "pp_consent";

  /** The only value of {@link #CONSENT_COOKIE}. */
  static final String CONSENT_DECLINED = "declined";

  /**
   * The query parameter and form field that carry a referral without a cookie: a landing token, the
   * visitor id of the recorded click with the portal's HMAC of it.
   */
  static final String LANDING_PARAM = "landing";

  /** A visitor's random value behind their CSRF token while they have no session. */
  static final String CSRF_COOKIE = "csrf";

  private static final System.Logger LOG = System.getLogger(HostPortal.class.getName());

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
  private final Csrf csrf;
  private HttpServer server;
  private IoDeadlines io;
  private HikariDataSource pool;
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
    this.csrf = new Csrf();
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

    PortalTransactions transactions = new PortalTransactions(pool);
    JdbcProgramStorage storage =
        JdbcProgramStorage.joining(transactions::currentTransaction, Dialect.H2);
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.fromBase64(QuickStart.DEMO_PSEUDONYM_KEY))
            .terms(
                ProgramTerms.builder() // EUR, Europe/Amsterdam, 90-day window: the defaults
                    .referralLinkTemplate(ReferralLinkTemplate.of(baseUri + "r/{code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .build();
    transactions.inTransaction(
        c -> {
          RateChange card =
              RateChange.programmeWide(Act.by("ops@host.example", "rate card"))
                  .setAll(HostShop.RATE_CARD);
          for (Map.Entry<RateTarget, String> label : HostShop.RATE_LABELS.entrySet()) {
            card = card.label(label.getKey(), label.getValue());
          }
          return program.rates().change(card);
        });

    io = new IoDeadlines(limits.threads(), limits.queuedConnections(), limits.ioTimeout());
    Routes routes =
        new Routes(clock, program, storage, transactions, io, sessions, csrf, secureCookies);
    server.setExecutor(io);
    server.createContext("/", routes::handle);
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
}
