package org.partnerprogram.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.examples.ReadmeExamples.InvoiceEvent;
import org.partnerprogram.examples.ReadmeExamples.InvoiceLine;
import org.partnerprogram.testkit.Acts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring Boot host on PostgreSQL, over HTTP: the webhook records in the host's transaction, the
 * partner page reads, the scheduled close closes the ended month.
 */
@SpringBootTest(
    classes = {PartnerHostApplication.class, PartnerHostApplicationTest.TestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "partner.month-close.cron=-",
      "spring.main.banner-mode=off",
      "partner.pseudonym-key=PhohypbPmHIscc62pMsbDr0gfraCVI1T/TjG3omLKh8="
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerHostApplicationTest {
  // The billing system's side (Jackson 2 here; the host reads it with Boot's Jackson 3).
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private static final Instant SETUP = Instant.parse("2026-11-05T09:00:00Z");
  private static final Instant ORDERED = Instant.parse("2026-11-10T09:00:00Z");
  private static final Instant PAID = Instant.parse("2026-11-12T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  private static PostgresTestDatabase database;

  @Value("${local.server.port}")
  private int port;

  @Autowired private PartnerProgram program;
  @Autowired private Billing billing;
  @Autowired private MonthClose monthClose;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private TransactionTemplate transaction;
  @Autowired private MovableClock clock;
  @Autowired private DataSource dataSource;

  /** A clock the test moves; the application injects it everywhere. */
  static final class MovableClock extends Clock {
    private volatile Instant now = SETUP;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  /**
   * After every test no connection is still borrowed from the host's pool: neither the joined units
   * (Spring returns its connection) nor the owned ones (the adapter closes its own) leak.
   */
  @AfterEach
  void everyConnectionIsBackInThePool() throws SQLException {
    assertThat(
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
        .as("connections borrowed from the pool and not returned")
        .isZero();
  }

  @DynamicPropertySource
  static void dataSource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> database.url());
    registry.add("spring.datasource.username", () -> database.user());
    registry.add("spring.datasource.password", () -> database.password());
  }

  /**
   * A partner with an account and a vanity code, and a new customer it referred; VPS earns 12.5 %.
   */
  private record Referral(PartnerId partner, String customer) {}

  private Referral aReferredCustomer() {
    int n = CUSTOMERS.incrementAndGet();
    clock.set(SETUP);
    if (n == 1) {
      program
          .rates()
          .change(
              RateChange.programmeWide(Acts.TEST)
                  .setAll(Map.of(RateTarget.group("vps"), Rate.percent("12.5"))));
    }
    PartnerId partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("owner-" + n)
                    .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Jan " + n)))
            .partner()
            .id();
    program.referrals().issueVanityCode(partner, "jan-web-" + n);
    program.referrals().recordTouch(RecordTouchCommand.of("jan-web-" + n, "visitor-" + n));
    program
        .referrals()
        .attributeSignup(AttributeSignupCommand.newCustomer("cust-" + n).visitor("visitor-" + n));
    clock.set(NOW);
    return new Referral(partner, "cust-" + n);
  }

  private static InvoiceEvent created(String invoice, String customer) {
    return new InvoiceEvent(
        "created-" + invoice,
        InvoiceEvent.Type.CREATED,
        invoice,
        customer,
        ORDERED,
        List.of(new InvoiceLine(1, "vps-m", "vps", "80.00")),
        null);
  }

  private static InvoiceEvent paid(String invoice, String customer) {
    return new InvoiceEvent(
        "paid-" + invoice, InvoiceEvent.Type.PAID, invoice, customer, PAID, List.of(), null);
  }

  private HttpResponse<String> post(InvoiceEvent event) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/billing"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode page(PartnerId partner) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/partners/" + partner.value()))
            .GET()
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private int rows(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private int sdkRowsOf(String invoice) {
    return rows("SELECT COUNT(*) FROM pp_order WHERE order_id = ?", invoice)
        + rows("SELECT COUNT(*) FROM pp_ledger_entry WHERE order_id = ?", invoice)
        + rows(
            "SELECT COUNT(*) FROM pp_processed_event WHERE event_id IN (?, ?)",
            "created-" + invoice,
            "paid-" + invoice);
  }

  @Test
  @Order(1)
  void aRolledBackHostTransactionLeavesNeitherTheHostsRowNorAnySdkRow() {
    Referral r = aReferredCustomer();
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      billing.record(created("INV-RB", r.customer()));
                      billing.record(paid("INV-RB", r.customer()));
                      assertThat(sdkRowsOf("INV-RB")).as("visible inside").isPositive();
                      throw new IllegalStateException("the host's own step failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(rows("SELECT COUNT(*) FROM host_invoice WHERE id = 'INV-RB'")).isZero();
    assertThat(sdkRowsOf("INV-RB")).isZero();
  }

  @Test
  @Order(2)
  void aCommittedEventHasExactlyOneEffectAndARedeliveryNone() throws Exception {
    Referral r = aReferredCustomer();
    assertThat(post(created("INV-1", r.customer())).statusCode()).isEqualTo(200);
    assertThat(post(paid("INV-1", r.customer())).statusCode()).isEqualTo(200);
    String effects =
        "SELECT kind || ':' || COUNT(*) FROM pp_ledger_entry WHERE order_id = ? GROUP BY kind"
            + " ORDER BY kind";
    assertThat(jdbc.queryForList(effects, String.class, "INV-1"))
        .containsExactly("ACCRUED:1", "EARNED:1");
    assertThat(rows("SELECT COUNT(*) FROM pp_order WHERE order_id = 'INV-1'")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject("SELECT status FROM host_invoice WHERE id = 'INV-1'", String.class))
        .isEqualTo("PAID");

    // The billing system delivers both again (a lost acknowledgement): 200, nothing new.
    int before = sdkRowsOf("INV-1");
    int outbox = rows("SELECT COUNT(*) FROM pp_outbox");
    assertThat(post(created("INV-1", r.customer())).statusCode()).isEqualTo(200);
    assertThat(post(paid("INV-1", r.customer())).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForList(effects, String.class, "INV-1"))
        .containsExactly("ACCRUED:1", "EARNED:1");
    assertThat(sdkRowsOf("INV-1")).isEqualTo(before);
    assertThat(rows("SELECT COUNT(*) FROM pp_outbox")).isEqualTo(outbox);
  }

  @Test
  @Order(3)
  void aPaymentBeforeItsOrderIsRetriedLaterAndWritesNothing() throws Exception {
    Referral r = aReferredCustomer();
    HttpResponse<String> early = post(paid("INV-EARLY", r.customer()));
    assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
    assertThat(rows("SELECT COUNT(*) FROM host_invoice WHERE id = 'INV-EARLY'")).isZero();
    assertThat(sdkRowsOf("INV-EARLY")).isZero();
  }

  @Test
  @Order(4)
  void aRefundReversesTheCommissionOnceAlsoWhenRedelivered() throws Exception {
    Referral r = aReferredCustomer();
    post(created("INV-R", r.customer()));
    post(paid("INV-R", r.customer()));
    InvoiceEvent refund =
        new InvoiceEvent(
            "refund-INV-R",
            InvoiceEvent.Type.REFUNDED,
            "INV-R",
            r.customer(),
            Instant.parse("2026-11-20T09:00:00Z"),
            List.of(),
            "80.00");
    assertThat(post(refund).statusCode()).isEqualTo(200);
    int entries = rows("SELECT COUNT(*) FROM pp_ledger_entry WHERE order_id = 'INV-R'");
    assertThat(entries).as("accrued, earned and the reversal").isGreaterThan(2);
    assertThat(page(r.partner()).get("payable").asText()).isEqualTo("0.00");

    assertThat(post(refund).statusCode()).isEqualTo(200);
    assertThat(rows("SELECT COUNT(*) FROM pp_ledger_entry WHERE order_id = 'INV-R'"))
        .isEqualTo(entries);
    assertThat(
            jdbc.queryForObject("SELECT status FROM host_invoice WHERE id = 'INV-R'", String.class))
        .isEqualTo("REFUNDED");
  }

  @Test
  @Order(5)
  void thePartnerPageShowsTheAmountsAsJson() throws Exception {
    Referral r = aReferredCustomer();
    post(created("INV-2", r.customer()));
    JsonNode ordered = page(r.partner());
    assertThat(ordered.get("currency").asText()).isEqualTo("EUR");
    assertThat(ordered.get("pending").asText()).isEqualTo("10.00"); // 80.00 x 12.5 %
    assertThat(ordered.get("payable").asText()).isEqualTo("0.00");

    post(paid("INV-2", r.customer()));
    JsonNode paid = page(r.partner());
    assertThat(paid.get("pending").asText()).isEqualTo("0.00");
    assertThat(paid.get("payable").asText()).isEqualTo("10.00");
    assertThat(paid.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(paid.get("referralLinks").toString()).contains("?ref=JAN-WEB-");
  }

  @Test
  @Order(6)
  void theScheduledCloseClosesTheEndedMonthOnceByTheInjectedClock() throws Exception {
    Referral r = aReferredCustomer();
    post(created("INV-3", r.customer()));
    post(paid("INV-3", r.customer()));

    clock.set(Instant.parse("2026-11-30T12:00:00Z")); // November has not ended
    assertThat(monthClose.closeEndedMonths()).isEmpty();

    clock.set(NOW);
    List<PeriodCloseResult> closed = monthClose.closeEndedMonths();
    assertThat(closed).extracting(PeriodCloseResult::month).containsExactly(YearMonth.of(2026, 11));
    assertThat(closed.get(0).payoutCount()).isPositive();
    JsonNode page = page(r.partner());
    assertThat(page.get("payable").asText()).isEqualTo("0.00");
    assertThat(page.get("inPayout").asText()).isEqualTo("10.00");
    assertThat(page.get("recentPayouts").get(0).get("amount").asText()).isEqualTo("10.00");

    assertThat(monthClose.closeEndedMonths()).as("closing again").isEmpty();
  }
}
