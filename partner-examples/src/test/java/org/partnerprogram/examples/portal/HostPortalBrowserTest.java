package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's story end to end in a real headless browser: a partner enrols and copies their link, a
 * visitor follows it, signs up, orders and pays, the admin closes the month, and the partner finds
 * the commission and the payout.
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
  private static final Duration WAIT =
      Duration.ofSeconds(20); // an upper bound, never a measurement

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

    portal =
        new HostPortal(
            new DemoClock(Clock.fixed(Instant.parse("2026-11-10T10:00:00Z"), ZoneOffset.UTC)));
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

  @Test
  void aReferredCustomerPaysAndThePartnerSeesCommissionPayoutAndCopiesTheLink() {
    // Petra, an existing customer, enrols in the partner programme and gets her link.
    signUp("Petra de Vries", "petra@example.nl");
    submit(By.id("nav-partner"));
    assertThat(text("rates")).contains("Webhosting Basic, 12 months 25 %").contains("VPS M");
    browser.findElement(By.id("iban")).sendKeys("NL91 ABNA 0417 1643 00");
    submit(By.id("enrol-button"));
    String link = browser.findElement(By.id("referral-url")).getDomProperty("value");
    assertThat(link).matches("http://127\\.0\\.0\\.1:\\d+/r/[2-9A-Z]{12}");
    submit(By.id("signout"));

    // A visitor follows the link: a first-party cookie, and the shop.
    browser.get(link);
    assertThat(browser.getCurrentUrl()).isEqualTo(base.toString());
    Cookie referral = browser.manage().getCookieNamed(HostPortal.REFERRAL_COOKIE);
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
    assertThat(text("invoices")).contains(invoice).contains("EUR 68.35").contains("Paid");
    submit(By.id("signout"));

    // The month ends; the admin closes it.
    browser.get(base.resolve("/admin").toString());
    submit(By.id("next-month"));
    assertThat(text("now")).isEqualTo("1 Dec 2026 09:00");
    submit(By.id("close-month"));
    assertThat(text("flash")).isEqualTo("Closed 2026-11: 1 payout(s).");

    // Petra finds the commission (25 % of 59.40; the domain does not participate) and the payout.
    signIn("petra@example.nl");
    submit(By.id("nav-partner"));
    assertThat(text("clicks")).isEqualTo("1");
    assertThat(text("signups")).isEqualTo("1");
    assertThat(text("commission")).contains(invoice + " 1 EARNED EUR 14.85");
    assertThat(text("commission")).doesNotContain(invoice + " 2"); // no rate, no ledger line
    assertThat(text("paid")).isEqualTo("EUR 14.85");
    assertThat(text("payable")).isEqualTo("EUR 0.00");
    assertThat(text("payouts")).contains("2026-11 EUR 14.85 CREATED NL************4300 PO");

    // She clicks copy. The test lets the page use the clipboard where the browser allows it;
    // where it does not, the page falls back to selecting the link and execCommand('copy').
    boolean granted = grantClipboard();
    Map<String, Object> copied = clickCopy();
    assertThat(copied)
        .containsEntry("feedback", "Copied")
        .containsEntry("focused", true)
        .containsEntry("selected", link);
    if (granted) { // then the page used the clipboard, and it can be read back
      assertThat(copied).containsEntry("method", "clipboard");
      Object clipboard =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + " navigator.clipboard.readText().then(done, e => done('denied: ' + e));");
      assertThat(clipboard).isEqualTo(link);
    }

    // A browser that refuses the clipboard API: the fallback selects the link and copies that.
    js(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: function () {"
            + " return Promise.reject(new Error('denied')); }}});"
            + " document.getElementById('copy-feedback').textContent = '';");
    assertThat(clickCopy())
        .containsEntry("method", "selection")
        .containsEntry("feedback", "Copied")
        .containsEntry("focused", true)
        .containsEntry("selected", link);
  }

  /** Clicks copy, waits for the page's feedback, and returns it with what is selected. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> clickCopy() {
    browser.findElement(By.id("copy")).click();
    new WebDriverWait(browser, WAIT)
        .until(b -> !b.findElement(By.id("copy-feedback")).getText().isEmpty());
    return (Map<String, Object>)
        js(
            "var f = document.getElementById('referral-url');"
                + " var feedback = document.getElementById('copy-feedback');"
                + " return {feedback: feedback.textContent, method: feedback.dataset.method,"
                + " focused: document.activeElement === f,"
                + " selected: f.value.substring(f.selectionStart, f.selectionEnd)};");
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

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void signUp(String name, String email) {
    browser.get(base.toString());
    browser.findElement(By.id("signup-name")).sendKeys(name);
    browser.findElement(By.id("signup-email")).sendKeys(email);
    submit(By.cssSelector("#signup button[type=submit]"));
    assertThat(text("flash")).isEqualTo("Welcome, " + name + "!");
  }

  private void signIn(String email) {
    browser.get(base.toString());
    browser.findElement(By.id("signin-email")).sendKeys(email);
    submit(By.cssSelector("#signin button[type=submit]"));
    assertThat(text("who")).isNotEmpty();
  }

  /**
   * Clicks something that loads a new page and waits until the old page is gone, so that the next
   * lookup cannot find (and then lose) an element of the page being left.
   */
  private void submit(By target) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.stalenessOf(page));
  }

  private String text(String id) {
    return new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(b -> b.findElement(By.id(id)).getText());
  }
}
