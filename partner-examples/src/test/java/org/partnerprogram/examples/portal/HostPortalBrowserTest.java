package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's story end to end in a real headless browser: a partner enrols and copies their link, a
 * visitor follows it, accepts the referral cookie, signs up, orders and pays, the admin closes the
 * month, and the partner finds the commission and the payout. And the consent question: every
 * element of it, accepting (the cookie, last touch), declining or not answering (no referral
 * cookie, attribution by the click carried in the page), a typed code, and tampered parameters.
 *
 * <p>It drives Debian's {@code chromium} through {@code chromedriver} at fixed paths and never lets
 * Selenium download a browser or driver. Without them it is skipped with one line on a developer
 * machine, and fails in the project's strict mode ({@code PARTNER_STRICT=true} or {@code
 * -Dpartner.strict=true}; {@code .ci/run} sets it and installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostPortalBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String LINK = "http://127\\.0\\.0\\.1:\\d+/r/[2-9A-Z]{12}";
  private static final String LANDING =
      "http://127\\.0\\.0\\.1:\\d+/\\?landing=[0-9a-f]{32}-[0-9a-f]{32}";
  private static final String CONSENT_TEXT =
      "You came here through a link from one of our partners. With your permission we keep a"
          + " cookie for 90 days that says which partner it was, so that they earn a reward if you"
          + " become a customer in that time. It costs you nothing, and the partner never sees who"
          + " you are. Without the cookie, the partner still earns it if you sign up on this visit.";
  private static final String ENUM_NAMES =
      "\\b(ACCRUED|EARNED|CANCELLED|REVERSED|CREATED|EXPORTED|PAID|FAILED|ACTIVE|SUSPENDED"
          + "|TERMINATED)\\b";
  private static final Duration WAIT =
      Duration.ofSeconds(20); // an upper bound, never a measurement

  private DemoClock clock;
  private HostPortal portal;
  private URI base;
  private Path profile;
  private WebDriver browser;

  @BeforeAll
  void start() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        missing.add(p.toString());
      }
    }
    if (!missing.isEmpty()) {
      String message =
          "HostPortalBrowserTest needs "
              + String.join(" and ", missing)
              + ": apt-get install chromium chromium-driver";
      if (strict()) {
        fail(
            message
                + " (PARTNER_STRICT is set, so the browser test must run; .ci/run installs them)");
      }
      System.out.println("SKIPPED: " + message); // surefire does not print the assumption
      assumeTrue(false, message);
    }
    // Selenium Manager would otherwise look for (and may download) a browser and a driver.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");

    clock = new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC));
    portal = new HostPortal(clock);
    base = portal.start(0);

    profile = Files.createTempDirectory("portal-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  /**
   * The project's strict mode, as partner-jdbc-adapter's test harness reads it: {@code
   * -Dpartner.strict}, else {@code PARTNER_STRICT}, is {@code true}. The generic {@code CI}
   * variable is ignored: most CI services set it for every build.
   */
  private static boolean strict() {
    String value = System.getProperty("partner.strict");
    if (value == null || value.isEmpty()) {
      value = System.getenv("PARTNER_STRICT");
    }
    return Boolean.parseBoolean(value);
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (portal != null) {
      portal.stop();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Each test starts as a browser that has never been here: no cookies. */
  @BeforeEach
  void forget() {
    browser.get(base.toString());
    browser.manage().deleteAllCookies();
  }

  @Test
  void aReferredCustomerPaysAndThePartnerSeesCommissionPayoutAndCopiesTheLink() {
    // Petra, an existing customer, enrols in the partner programme and gets her link.
    signUp("Petra de Vries", "petra@example.nl");
    submit(By.id("nav-partner"));
    assertThat(text("rates"))
        .contains("Webhosting Basic, 12 months 25 %")
        .contains("VPS M")
        .contains("Virtual servers")
        .contains("SSL & security"); // the card's labels, as text
    browser.findElement(By.id("iban")).sendKeys("NL91 ABNA 0417 1643 00");
    submit(By.id("enrol-button"));
    assertThat(text("flash")).isEqualTo("Welcome to the partner programme! Share your link below.");
    assertThat(text("status")).isEqualTo("Active");
    List<String> links = links();
    assertThat(links).singleElement().asString().matches(LINK);
    String link = links.get(0);
    submit(By.id("signout"));

    // A visitor follows the link, accepts the referral cookie, and is in the shop.
    open(link);
    assertThat(browser.getCurrentUrl()).matches(LANDING);
    assertThat(referralCookie()).isNull();
    submit(By.id("consent-accept"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base.toString());
    Cookie referral = referralCookie();
    assertThat(referral).isNotNull();
    assertThat(referral.isHttpOnly()).isTrue();
    assertThat(referral.getSameSite()).isEqualTo("Lax");
    assertThat(referral.getValue()).matches("[0-9a-f]{32}");

    // ...signs up, orders shared hosting and a domain name, and pays.
    signUp("Klaas Jansen", "klaas@example.nl");
    browser.findElement(By.id("product-shared-hosting-basic")).click();
    browser.findElement(By.id("product-domain-nl")).click();
    submit(By.cssSelector("#order button[type=submit]"));
    assertThat(text("flash")).matches("Thank you! Invoice INV-\\d+ is waiting for payment\\.");
    String invoice = text("flash").replaceAll(".*(INV-\\d+).*", "$1");
    submit(By.id("pay-" + invoice));
    assertThat(text("flash")).isEqualTo("Invoice " + invoice + " is paid.");
    assertThat(text("invoices"))
        .contains("Total excl. VAT")
        .contains(invoice)
        .contains("EUR 68.35")
        .contains("Paid");
    submit(By.id("signout"));

    // The month ends; the admin closes it, and is offered nothing more to close.
    open(base.resolve("/admin").toString());
    assertThat(text("last-closed")).isEqualTo("No month has been closed yet.");
    submit(By.id("next-month"));
    assertThat(text("now")).isEqualTo("1 Dec 2026 09:00");
    assertThat(text("close-month")).isEqualTo("Close November 2026 and create its payouts");
    submit(By.id("close-month"));
    // (The admin test's zero balance, if it ran first, is carried over: a second sentence.)
    assertThat(text("flash")).startsWith("Closed November 2026: 1 payout, EUR 14.85.");
    assertThat(text("last-closed")).isEqualTo("Last closed: November 2026.");
    assertThat(browser.findElements(By.id("close-month"))).isEmpty();
    assertThat(text("next-close")).isEqualTo("December 2026 can be closed from 1 Jan 2027 00:00.");

    // Petra finds the commission (25 % of 59.40; the domain does not participate) and the payout.
    signIn("petra@example.nl");
    submit(By.id("nav-partner"));
    assertThat(text("clicks")).isEqualTo("1");
    assertThat(text("signups")).isEqualTo("1");
    assertThat(text("commission"))
        .contains("Date Order Product State Pending Earned")
        .contains(invoice + " Webhosting Basic, 12 months pending EUR +14.85")
        .contains(invoice + " Webhosting Basic, 12 months earned EUR -14.85 EUR +14.85")
        .doesNotContain(".nl domain name"); // no rate, no commission
    assertThat(text("pending")).isEqualTo("EUR 0.00");
    assertThat(text("in-payout")).isEqualTo("EUR 14.85");
    assertThat(text("paid")).isEqualTo("EUR 0.00");
    assertThat(text("payable")).isEqualTo("EUR 0.00");
    assertThat(text("payouts"))
        .contains("November 2026 EUR 14.85 on its way: being prepared NL************4300 PO");

    // She adds a link with a code of her own: two links, each with its own copy button.
    browser.findElement(By.id("code")).sendKeys("petra-2026");
    submit(By.id("add-code-button"));
    assertThat(text("flash")).isEqualTo("Your new link with PETRA-2026 is below.");
    links = links();
    assertThat(links).containsExactly(link, base + "r/PETRA-2026");

    // She clicks each copy button. The test lets the page use the clipboard where the browser
    // allows it; where it does not, the page falls back to selecting the link and
    // execCommand('copy').
    boolean granted = grantClipboard();
    List<WebElement> buttons = browser.findElements(By.cssSelector("button.copy"));
    assertThat(buttons).hasSize(links.size());
    List<Object> copiedLinks = new ArrayList<>();
    for (WebElement button : buttons) {
      Map<String, Object> copied = clickCopy(button);
      copiedLinks.add(copied.get("value"));
      assertThat(copied)
          .containsEntry("feedback", "Copied")
          .containsEntry("focused", true)
          .containsEntry("selected", copied.get("value"));
      if (granted) { // then the page used the clipboard, and it can be read back
        assertThat(copied).containsEntry("method", "clipboard");
        assertThat(clipboard()).isEqualTo(copied.get("value"));
      }
    }
    assertThat(copiedLinks).containsExactlyElementsOf(links); // each button its own link

    // A browser that refuses the clipboard API: the fallback selects each link and copies that.
    js(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: function () {"
            + " return Promise.reject(new Error('denied')); }}});");
    for (WebElement button : buttons) {
      Map<String, Object> copied = clickCopy(button);
      assertThat(copied)
          .containsEntry("method", "selection")
          .containsEntry("feedback", "Copied")
          .containsEntry("focused", true)
          .containsEntry("selected", copied.get("value"));
    }
  }

  @Test
  void theAdminBooksAnAdjustmentThatTheAuditTrailAndThePartnerShowAndABadReasonBooksNothing() {
    signUp("Ada Admin-Test", "ada-admin@example.nl");
    submit(By.id("nav-partner"));
    browser.findElement(By.id("iban")).sendKeys("NL91 ABNA 0417 1643 00");
    submit(By.id("enrol-button"));
    String code = links().get(0).replaceAll(".*/r/", "");

    open(base.resolve("/admin").toString());
    // Every element the new part of the page shows.
    assertThat(text("funnel")).contains("Clicks on referral links").contains("Paid out");
    assertThat(text("funnel-clicks")).matches("\\d+");
    assertThat(text("funnel-earned")).startsWith("EUR ");
    assertThat(
            browser.findElements(By.id("top")).size()
                + browser.findElements(By.id("top-none")).size())
        .isEqualTo(1);
    for (String id :
        List.of(
            "adjust-partner",
            "adjust-amount",
            "adjust-reason",
            "adjust-order",
            "adjust-button",
            "write-off-partner",
            "write-off-reason",
            "write-off-button")) {
      assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
    }
    assertThat(text("audit-verify")).isEqualTo("The chain is intact.");

    // An adjustment with a hostile reason: booked, and the reason shows as text.
    String reason = "goodwill <b id=\"x\">bold</b> & more";
    browser.findElement(By.id("adjust-partner")).sendKeys(code);
    browser.findElement(By.id("adjust-amount")).sendKeys("5.00");
    browser.findElement(By.id("adjust-reason")).sendKeys(reason);
    submit(By.id("adjust-button"));
    assertThat(text("flash")).startsWith("Booked EUR 5.00 for partner ");
    assertThat(browser.findElements(By.id("x"))).isEmpty();
    assertThat(text("audit")).contains(reason).contains("operator:");
    assertThat(text("audit-verify")).isEqualTo("The chain is intact.");
    int rows = browser.findElements(By.cssSelector("#audit tr")).size();

    // A reason of 201 characters: an error message, nothing booked.
    browser.findElement(By.id("adjust-partner")).sendKeys(code);
    browser.findElement(By.id("adjust-amount")).sendKeys("7.00");
    browser.findElement(By.id("adjust-reason")).sendKeys("r".repeat(201));
    submit(By.id("adjust-button"));
    assertThat(text("flash")).startsWith("Not booked: reason ");
    assertThat(browser.findElements(By.cssSelector("#audit tr"))).hasSize(rows);

    // An unknown partner and a refused write-off: messages, never an error page.
    browser.findElement(By.id("adjust-partner")).sendKeys("NO-SUCH-PARTNER");
    browser.findElement(By.id("adjust-amount")).sendKeys("1.00");
    browser.findElement(By.id("adjust-reason")).sendKeys("test");
    submit(By.id("adjust-button"));
    assertThat(text("flash")).isEqualTo("Not booked: no such partner.");
    browser.findElement(By.id("write-off-partner")).sendKeys(code);
    browser.findElement(By.id("write-off-reason")).sendKeys("nothing owed");
    submit(By.id("write-off-button"));
    assertThat(text("flash"))
        .isEqualTo(
            "Not written off: the partner is still in the programme; later earnings net against"
                + " what it owes.");
    assertThat(browser.findElements(By.cssSelector("#audit tr"))).hasSize(rows);

    // The partner sees the adjustment in the commission list.
    submit(By.id("nav-partner"));
    assertThat(text("commission")).contains("adjustment (added)").contains("EUR +5.00");

    // Taken back, so that the month's close in the other test pays no one else.
    open(base.resolve("/admin").toString());
    browser.findElement(By.id("adjust-partner")).sendKeys(code);
    browser.findElement(By.id("adjust-amount")).sendKeys("-5.00");
    browser.findElement(By.id("adjust-reason")).sendKeys("taken back");
    submit(By.id("adjust-button"));
    assertThat(text("flash")).startsWith("Booked EUR -5.00 for partner ");
    assertThat(text("audit")).contains("taken back");
  }

  @Test
  void theConsentQuestionIsCompleteAndAcceptingSetsTheCookieAndTheLastLinkFollowedWins() {
    String anna = enrolledPartnersLink("Anna Bakker", "anna@example.nl");
    String bram = enrolledPartnersLink("Bram Smit", "bram@example.nl");

    open(anna);
    assertThat(browser.getCurrentUrl()).matches(LANDING);
    String token = landingToken();
    assertThat(referralCookie()).isNull(); // nothing before the visitor said yes
    consentQuestionReadsRight(token, "/");

    submit(By.id("consent-accept"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base.toString());
    assertThat(browser.findElements(By.id("consent"))).isEmpty();
    Cookie cookie = referralCookie();
    assertThat(cookie).isNotNull();
    assertThat(cookie.getValue()).isEqualTo(token.substring(0, 32)); // the click's visitor id
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(daysLeft(cookie)).isBetween(89L, 90L); // the attribution window
    WebElement withdraw = browser.findElement(By.id("withdraw-consent"));
    assertThat(withdraw.getAccessibleName()).isEqualTo("Remove the referral cookie");
    assertThat(browser.findElement(By.tagName("footer")).getText())
        .isEqualTo(
            "A partner's referral cookie is set in this browser. Remove the referral cookie");

    // A minute later, with the cookie, a second link is followed as it always was: no question,
    // the same id.
    clock.moveTo(clock.instant().plus(Duration.ofMinutes(1)));
    open(bram);
    assertThat(browser.getCurrentUrl()).isEqualTo(base.toString());
    assertThat(browser.findElements(By.id("consent"))).isEmpty();
    assertThat(referralCookie().getValue()).isEqualTo(token.substring(0, 32));
    fillInSignUp("Carla Visser", "carla@example.nl", "");
    submit(By.id("signout"));

    assertThat(signupsOf("bram@example.nl")).isEqualTo("1"); // last touch
    assertThat(signupsOf("anna@example.nl")).isEqualTo("0");

    // Withdrawing is one button on any page: the referral cookie is gone, "declined" remembered.
    open(base + "partner");
    submit(By.id("withdraw-consent"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "partner");
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE);
    assertThat(browser.manage().getCookieNamed(HostPortal.CONSENT_COOKIE).getValue())
        .isEqualTo("declined");
    assertThat(browser.findElements(By.id("withdraw-consent"))).isEmpty();
  }

  @Test
  void declinedLeavesNoReferralCookieAndTheClickCarriedThroughTheLinksStillAttributes() {
    String dirk = enrolledPartnersLink("Dirk Mulder", "dirk@example.nl");

    open(dirk);
    String token = landingToken();
    submit(By.id("consent-decline"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "?landing=" + token);
    assertThat(browser.findElements(By.id("consent"))).isEmpty();
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE);
    Cookie declined = browser.manage().getCookieNamed(HostPortal.CONSENT_COOKIE);
    assertThat(declined.getValue()).isEqualTo("declined"); // the same for everybody
    assertThat(declined.isHttpOnly()).isTrue();
    assertThat(daysLeft(declined)).isBetween(179L, 180L);

    // Remembered: the next link asks nothing and sets nothing, and carries its own click.
    open(dirk);
    String second = landingToken();
    assertThat(second).isNotEqualTo(token);
    assertThat(browser.findElements(By.id("consent"))).isEmpty();
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE);

    // The portal's own links carry the click: to the partner page and back to the shop.
    submit(By.id("nav-partner"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "partner?landing=" + second);
    submit(By.linkText("sign in"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "?landing=" + second);
    WebElement carried = browser.findElement(By.cssSelector("#signup input[name=landing]"));
    assertThat(carried.getDomAttribute("type")).isEqualTo("hidden");
    assertThat(carried.getDomProperty("value")).isEqualTo(second);
    fillInSignUp("Emma de Boer", "emma@example.nl", "");
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE);
    submit(By.id("signout"));

    assertThat(signupsOf("dirk@example.nl")).isEqualTo("1");
  }

  @Test
  void anUnansweredQuestionSetsNoCookieAndTheSignupOnThePageStillAttributes() {
    String eva = enrolledPartnersLink("Eva Peters", "eva@example.nl");

    open(eva);
    assertThat(browser.findElement(By.id("consent")).isDisplayed()).isTrue();
    fillInSignUp("Finn Dekker", "finn@example.nl", "");
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE, HostPortal.CONSENT_COOKIE);
    submit(By.id("signout"));

    assertThat(signupsOf("eva@example.nl")).isEqualTo("1");
  }

  @Test
  void aTypedCodeAttributesWithoutAnyCookieAndBeatsTheCarriedClick() {
    String femke = enrolledPartnersLink("Femke Hendriks", "femke@example.nl");
    String code = femke.substring(femke.lastIndexOf('/') + 1);
    String gijs = enrolledPartnersLink("Gijs Vos", "gijs@example.nl");

    open(base.toString());
    WebElement field = browser.findElement(By.id("signup-code"));
    assertThat(field.getAccessibleName())
        .isEqualTo("Referral code, if a partner gave you one (optional)");
    assertThat(field.getDomAttribute("required")).isNull();
    fillInSignUp("Hugo Kok", "hugo@example.nl", code.toLowerCase(java.util.Locale.ROOT));
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE);
    submit(By.id("signout"));
    assertThat(signupsOf("femke@example.nl")).isEqualTo("1");
    forget();

    open(gijs);
    submit(By.id("consent-decline"));
    fillInSignUp("Iris Meijer", "iris@example.nl", code);
    submit(By.id("signout"));
    assertThat(signupsOf("femke@example.nl")).isEqualTo("2");
    assertThat(signupsOf("gijs@example.nl")).isEqualTo("0");
  }

  @Test
  void aTamperedOrHostileLandingParameterIsRefusedAndNeverShown() {
    String jan = enrolledPartnersLink("Jan Willems", "jan@example.nl");

    // A signature changed in the page: the signup goes through, but attributes to nobody.
    open(jan);
    String token = landingToken();
    String tampered = token.substring(0, 64) + (token.endsWith("0") ? "1" : "0");
    js("document.querySelector('#signup input[name=landing]').value = arguments[0];", tampered);
    fillInSignUp("Lotte Bos", "lotte@example.nl", "");
    submit(By.id("signout"));
    assertThat(signupsOf("jan@example.nl")).isEqualTo("0");
    forget();

    // A tampered answer to the question is refused, and sets no cookie.
    open(jan);
    js(
        "document.querySelector('#consent-form input[name=landing]').value = arguments[0];",
        tampered(landingToken()));
    submit(By.id("consent-accept"));
    assertThat(text("error"))
        .isEqualTo(
            "We could not save your answer. Follow the partner's link again and answer there.");
    assertThat(cookieNames()).doesNotContain(HostPortal.REFERRAL_COOKIE, HostPortal.CONSENT_COOKIE);

    // Markup in the parameter is not a token: ignored, and never part of the page.
    String hostile = "\"><img src=x id=injected onerror=alert(1)>";
    open(base + "?landing=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    assertThat(browser.findElements(By.id("injected"))).isEmpty();
    assertThat(browser.findElements(By.id("consent"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("input[name=landing]"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("<img src=x", "onerror");
    assertThat(browser.findElement(By.id("nav-partner")).getDomAttribute("href"))
        .isEqualTo("/partner");
  }

  /**
   * Every element of the consent question, as a user, a screen reader and the server see it: the
   * region and its heading, the text, the two buttons (equally plain), and the form's fields.
   */
  @SuppressWarnings("unchecked")
  private void consentQuestionReadsRight(String token, String path) {
    assertThat(js("return document.documentElement.lang;")).isEqualTo("en");
    WebElement section = browser.findElement(By.id("consent"));
    assertThat(section.getTagName()).isEqualTo("section");
    assertThat(section.getAriaRole()).isEqualTo("region");
    assertThat(section.getAccessibleName()).isEqualTo("May we remember which partner sent you?");
    WebElement heading = section.findElement(By.id("consent-title"));
    assertThat(heading.getTagName()).isEqualTo("h2");
    assertThat(heading.getText()).isEqualTo("May we remember which partner sent you?");
    assertThat(section.findElement(By.id("consent-text")).getText()).isEqualTo(CONSENT_TEXT);
    // Inside <main>, after the page's own heading.
    assertThat(js("return arguments[0].parentElement.tagName;", section)).isEqualTo("MAIN");

    WebElement form = section.findElement(By.id("consent-form"));
    assertThat(form.getDomAttribute("method")).isEqualTo("post");
    assertThat(form.getDomAttribute("action")).isEqualTo("/consent");
    List<Map<String, Object>> fields =
        (List<Map<String, Object>>)
            js(
                "return Array.from(arguments[0].elements).map(function (e) {"
                    + " return {tag: e.tagName, type: e.type, name: e.name, value: e.value,"
                    + " text: e.textContent}; });",
                form);
    assertThat(fields).hasSize(5);
    assertThat(fields.get(0))
        .containsEntry("type", "hidden")
        .containsEntry("name", "csrf")
        .hasEntrySatisfying("value", v -> assertThat((String) v).matches("[0-9a-f]{64}"));
    assertThat(fields.get(1))
        .containsEntry("type", "hidden")
        .containsEntry("name", "landing")
        .containsEntry("value", token);
    assertThat(fields.get(2))
        .containsEntry("type", "hidden")
        .containsEntry("name", "next")
        .containsEntry("value", path);
    assertThat(fields.get(3))
        .containsEntry("tag", "BUTTON")
        .containsEntry("type", "submit")
        .containsEntry("name", "choice")
        .containsEntry("value", "accept")
        .containsEntry("text", "Accept the cookie");
    assertThat(fields.get(4))
        .containsEntry("tag", "BUTTON")
        .containsEntry("type", "submit")
        .containsEntry("name", "choice")
        .containsEntry("value", "decline")
        .containsEntry("text", "Decline the cookie");
    for (String id : List.of("consent-accept", "consent-decline")) {
      WebElement button = browser.findElement(By.id(id));
      assertThat(button.getAriaRole()).isEqualTo("button");
      assertThat(button.getAccessibleName()).isEqualTo(button.getText());
      assertThat(button.isDisplayed()).isTrue();
      assertThat(button.isEnabled()).isTrue();
    }
    // Equally easy to press: the same size of text, neither one hidden behind the other.
    assertThat(browser.findElement(By.id("consent-accept")).getCssValue("font-size"))
        .isEqualTo(browser.findElement(By.id("consent-decline")).getCssValue("font-size"));
  }

  /**
   * Signs a customer up, enrols them, and returns their referral link; then forgets the browser's
   * cookies, so that the visitor who comes next starts fresh.
   */
  private String enrolledPartnersLink(String name, String email) {
    signUp(name, email);
    submit(By.id("nav-partner"));
    browser.findElement(By.id("iban")).sendKeys("NL91 ABNA 0417 1643 00");
    submit(By.id("enrol-button"));
    String link = links().get(0);
    submit(By.id("signout"));
    forget();
    return link;
  }

  /** Signs a partner in, reads how many customers signed up through them, and signs out. */
  private String signupsOf(String email) {
    signIn(email);
    submit(By.id("nav-partner"));
    String signups = text("signups");
    submit(By.id("signout"));
    return signups;
  }

  /** Fills in the signup form of the page as it is (with whatever it carries) and sends it. */
  private void fillInSignUp(String name, String email, String code) {
    browser.findElement(By.id("signup-name")).sendKeys(name);
    browser.findElement(By.id("signup-email")).sendKeys(email);
    browser.findElement(By.id("signup-code")).sendKeys(code);
    submit(By.cssSelector("#signup button[type=submit]"));
    assertThat(text("flash")).isEqualTo("Welcome, " + name + "!");
  }

  /** The landing token in the address of the page. */
  private String landingToken() {
    String url = browser.getCurrentUrl();
    return url.substring(url.indexOf("landing=") + "landing=".length());
  }

  /** The token with the last digit of its signature changed. */
  private static String tampered(String token) {
    return token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
  }

  private Cookie referralCookie() {
    return browser.manage().getCookieNamed(HostPortal.REFERRAL_COOKIE);
  }

  /** The names of all cookies the browser keeps for the portal (HttpOnly ones included). */
  private Set<String> cookieNames() {
    return browser.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
  }

  private static long daysLeft(Cookie cookie) {
    return Duration.between(Instant.now(), cookie.getExpiry().toInstant()).toDays();
  }

  /** The referral URLs on the page, in order. */
  private List<String> links() {
    return browser.findElements(By.cssSelector("input.referral-url")).stream()
        .map(field -> field.getDomProperty("value"))
        .toList();
  }

  /**
   * Clicks a copy button, waits for the feedback beside it, and returns that feedback with the link
   * field beside it (its value, and what is selected in it).
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> clickCopy(WebElement button) {
    WebElement field = button.findElement(By.xpath("preceding-sibling::input[1]"));
    WebElement feedback = button.findElement(By.xpath("following-sibling::*[@role='status'][1]"));
    js("arguments[0].textContent = '';", feedback);
    button.click();
    new WebDriverWait(browser, WAIT).until(b -> !feedback.getText().isEmpty());
    return (Map<String, Object>)
        js(
            "var f = arguments[0], feedback = arguments[1];"
                + " return {feedback: feedback.textContent, method: feedback.dataset.method,"
                + " focused: document.activeElement === f, value: f.value,"
                + " selected: f.value.substring(f.selectionStart, f.selectionEnd)};",
            field,
            feedback);
  }

  private Object clipboard() {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('denied: ' + e));");
  }

  /** Grants this origin clipboard access through the DevTools protocol, where the browser can. */
  private boolean grantClipboard() {
    try {
      ((ChromeDriver) browser)
          .executeCdpCommand(
              "Browser.grantPermissions",
              Map.of(
                  "origin",
                  base.toString().replaceAll("/$", ""),
                  "permissions",
                  List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
      return true;
    } catch (RuntimeException e) {
      System.out.println(
          "HostPortalBrowserTest: clipboard not granted, checking the fallback only");
      return false;
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void signUp(String name, String email) {
    open(base.toString());
    browser.findElement(By.id("signup-name")).sendKeys(name);
    browser.findElement(By.id("signup-email")).sendKeys(email);
    submit(By.cssSelector("#signup button[type=submit]"));
    assertThat(text("flash")).isEqualTo("Welcome, " + name + "!");
  }

  private void signIn(String email) {
    open(base.toString());
    browser.findElement(By.id("signin-email")).sendKeys(email);
    submit(By.cssSelector("#signin button[type=submit]"));
    assertThat(text("who")).isNotEmpty();
  }

  /**
   * Clicks something that loads a new page and waits until the new page has loaded, so that the
   * next lookup cannot find (and then lose) an element of the page being left.
   *
   * <p>The page being left is marked with a property on its {@code window}; a new document gets a
   * new global object, so the mark is gone exactly when the new page is there. Waiting for the old
   * {@code <html>} element to go stale instead is racy: while Chromium swaps documents, a query
   * about the old node can fail with "Node with given id does not belong to the document", an error
   * that is not a {@link StaleElementReferenceException}. Errors of that moment are retried here.
   */
  private void submit(By target) {
    js("window.partnerTestLeaving = true;");
    browser.findElement(target).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(WebDriverException.class)
        .until(
            b ->
                Boolean.TRUE.equals(
                    js(
                        "return window.partnerTestLeaving !== true"
                            + " && document.readyState === 'complete';")));
    readsRight();
  }

  /** Opens an address and reads the page. */
  private void open(String url) {
    browser.get(url);
    readsRight();
  }

  /**
   * What every page must get right, read the way a user (and a script) would: no element id used
   * twice, and no name from the SDK's code (ACCRUED, CREATED, ACTIVE...) in the visible text.
   */
  @SuppressWarnings("unchecked")
  private void readsRight() {
    List<String> twice =
        (List<String>)
            js(
                "var seen = {}, twice = [];"
                    + " document.querySelectorAll('[id]').forEach(function (e) {"
                    + " if (seen[e.id]) { twice.push(e.id); } seen[e.id] = true; });"
                    + " return twice;");
    assertThat(twice).as("ids used twice on " + browser.getCurrentUrl()).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText())
        .as(browser.getCurrentUrl())
        .doesNotContainPattern(ENUM_NAMES);
  }

  private String text(String id) {
    return new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(b -> b.findElement(By.id(id)).getText());
  }
}
