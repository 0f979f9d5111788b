package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.examples.portal.PortalClient.find;
import static org.partnerprogram.examples.portal.PortalClient.findAll;
import static org.partnerprogram.examples.portal.PortalClient.rows;
import static org.partnerprogram.examples.portal.PortalClient.setCookies;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal's handlers over real HTTP, without a browser. One portal serves all tests (each uses
 * its own e-mail addresses); only the last test moves its clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostPortalTest {
  private static final String IBAN = "NL91 ABNA 0417 1643 00";
  private static final String TOKEN = "landing=[0-9a-f]{32}-[0-9a-f]{32}";

  private DemoClock clock;
  private HostPortal portal;
  private URI base;

  @BeforeAll
  void start() throws Exception {
    clock = new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC));
    portal = new HostPortal(clock);
    base = portal.start(0);
  }

  @AfterAll
  void stop() {
    portal.stop();
  }

  @Test
  void aReferralLinkSetsNoCookieAndCarriesTheClickInTheAddressOfTheShop() throws Exception {
    String link = enrolledPartner(new PortalClient(base), "petra1@example.nl");
    assertThat(link).matches("http://127\\.0\\.0\\.1:\\d+/r/[2-9A-Z]{12}");
    PortalClient visitor = new PortalClient(base);

    HttpResponse<String> response = visitor.get(link);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).matches("/\\?" + TOKEN);
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    String landing = visitor.get(response.headers().firstValue("Location").orElseThrow()).body();
    assertThat(landing)
        .contains("<section class=\"consent\" id=\"consent\" aria-labelledby=\"consent-title\">")
        .contains("<form method=\"post\" action=\"/consent\" id=\"consent-form\">")
        .contains("<input type=\"hidden\" name=\"next\" value=\"/\">");
    assertThat(visitor.cookie(HostPortal.REFERRAL_COOKIE)).isEmpty();
  }

  @Test
  void acceptingTheCookieSetsItWithTheVisitorIdOfTheClickAsBeforeConsentWasAsked()
      throws Exception {
    String link = enrolledPartner(new PortalClient(base), "petra4@example.nl");
    PortalClient visitor = new PortalClient(base);
    String token = landingToken(visitor, link);

    HttpResponse<String> accepted = answer(visitor, token, "accept", "/");

    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/");
    assertThat(setCookies(accepted, HostPortal.REFERRAL_COOKIE))
        .containsExactly( // 90 days, the programme's attribution window
            "pp_visitor="
                + token.substring(0, 32)
                + "; Max-Age=7776000; Path=/; HttpOnly;"
                + " SameSite=Lax");
    assertThat(setCookies(accepted, HostPortal.CONSENT_COOKIE)).isEmpty();
    assertThat(visitor.get("/").body())
        .doesNotContain("id=\"consent\"")
        .contains(
            "<form class=\"inline\" method=\"post\" action=\"/consent\" id=\"withdraw-form\">");

    // Consented: the next link is followed as it always was, the cookie renewed, nothing asked.
    HttpResponse<String> again = visitor.get(link);
    assertThat(again.headers().firstValue("Location")).hasValue("/");
    assertThat(setCookies(again, HostPortal.REFERRAL_COOKIE))
        .singleElement()
        .asString()
        .startsWith("pp_visitor=" + token.substring(0, 32) + "; Max-Age=7776000;");

    // The button every page shows while the cookie is set withdraws the consent.
    HttpResponse<String> withdrawn =
        visitor.postRaw("/consent", csrfToken(visitor), "choice", "decline", "next", "/partner");
    assertThat(withdrawn.statusCode()).isEqualTo(303);
    assertThat(withdrawn.headers().firstValue("Location")).hasValue("/partner");
    assertThat(setCookies(withdrawn, HostPortal.REFERRAL_COOKIE))
        .containsExactly("pp_visitor=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    assertThat(setCookies(withdrawn, HostPortal.CONSENT_COOKIE))
        .singleElement()
        .asString()
        .startsWith("pp_consent=declined; Max-Age=15552000;");
    assertThat(visitor.cookie(HostPortal.REFERRAL_COOKIE)).isEmpty();
    assertThat(visitor.get("/").body()).doesNotContain("withdraw");
  }

  @Test
  void decliningIsRememberedByACookieThatSaysOnlyDeclinedAndTheClickStillAttributes()
      throws Exception {
    PortalClient partner = new PortalClient(base);
    String link = enrolledPartner(partner, "petra5@example.nl");
    PortalClient visitor = new PortalClient(base);
    String token = landingToken(visitor, link);

    HttpResponse<String> declined = answer(visitor, token, "decline", "/");

    assertThat(declined.statusCode()).isEqualTo(303);
    assertThat(declined.headers().firstValue("Location")).hasValue("/?landing=" + token);
    assertThat(setCookies(declined, HostPortal.CONSENT_COOKIE))
        .containsExactly(
            "pp_consent=declined; Max-Age=15552000; Path=/; HttpOnly; SameSite=Lax"); // 180 days
    assertThat(setCookies(declined, HostPortal.REFERRAL_COOKIE)).isEmpty();
    String page = visitor.get("/?landing=" + token).body();
    assertThat(page)
        .doesNotContain("id=\"consent\"")
        .contains("<input type=\"hidden\" name=\"landing\" value=\"" + token + "\">")
        .contains("<a href=\"/partner?landing=" + token + "\" id=\"nav-partner\">");

    // Another link: the click is carried again, and the question is not asked again.
    String second = landingToken(visitor, link);
    assertThat(second).isNotEqualTo(token); // a fresh visitor id for each click without a cookie
    assertThat(visitor.get("/?landing=" + second).body()).doesNotContain("id=\"consent\"");
    assertThat(visitor.cookie(HostPortal.REFERRAL_COOKIE)).isEmpty();

    visitor.post("/signup", "name", "Kees", "email", "kees5@example.nl", "landing", second);
    assertThat(visitor.cookie(HostPortal.REFERRAL_COOKIE)).isEmpty();
    assertThat(signups(partner)).isEqualTo("1");
    assertThat(find(partner.get("/partner").body(), "id=\"clicks\">(\\d+)<")).isEqualTo("2");
  }

  @Test
  void anUnansweredQuestionStillAttributesByTheCarriedClick() throws Exception {
    PortalClient partner = new PortalClient(base);
    String link = enrolledPartner(partner, "petra6@example.nl");
    PortalClient visitor = new PortalClient(base);
    String token = landingToken(visitor, link);

    visitor.post("/signup", "name", "Kim", "email", "kim6@example.nl", "landing", token);

    assertThat(signups(partner)).isEqualTo("1");
    assertThat(visitor.cookie(HostPortal.REFERRAL_COOKIE)).isEmpty();
    assertThat(visitor.cookie(HostPortal.CONSENT_COOKIE)).isEmpty();
  }

  @Test
  void aTypedCodeAttributesWithoutAnyClickAndBeatsTheCarriedOne() throws Exception {
    PortalClient typedPartner = new PortalClient(base);
    String typedLink = enrolledPartner(typedPartner, "petra7@example.nl");
    String code = typedLink.substring(typedLink.lastIndexOf('/') + 1);
    PortalClient clickedPartner = new PortalClient(base);
    String clickedLink = enrolledPartner(clickedPartner, "petra8@example.nl");

    new PortalClient(base)
        .post(
            "/signup",
            "name",
            "Tom",
            "email",
            "tom7@example.nl",
            "code",
            code.toLowerCase(Locale.ROOT));
    assertThat(signups(typedPartner)).isEqualTo("1");

    PortalClient both = new PortalClient(base);
    String token = landingToken(both, clickedLink);
    both.post(
        "/signup", "name", "Tess", "email", "tess7@example.nl", "landing", token, "code", code);
    assertThat(signups(typedPartner)).isEqualTo("2");
    assertThat(signups(clickedPartner)).isEqualTo("0");
  }

  @Test
  void aMalformedTypedCodeIsRefusedAndOpensNoAccount() throws Exception {
    PortalClient visitor = new PortalClient(base);
    String page =
        visitor.post(
            "/signup", "name", "Max", "email", "max9@example.nl", "code", "<b>NOT A CODE</b>");
    assertThat(page)
        .contains("That referral code is not valid. Check it, or leave it empty.")
        .doesNotContain("<b>NOT");
    assertThat(visitor.post("/signin", "email", "max9@example.nl"))
        .contains("No account has that e-mail address.");
  }

  @Test
  void aForgedOrTamperedLandingParameterIsIgnoredAndNeverShown() throws Exception {
    PortalClient partner = new PortalClient(base);
    String link = enrolledPartner(partner, "petra10@example.nl");
    PortalClient visitor = new PortalClient(base);
    String token = landingToken(visitor, link);
    String flipped = token.substring(0, 64) + (token.endsWith("0") ? "1" : "0");
    String ownChoice = "0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef";
    String hostile = "\"><script>alert(1)</script>";

    for (String forged :
        List.of(flipped, ownChoice, hostile, token + "0", token.toUpperCase(Locale.ROOT))) {
      String page =
          visitor.get("/?landing=" + URLEncoder.encode(forged, StandardCharsets.UTF_8)).body();
      assertThat(page)
          .as(forged)
          .doesNotContain("id=\"consent\"", "name=\"landing\"", "?landing=", "<script>alert");
      HttpResponse<String> answered =
          visitor.postRaw(
              "/consent", csrfToken(visitor), "landing", forged, "choice", "accept", "next", "/");
      assertThat(answered.statusCode()).as(forged).isEqualTo(400);
      assertThat(answered.body()).doesNotContain("<script>alert");
      assertThat(answered.headers().allValues("Set-Cookie")).as(forged).isEmpty();
    }
    // An answer that is neither accept nor decline, and a "next" that leaves the site.
    assertThat(
            visitor
                .postRaw("/consent", csrfToken(visitor), "landing", token, "choice", "maybe")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            answer(visitor, token, "decline", "//evil.example/").headers().firstValue("Location"))
        .hasValue("/?landing=" + token);
    // Declining needs no proof, but a forged token is not carried on.
    assertThat(answer(visitor, hostile, "decline", "/").headers().firstValue("Location"))
        .hasValue("/");

    visitor.post("/signup", "name", "Eve", "email", "eve10@example.nl", "landing", flipped);
    assertThat(signups(partner)).isEqualTo("0");
  }

  @Test
  void theConsentQuestionNeedsTheCsrfToken() throws Exception {
    String link = enrolledPartner(new PortalClient(base), "petra11@example.nl");
    PortalClient visitor = new PortalClient(base);
    String token = landingToken(visitor, link);
    HttpResponse<String> crossSite =
        visitor.postRaw("/consent", "00", "landing", token, "choice", "accept", "next", "/");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aCarriedClickOutsideTheAttributionWindowDoesNotAttribute() throws Exception {
    DemoClock windowClock =
        new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC));
    HostPortal windowed = new HostPortal(windowClock);
    URI windowedBase = windowed.start(0);
    try {
      PortalClient partner = new PortalClient(windowedBase);
      String link = enrolledPartner(partner, "petra12@example.nl");
      PortalClient early = new PortalClient(windowedBase);
      String old = landingToken(early, link);
      windowClock.moveTo(windowClock.instant().plus(Duration.ofDays(2)));
      PortalClient late = new PortalClient(windowedBase);
      String recent = landingToken(late, link);

      // 91 days after the first click and 89 after the second: the window is 90 days.
      windowClock.moveTo(windowClock.instant().plus(Duration.ofDays(89)));
      early.post("/signup", "name", "Old", "email", "old12@example.nl", "landing", old);
      partner.post("/signin", "email", "petra12@example.nl"); // the idle session has ended
      assertThat(signups(partner)).isEqualTo("0");
      late.post("/signup", "name", "New", "email", "new12@example.nl", "landing", recent);
      assertThat(signups(partner)).isEqualTo("1");
    } finally {
      windowed.stop();
    }
  }

  @Test
  void refOnAnyPageCarriesTheClickAndReturnsToThatPageOnly() throws Exception {
    String link = enrolledPartner(new PortalClient(base), "petra2@example.nl");
    String code = link.substring(link.lastIndexOf('/') + 1);
    PortalClient visitor = new PortalClient(base);

    HttpResponse<String> partnerPage = visitor.get("/partner?ref=" + code.toLowerCase(Locale.ROOT));
    assertThat(partnerPage.statusCode()).isEqualTo(302);
    String location = partnerPage.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/partner\\?" + TOKEN);
    assertThat(partnerPage.headers().allValues("Set-Cookie")).isEmpty();
    String page = visitor.get(location).body();
    assertThat(page)
        .contains("<input type=\"hidden\" name=\"next\" value=\"/partner\">")
        .contains(
            "<a href=\"/?landing="
                + location.substring("/partner?landing=".length())
                + "\">sign in</a>");

    // "//evil.example/" is a path here, but as a Location it would leave the site.
    HttpResponse<String> elsewhere = visitor.get(base + "/evil.example/?ref=" + code);
    assertThat(elsewhere.statusCode()).isEqualTo(302);
    assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).matches("/\\?" + TOKEN);
  }

  @Test
  void unknownAndMalformedCodesAreHarmless() throws Exception {
    PortalClient visitor = new PortalClient(base);
    for (String path :
        new String[] {
          "/r/NOSUCHCODE22", "/r/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/r/", "/?ref=%22%3E%3Cb%3E"
        }) {
      HttpResponse<String> response = visitor.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).hasValue("/");
      assertThat(setCookies(response, HostPortal.REFERRAL_COOKIE)).as(path).isEmpty();
    }
    HttpResponse<String> shop = visitor.get("/");
    assertThat(shop.statusCode()).isEqualTo(200);
    assertThat(shop.body()).contains("Sign up").doesNotContain("<script>alert");
  }

  @Test
  void aHostileCustomerNameIsShownAsTextEverywhere() throws Exception {
    String hostile = "<script>alert(\"pwned\")</script><img src=x onerror='alert(1)'>";
    PortalClient customer = new PortalClient(base);

    String shop = customer.post("/signup", "name", hostile, "email", "mallory@example.nl");
    String partner = customer.get("/partner").body();

    String escaped =
        "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"
            + "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;";
    assertThat(shop).contains("Welcome, " + escaped).contains(">" + escaped + "</span>");
    assertThat(partner).contains("value=\"" + escaped + "\""); // the account holder field
    for (String page : new String[] {shop, partner}) {
      assertThat(page).doesNotContain("<script>alert", "<img src=x", "'alert(1)'");
    }
  }

  @Test
  void stateChangesNeedTheCsrfTokenOfTheSessionOrTheBrowser() throws Exception {
    PortalClient attacker = new PortalClient(base);
    // No cookie at all (a cross-site form post with SameSite=Lax cookies looks like this).
    assertThat(attacker.postRaw("/signup", "00", "name", "X", "email", "x@example.nl").statusCode())
        .isEqualTo(403);
    attacker.get("/"); // now with the browser's CSRF cookie, but a guessed token
    HttpResponse<String> guessed =
        attacker.postRaw(
            "/signup", "0123456789abcdef0123456789abcdef", "name", "X", "email", "x@e.nl");
    assertThat(guessed.statusCode()).isEqualTo(403);
    assertThat(guessed.body()).contains("session has expired");
    assertThat(attacker.postRaw("/signup", null, "name", "X", "email", "x@e.nl").statusCode())
        .isEqualTo(403);
    // A token from another browser's page is worth nothing in this one.
    String othersToken =
        find(new PortalClient(base).get("/").body(), "name=\"csrf\" value=\"([0-9a-f]+)\"");
    assertThat(attacker.postRaw("/signin", othersToken, "email", "x@e.nl").statusCode())
        .isEqualTo(403);

    String page = attacker.post("/signin", "email", "x@e.nl");
    assertThat(page).contains("No account has that e-mail address.");
  }

  @Test
  void signingInRenewsTheSessionId() throws Exception {
    PortalClient customer = new PortalClient(base);
    customer.post("/signin", "email", "nobody@example.nl"); // its message starts a session
    String before = customer.cookie(HostPortal.SESSION_COOKIE).orElseThrow();
    HttpResponse<String> signup =
        customer.postRaw(
            "/signup",
            find(customer.get("/").body(), "name=\"csrf\" value=\"([0-9a-f]+)\""),
            "name",
            "Ann",
            "email",
            "ann@example.nl");
    assertThat(signup.statusCode()).isEqualTo(303);
    assertThat(setCookies(signup, HostPortal.SESSION_COOKIE))
        .singleElement()
        .asString()
        .matches("sid=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax");
    assertThat(customer.cookie(HostPortal.SESSION_COOKIE).orElseThrow()).isNotEqualTo(before);
  }

  @Test
  void thePageBeforeEnrollingShowsTheProgrammesRateCardWithItsLabelsAsText() throws Exception {
    PortalClient client = new PortalClient(base);
    client.post("/signup", "name", "Karel Appel", "email", "karel@example.nl");

    String page = client.get("/partner").body();

    // From program.rates().card(): the rates and the labels the host set with them, escaped.
    assertThat(page)
        .contains("<th>Category</th>", "<td>Virtual servers</td>", "<td>Shared hosting</td>")
        .contains("<td>SSL &amp; security</td>")
        .doesNotContain("SSL & security");
    assertThat(find(page, "VPS M, 1 month</td><td class=\"amount\">([^<]+)<")).isEqualTo("12.5 %");
  }

  @Test
  void enrolmentIssuesOneReferralLink() throws Exception {
    PortalClient client = new PortalClient(base);
    client.post("/signup", "name", "Olga Smit", "email", "olga@example.nl");

    String page = client.post("/partner/enrol", "iban", IBAN, "holder", "O. Smit");

    // PortalClient fails on any id used twice; here: one link, one copy button.
    assertThat(findAll(page, "value=\"(http://[^\"]+/r/[^\"]+)\"")).hasSize(1);
    assertThat(findAll(page, "(<button[^>]*>Copy</button>)")).hasSize(1);
  }

  @Test
  void anOrderTheProgrammeCannotTakeLeavesNoInvoice() throws Exception {
    PortalClient customer = new PortalClient(base);
    customer.post("/signup", "name", "Bulk Buyer", "email", "bulk@example.nl");
    List<String> form = new ArrayList<>();
    for (int i = 0; i <= 500; i++) { // 501 lines; the SDK takes at most 500
      form.add("product");
      form.add("vps-m");
    }

    String shop = customer.post("/order", form.toArray(String[]::new));

    assertThat(shop).contains("an order has at most 500 products").doesNotContain("INV-");
    assertThat(customer.post("/order", "product", "vps-m")).contains("is waiting for payment");
  }

  @Test
  void anOrderOrPaymentTheProgrammeCannotRecordLeavesTheShopAsItWas() throws Exception {
    String url =
        "jdbc:h2:mem:portal-failure-"
            + HostShop.randomHex(4)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    HostPortal failing =
        new HostPortal(
            new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC)),
            url,
            false,
            HostPortal.Limits.defaults());
    URI failingBase = failing.start(0);
    try (Connection db = DriverManager.getConnection(url, "sa", "");
        Statement sql = db.createStatement()) {
      PortalClient partner = new PortalClient(failingBase);
      String link = enrolledPartner(partner, "petra4@example.nl");
      PortalClient visitor = new PortalClient(failingBase);
      answer(visitor, landingToken(visitor, link), "accept", "/");
      visitor.post("/signup", "name", "Joost", "email", "joost@example.nl");

      // The programme cannot store orders: the shop keeps no invoice either.
      sql.execute("ALTER TABLE pp_order RENAME TO pp_order_away");
      String refused = visitor.post("/order", "product", "shared-hosting-basic");
      sql.execute("ALTER TABLE pp_order_away RENAME TO pp_order");
      assertThat(refused).contains("could not be placed").doesNotContain("INV-");

      String ordered = visitor.post("/order", "product", "shared-hosting-basic");
      String invoice = find(ordered, "Invoice (INV-\\d+) is waiting for payment");

      // The programme cannot record the payment: the invoice stays open, nothing says "Paid".
      sql.execute("ALTER TABLE pp_ledger_entry RENAME TO pp_ledger_entry_away");
      String unpaid = visitor.post("/pay", "invoice", invoice);
      sql.execute("ALTER TABLE pp_ledger_entry_away RENAME TO pp_ledger_entry");
      assertThat(unpaid).contains("could not be recorded").contains("id=\"pay-" + invoice + "\"");
      assertThat(rows(unpaid, "invoices").get(1)).doesNotContain("Paid");
      assertThat(find(partner.get("/partner").body(), "id=\"payable\">([^<]+)<"))
          .isEqualTo("EUR 0.00");

      String paid = visitor.post("/pay", "invoice", invoice);
      assertThat(paid).contains("Invoice " + invoice + " is paid.");
      assertThat(rows(paid, "invoices").get(1)).contains("Paid");
      assertThat(find(partner.get("/partner").body(), "id=\"payable\">([^<]+)<"))
          .isEqualTo("EUR 14.85");
    } finally {
      failing.stop();
    }
  }

  @Test
  void slowConnectionsAreCutAndDoNotStallThePortal() throws Exception {
    HostPortal small =
        new HostPortal(
            new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC)),
            HostPortal.Limits.defaults().withThreads(2).withIoTimeout(Duration.ofSeconds(1)));
    URI smallBase = small.start(0);
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) { // more than the portal's threads
        Socket socket = new Socket(smallBase.getHost(), smallBase.getPort());
        slow.add(socket);
        String request =
            i % 2 == 0
                ? "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Unfinished: " // headers never end
                : "POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n" // 7 of 100 body bytes
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\nemail=a";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      Thread.sleep(200); // let them reach the server's threads

      long start = System.nanoTime();
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(smallBase).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      for (Socket socket : slow) { // the server closed each (end of stream or reset)
        socket.setSoTimeout(5_000);
        try {
          assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (SocketException reset) {
          assertThat(reset).hasMessageContaining("reset");
        }
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
      small.stop();
    }
  }

  @Test
  void aFormOverTheSizeLimitIsRefusedBeforeItIsSent() throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              ("POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Content-Type: application/x-www-form-urlencoded\r\n"
                      + "Content-Length: 10000000\r\n\r\nemail=")
                  .getBytes(StandardCharsets.US_ASCII));

      // The answer comes at once, without waiting for the 10 MB the client announced.
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
  }

  @Test
  void aVisitorWithoutACookieGetsNoSession() throws Exception {
    int before = portal.sessionCount();
    HttpClient cookieless = HttpClient.newHttpClient();
    for (int batch = 0; batch < 30; batch++) { // 600 GETs, 20 at a time
      List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String path = List.of("/", "/partner", "/admin").get(i % 3);
        pages.add(
            cookieless.sendAsync(
                HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> page : pages) {
        HttpResponse<String> response = page.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(setCookies(response, HostPortal.SESSION_COOKIE))
            .as(response.uri().toString())
            .isEmpty();
      }
    }
    assertThat(portal.sessionCount()).isEqualTo(before);
  }

  @Test
  void whenTheSessionsAreFullTheLeastRecentlyUsedEnds() throws Exception {
    HostPortal full =
        new HostPortal(
            new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC)),
            HostPortal.Limits.defaults().withMaxSessions(3));
    URI fullBase = full.start(0);
    try {
      List<PortalClient> customers = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        PortalClient customer = new PortalClient(fullBase);
        customer.post("/signup", "name", "Customer " + i, "email", "c" + i + "@example.nl");
        customers.add(customer);
      }
      customers.get(0).get("/"); // the first is used again: the second is now the oldest

      PortalClient fourth = new PortalClient(fullBase);
      fourth.post("/signup", "name", "Customer 4", "email", "c4@example.nl");

      assertThat(full.sessionCount()).isEqualTo(3);
      assertThat(customers.get(0).get("/").body()).contains("id=\"who\">Customer 1<");
      assertThat(customers.get(1).get("/").body()).doesNotContain("id=\"who\"");
      assertThat(customers.get(2).get("/").body()).contains("id=\"who\">Customer 3<");
      assertThat(fourth.get("/").body()).contains("id=\"who\">Customer 4<");
    } finally {
      full.stop();
    }
  }

  @Test
  void anIdleSessionExpiresOnTheProgrammesClock() throws Exception {
    DemoClock idleClock =
        new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC));
    HostPortal idle = new HostPortal(idleClock);
    URI idleBase = idle.start(0);
    try {
      PortalClient ann = new PortalClient(idleBase);
      ann.post("/signup", "name", "Ann", "email", "ann.idle@example.nl");

      idleClock.moveTo(idleClock.instant().plus(Duration.ofMinutes(29)));
      assertThat(find(ann.get("/").body(), "id=\"who\">([^<]+)<")).isEqualTo("Ann");
      idleClock.moveTo(idleClock.instant().plus(Duration.ofMinutes(29))); // used 29 minutes ago
      assertThat(find(ann.get("/").body(), "id=\"who\">([^<]+)<")).isEqualTo("Ann");

      idleClock.moveTo(idleClock.instant().plus(Duration.ofMinutes(31)));
      HttpResponse<String> expired = ann.get("/");
      assertThat(expired.body()).doesNotContain("id=\"who\"").contains("Sign in");
      assertThat(setCookies(expired, HostPortal.SESSION_COOKIE))
          .containsExactly("sid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    } finally {
      idle.stop();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // it moves the clock
  void aReferredCustomersPaymentEarnsAndClosingTheMonthPaysItOut() throws Exception {
    PortalClient partner = new PortalClient(base);
    String link = enrolledPartner(partner, "petra3@example.nl");
    PortalClient visitor = new PortalClient(base);
    answer(visitor, landingToken(visitor, link), "accept", "/");
    visitor.post("/signup", "name", "Klaas", "email", "klaas@example.nl");
    String shop = visitor.post("/order", "product", "shared-hosting-basic", "product", "domain-nl");
    String invoice = find(shop, "Invoice (INV-\\d+) is waiting for payment");

    String ordered = partner.get("/partner").body();
    assertThat(find(ordered, "id=\"status\">([^<]+)<")).isEqualTo("Active");
    assertThat(find(ordered, "id=\"clicks\">(\\d+)<")).isEqualTo("1");
    assertThat(find(ordered, "id=\"signups\">(\\d+)<")).isEqualTo("1");
    assertThat(find(ordered, "id=\"pending\">([^<]+)<")).isEqualTo("EUR 14.85"); // 25 % of 59.40
    String hosting = "Webhosting Basic, 12 months";
    assertThat(rows(ordered, "commission"))
        .containsExactly(
            List.of("Date", "Order", "Product", "State", "Pending", "Earned"),
            List.of("10 Nov 2026 11:00", invoice, hosting, "pending", "EUR +14.85", ""));

    visitor.post("/pay", "invoice", invoice);
    String paid = partner.get("/partner").body();
    assertThat(find(paid, "id=\"pending\">([^<]+)<")).isEqualTo("EUR 0.00");
    assertThat(find(paid, "id=\"payable\">([^<]+)<")).isEqualTo("EUR 14.85");
    // One row per line and change, signed: each column adds up to what the earnings table says.
    List<List<String>> commission = rows(paid, "commission");
    assertThat(commission.subList(1, commission.size()))
        .containsExactlyInAnyOrder(
            List.of("10 Nov 2026 11:00", invoice, hosting, "pending", "EUR +14.85", ""),
            List.of("10 Nov 2026 11:00", invoice, hosting, "earned", "EUR -14.85", "EUR +14.85"));
    assertThat(columnSum(commission, 4)).isEqualByComparingTo("0.00"); // pending
    assertThat(columnSum(commission, 5)).isEqualByComparingTo("14.85"); // payable, nothing held
    assertThat(PortalClient.text(paid))
        .doesNotContainPattern("\\b(ACCRUED|EARNED|CANCELLED|REVERSED|CREATED|ACTIVE)\\b");

    PortalClient admin = new PortalClient(base);
    String adminPage = admin.get("/admin").body();
    assertThat(find(adminPage, "id=\"last-closed\">([^<]+)<"))
        .isEqualTo("No month has been closed yet.");
    assertThat(find(adminPage, "id=\"close-month\">([^<]+)<"))
        .isEqualTo("Close October 2026 and create its payouts");
    // The first close may be any ended month: October had nothing to pay.
    String afterOctober = admin.post("/admin/close-month", "month", "2026-10");
    assertThat(afterOctober).contains("Closed October 2026: no payouts.");
    assertThat(find(afterOctober, "id=\"last-closed\">([^<]+)<"))
        .isEqualTo("Last closed: October 2026.");
    assertThat(afterOctober)
        .doesNotContain("id=\"close-month\"")
        .contains("November 2026 can be closed from 1 Dec 2026 00:00.");

    assertThat(admin.post("/admin/next-month")).contains("1 Dec 2026 09:00");
    String december = admin.get("/admin").body();
    assertThat(find(december, "id=\"close-month\">([^<]+)<"))
        .isEqualTo("Close November 2026 and create its payouts");
    String afterNovember = admin.post("/admin/close-month", "month", "2026-11");
    assertThat(afterNovember).contains("Closed November 2026: 1 payout, EUR 14.85.");
    assertThat(find(afterNovember, "id=\"last-closed\">([^<]+)<"))
        .isEqualTo("Last closed: November 2026.");
    assertThat(afterNovember).doesNotContain("id=\"close-month\"");
    // A form from before (another tab) does not close anything twice.
    assertThat(admin.post("/admin/close-month", "month", "2026-11"))
        .contains("November 2026 was closed already.");

    // Three weeks later Petra's session has expired: she signs in again.
    partner.post("/signin", "email", "petra3@example.nl");
    String closed = partner.get("/partner").body();
    assertThat(find(closed, "id=\"payable\">([^<]+)<")).isEqualTo("EUR 0.00");
    // Created by the close, not yet confirmed by the bank: in a payout, not paid.
    assertThat(find(closed, "id=\"in-payout\">([^<]+)<")).isEqualTo("EUR 14.85");
    assertThat(find(closed, "id=\"paid\">([^<]+)<")).isEqualTo("EUR 0.00");
    assertThat(rows(closed, "payouts"))
        .containsExactly(
            List.of("Month", "Amount", "Status", "Account", "Reference"),
            List.of(
                "November 2026",
                "EUR 14.85",
                "on its way: being prepared",
                "NL************4300",
                find(closed, "(PO[0-9A-Za-z]{24})")));
  }

  /** The sum of a column of signed amounts such as "EUR +1.00" and "EUR -2.00" (blank is 0). */
  private static BigDecimal columnSum(List<List<String>> rows, int column) {
    BigDecimal sum = BigDecimal.ZERO;
    for (List<String> row : rows.subList(1, rows.size())) {
      String cell = row.get(column);
      if (!cell.isEmpty()) {
        sum = sum.add(new BigDecimal(cell.replace("EUR ", "").replace("+", "")));
      }
    }
    return sum;
  }

  /** Follows a referral link without a referral cookie and returns the landing token it carries. */
  private static String landingToken(PortalClient visitor, String link) throws Exception {
    HttpResponse<String> response = visitor.get(link);
    assertThat(response.statusCode()).isEqualTo(302);
    return find(response.headers().firstValue("Location").orElseThrow(), "landing=([0-9a-f-]+)$");
  }

  /** Answers the consent question with the browser's CSRF token. */
  private static HttpResponse<String> answer(
      PortalClient visitor, String token, String choice, String next) throws Exception {
    return visitor.postRaw(
        "/consent", csrfToken(visitor), "landing", token, "choice", choice, "next", next);
  }

  private static String csrfToken(PortalClient client) throws Exception {
    return find(client.get("/").body(), "name=\"csrf\" value=\"([0-9a-f]+)\"");
  }

  /** The partner's count of customers who signed up through them, from their page. */
  private static String signups(PortalClient partner) throws Exception {
    return find(partner.get("/partner").body(), "id=\"signups\">(\\d+)<");
  }

  /** Signs a customer up, enrols them with a payout account and returns their referral link. */
  private static String enrolledPartner(PortalClient client, String email) throws Exception {
    client.post("/signup", "name", "Petra de Vries", "email", email);
    String page = client.post("/partner/enrol", "iban", IBAN, "holder", "P. de Vries");
    assertThat(page).contains("Welcome to the partner programme!");
    List<String> links = findAll(page, "value=\"(http://[^\"]+/r/[^\"]+)\"");
    assertThat(links).hasSize(1);
    return links.get(0);
  }
}
