package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.HostPortal.CONSENT_COOKIE;
import static org.partnerprogram.examples.portal.HostPortal.CONSENT_DECLINED;
import static org.partnerprogram.examples.portal.HostPortal.CSRF_COOKIE;
import static org.partnerprogram.examples.portal.HostPortal.LANDING_PARAM;
import static org.partnerprogram.examples.portal.HostPortal.REFERRAL_COOKIE;
import static org.partnerprogram.examples.portal.HostPortal.SESSION_COOKIE;
import static org.partnerprogram.examples.portal.Http.decode;
import static org.partnerprogram.examples.portal.Request.HEX_32;
import static org.partnerprogram.examples.portal.ShopActions.signedIn;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Http.HttpError;
import org.partnerprogram.examples.portal.Http.Response;
import org.partnerprogram.examples.portal.Outcome.Undone;
import org.partnerprogram.examples.portal.Pages.Landing;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.examples.portal.PortalTransactions.SqlWork;
import org.partnerprogram.examples.portal.Sessions.Session;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The portal's routing: each request to its page or action, the CSRF check of every POST, the
 * outcome of an action applied to the sessions, and the referral links with the visitor's consent
 * to the referral cookie (the README's "Wiring attribution into the portal", step 1).
 */
final class Routes {
  private static final System.Logger LOG = System.getLogger(HostPortal.class.getName());

  /** The pages a referral (and the answer to the consent question) may lead back to. */
  private static final List<String> LANDING_PAGES = List.of("/", "/partner", "/admin");

  /**
   * How long a declined consent is remembered: six months, so that the question is not asked on
   * every visit (the CNIL suggests keeping a visitor's choice about that long), and longer than the
   * referral cookie would have lived.
   */
  static final Duration CONSENT_MEMORY = Duration.ofDays(180);

  private final PartnerProgram program;
  private final PortalTransactions transactions;
  private final IoDeadlines io;
  private final Sessions sessions;
  private final Csrf csrf;
  private final boolean secureCookies;
  private final Pages pages;
  private final ShopActions shop;
  private final PartnerActions partner;
  private final AdminActions admin;
  private final Map<String, String> assets = new LinkedHashMap<>();

  Routes(
      Clock clock,
      PartnerProgram program,
      JdbcProgramStorage storage,
      PortalTransactions transactions,
      IoDeadlines io,
      Sessions sessions,
      Csrf csrf,
      boolean secureCookies) {
    this.program = program;
    this.transactions = transactions;
    this.io = io;
    this.sessions = sessions;
    this.csrf = csrf;
    this.secureCookies = secureCookies;
    this.pages = new Pages(program.terms().zone(), clock, program.terms().attributionWindow());
    this.shop = new ShopActions(clock, program, pages, csrf);
    this.partner = new PartnerActions(program, pages);
    this.admin = new AdminActions(clock, program, storage, pages);
    assets.put("/portal.js", asset("portal.js"));
    assets.put("/portal.css", asset("portal.css"));
  }

  private <T> T inTransaction(SqlWork<T> work) {
    return transactions.inTransaction(work);
  }

  void handle(HttpExchange exchange) throws IOException {
    try {
      Request request = new Request(exchange, sessions, csrf, secureCookies);
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
      return referral(r, ref.get(), LANDING_PAGES.contains(path) ? path : "/");
    }
    if (assets.containsKey(path)) {
      return Response.asset(
          path.endsWith(".js") ? "text/javascript" : "text/css", assets.get(path));
    }
    return switch (path) {
      case "/" -> page(r, path, shop::shopPage);
      case "/partner" -> page(r, path, partner::partnerPage);
      case "/admin" -> page(r, path, (c, v) -> admin.adminPage(c, v, r.queryParam("after")));
      default -> throw new HttpError(404, "There is no page at this address.");
    };
  }

  /** Renders a page in a read transaction; a visitor without a session gets none. */
  private Response page(Request r, String path, PageWork work) {
    Optional<Session> session = r.session();
    String flash = session.map(Session::takeFlash).orElse(null);
    String token = session.map(s -> s.csrfToken).orElseGet(r::visitorCsrfToken);
    Optional<Landing> landing = landing(r);
    boolean referralCookie = consentedVisitor(r).isPresent();
    String html =
        inTransaction(
            c ->
                work.render(
                    c,
                    new View(token, signedIn(session, c), flash, path, landing, referralCookie)));
    return Response.page(200, html);
  }

  /**
   * The referral this page carries in its address instead of a cookie: only a landing token this
   * portal signed (anything else is ignored, never shown), with the consent question unless the
   * browser has answered it already.
   */
  private Optional<Landing> landing(Request r) {
    Optional<String> token = r.queryParam(LANDING_PARAM).filter(t -> csrf.visitorOf(t).isPresent());
    if (token.isEmpty()) {
      return Optional.empty();
    }
    boolean answered =
        r.cookie(CONSENT_COOKIE).filter(CONSENT_DECLINED::equals).isPresent()
            || consentedVisitor(r).isPresent();
    return Optional.of(new Landing(token.get(), !answered));
  }

  /** The visitor id of the referral cookie, which exists only if the visitor consented to it. */
  private static Optional<String> consentedVisitor(Request r) {
    return r.cookie(REFERRAL_COOKIE).filter(v -> v.matches(HEX_32));
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
            : r.cookie(CSRF_COOKIE).filter(v -> v.matches(HEX_32)).map(csrf::csrfTokenFor);
    byte[] sent = form.one("csrf").getBytes(StandardCharsets.UTF_8);
    if (expected.isEmpty()
        || !MessageDigest.isEqual(sent, expected.get().getBytes(StandardCharsets.UTF_8))) {
      throw expired(); // constant-time comparison; a cross-site form cannot know the token
    }
    if ("/consent".equals(path)) {
      session.ifPresent(sessions::touch);
      return consent(r, form);
    }
    Outcome outcome;
    try {
      outcome =
          inTransaction(
              c ->
                  switch (path) {
                    case "/signup" -> shop.signUp(r, form, c);
                    case "/signin" -> ShopActions.signIn(form, c);
                    case "/signout" -> Outcome.signOut("/");
                    case "/order" -> shop.order(session, form, c);
                    case "/pay" -> shop.pay(session, form, c);
                    case "/partner/enrol" -> partner.enrol(session, form, c);
                    case "/partner/code" -> partner.addCode(session, form, c);
                    case "/admin/next-month" -> admin.nextMonth();
                    case "/admin/close-month" -> admin.closeMonth(form);
                    case "/admin/adjust" -> admin.adjust(session, form, c);
                    case "/admin/write-off" -> admin.writeOff(session, form, c);
                    default -> throw new HttpError(404, "There is no action at this address.");
                  });
    } catch (Undone undone) { // rolled back, with a message for the customer
      outcome = undone.outcome;
    }
    apply(r, session, outcome);
    return Response.redirect(303, outcome.next()); // post/redirect/get: a reload repeats nothing
  }

  private static HttpError expired() {
    return new HttpError(403, "Your session has expired. Go back, reload the page and try again.");
  }

  /** Applies an action's outcome to the sessions once its transaction has committed. */
  private void apply(Request r, Optional<Session> session, Outcome outcome) {
    if (outcome.signOut()) {
      session.ifPresent(sessions::remove);
      r.setCookie(SESSION_COOKIE, "; Max-Age=0");
      return;
    }
    if (outcome.signInAs() != null) {
      // A new session id at sign-in, so that an id planted before sign-in is worth nothing after.
      session.ifPresent(sessions::remove);
      Session fresh = r.newSession();
      fresh.customerId = outcome.signInAs();
      fresh.flash = outcome.flash();
      return;
    }
    if (outcome.flash() != null) { // a message needs a session to wait in: created only now
      Session s = session.orElseGet(r::newSession);
      s.flash = outcome.flash();
      sessions.touch(s); // used now, also when the action moved the demo clock
    } else {
      session.ifPresent(sessions::touch);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Referral links: the README's "Wiring attribution into the portal", step 1

  /**
   * A referral link was followed. A browser that consented to the referral cookie before (it has
   * one) is handled as always: the click under its visitor id, the cookie renewed. Any other
   * browser gets no cookie: the click is recorded under a fresh random visitor id, and the page it
   * lands on carries that id, signed, in its address ({@code ?landing=}), where the consent
   * question and the signup form pick it up.
   */
  private Response referral(Request r, String rawCode, String next) {
    // Reuse the browser's visitor id if it has one, so that all its clicks belong together.
    Optional<String> consented = consentedVisitor(r);
    String visitor = consented.orElseGet(() -> HostShop.randomHex(16));
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
    if (!recorded) {
      return Response.redirect(302, next);
    }
    if (consented.isPresent()) {
      r.setCookie(REFERRAL_COOKIE, visitor + "; Max-Age=" + referralCookieAge());
      return Response.redirect(302, next);
    }
    return Response.redirect(302, next + "?" + LANDING_PARAM + "=" + csrf.landingToken(visitor));
  }

  /**
   * The answer to the consent question (a plain form, so it works without JavaScript). Accept: the
   * browser keeps the visitor id of the click in the referral cookie, for the attribution window,
   * exactly as a referral link set it before consent was asked. Decline (also the "remove" button
   * every page shows while the cookie is set): no referral cookie (one from before is deleted), a
   * cookie that says only "declined" so that the question is not asked again, and the page goes on
   * carrying the click in its address.
   */
  private Response consent(Request r, Form form) {
    String token = form.one(LANDING_PARAM);
    Optional<String> visitor = csrf.visitorOf(token);
    String choice = form.one("choice");
    String next = LANDING_PAGES.contains(form.one("next")) ? form.one("next") : "/";
    if ("decline".equals(choice)) { // needs no proof: anyone may refuse or withdraw
      r.setCookie(CONSENT_COOKIE, CONSENT_DECLINED + "; Max-Age=" + CONSENT_MEMORY.toSeconds());
      if (r.cookie(REFERRAL_COOKIE).isPresent()) {
        r.setCookie(REFERRAL_COOKIE, "; Max-Age=0"); // withdraws an earlier consent
      }
      // A checked token goes on in the address; anything else is dropped.
      return Response.redirect(
          303, visitor.isPresent() ? next + "?" + LANDING_PARAM + "=" + token : next);
    }
    if (visitor.isEmpty() || !"accept".equals(choice)) {
      throw new HttpError(
          400, "We could not save your answer. Follow the partner's link again and answer there.");
    }
    // The click was recorded under this id when the link was followed: now the cookie holds it.
    r.setCookie(REFERRAL_COOKIE, visitor.get() + "; Max-Age=" + referralCookieAge());
    if (r.cookie(CONSENT_COOKIE).isPresent()) {
      r.setCookie(CONSENT_COOKIE, "; Max-Age=0");
    }
    return Response.redirect(303, next);
  }

  /** The referral cookie lives as long as the attribution window: longer would be of no use. */
  private long referralCookieAge() {
    return program.terms().attributionWindow().toSeconds();
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
}
