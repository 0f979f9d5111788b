package org.partnerprogram.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.export.CsvFormat;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The seed's whole story for one month on a real (embedded) database: a Dutch hosting rate card,
 * three partners, a month of clicks, signups, orders, payments and a refund, then the month closed,
 * and the SEPA file, CSV and partner statements written to a folder.
 *
 * <p>Runs on an in-memory H2 database by default. Options: {@code --out=DIR} (default {@code
 * partner-examples/target/demo-output}), {@code --jdbc-url=URL --user=U --password=P} to use an
 * empty PostgreSQL or MariaDB database instead.
 */
public final class ProgrammeMonth {
  static final YearMonth MONTH = YearMonth.of(2026, 11);
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private ProgrammeMonth() {}

  /** What the month came to, for the summary and for tests. */
  record Summary(
      int partners,
      int clicks,
      int signupsAttributed,
      int signupsNotAttributed,
      int orders,
      int payments,
      int refunds,
      Money earned,
      Money reversed,
      int payouts,
      Money payoutTotal,
      List<Path> files) {}

  /**
   * Runs the demo.
   *
   * @param args options, see the class comment
   * @throws Exception if a file cannot be written or the database cannot be reached
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        System.err.println("usage: [--out=DIR] [--jdbc-url=URL --user=USER --password=PASSWORD]");
        System.exit(2);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path defaultOut =
        Files.isDirectory(Path.of("partner-examples"))
            ? Path.of("partner-examples", "target", "demo-output") // run from the repository root
            : Path.of("target", "demo-output"); // run from the module
    Path dir = options.containsKey("out") ? Path.of(options.get("out")) : defaultOut;
    DataSource dataSource =
        options.containsKey("jdbc-url")
            ? Databases.external(
                options.get("jdbc-url"),
                options.getOrDefault("user", ""),
                options.getOrDefault("password", ""))
            : h2();
    run(dataSource, dir, out);
  }

  static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:programme-month-"
            + System.nanoTime()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }

  /**
   * Runs the month on a database and writes the files.
   *
   * @param dataSource an empty database
   * @param dir the output folder
   * @param out where progress and the summary go
   * @return the summary
   * @throws IOException if a file cannot be written
   */
  static Summary run(DataSource dataSource, Path dir, PrintStream out) throws IOException {
    out.println("[1/6] Migrating the database");
    JdbcMigrations.migrate(dataSource);
    MonthClock clock = new MonthClock(MONTH.atDay(1).atStartOfDay(ZONE).toInstant());
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.fromBase64(QuickStart.DEMO_PSEUDONYM_KEY))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(
                        ReferralLinkTemplate.of("https://www.example-hosting.nl/?ref={code}"))
                    .build())
            .storage(JdbcProgramStorage.create(dataSource))
            .clock(clock)
            .build();
    ProgramTerms terms = program.terms();

    out.println("[2/6] Setting up the rate card and three partners");
    program
        .rates()
        .change(
            RateChange.programmeWide(Act.by("ops@host.example", "rate card"))
                .set(RateTarget.group("shared-hosting"), Rate.percent("25"))
                .set(RateTarget.group("vps"), Rate.percent("12.5"))
                .set(RateTarget.product("ssl-certificate"), Rate.percent("10")));
    String[][] partnerData = {
      {"cust-1001", "INGB0001234567", "J. Jansen Webdesign", "jansen-web"},
      {"cust-1002", "RABO0123456789", "Fatma Yılmaz", "fatma-hosting"},
      {"cust-1003", "ABNA0417164300", "Zoë van den Berg-Ørsted", "zoe-tips"}
    };
    List<Partner> partners = new ArrayList<>();
    for (String[] p : partnerData) {
      String iban = "NL" + Iban.checkDigits("NL", p[1]) + p[1];
      Partner partner =
          program
              .partners()
              .enroll(EnrollPartnerCommand.of(p[0]).withPayoutAccount(iban, p[2]))
              .partner();
      program.referrals().issueVanityCode(partner.id(), p[3]);
      partners.add(partner);
    }
    // A loyal partner gets a better VPS rate from 1 November on.
    program
        .rates()
        .change(
            RateChange.forPartner(partners.get(0).id(), Act.by("ops@host.example", "rate card"))
                .set(RateTarget.group("vps"), Rate.percent("15"))
                .from(clock.instant().plusSeconds(1)));

    out.println("[3/6] A month of clicks, signups, orders, payments and a refund");
    SplittableRandom random = new SplittableRandom(2026_11);
    String[] codes = {"jansen-web", "fatma-hosting", "zoe-tips"};
    int clicks = 0;
    int attributed = 0;
    List<String> orders = new ArrayList<>();
    List<String> paidOrders = new ArrayList<>();
    for (int visitor = 1; visitor <= 40; visitor++) {
      clock.set(
          terms.instant(MONTH.atDay(1 + (visitor - 1) * 28 / 40).atTime(10 + visitor % 9, 15)));
      String visitorId = "visitor-" + visitor;
      program.referrals().recordTouch(codes[random.nextInt(codes.length)], visitorId);
      clicks++;
      if (visitor % 4 == 0) {
        continue; // clicked, never signed up
      }
      clock.advance(Duration.ofHours(2));
      String customer = "customer-" + (5000 + visitor);
      AttributeSignupCommand signup =
          visitor % 13 == 0 // an existing customer opening another account is not new
              ? AttributeSignupCommand.existingCustomer(customer)
              : AttributeSignupCommand.newCustomer(customer);
      if (program.referrals().attributeSignup(signup.visitor(visitorId)).decision()
          instanceof AttributionDecision.Attributed) {
        attributed++;
      }
      String orderId = "INV-2026-" + (10_000 + visitor);
      program.commissions().recordOrder(order(terms, orderId, customer, random, clock.instant()));
      orders.add(orderId);
      if (visitor % 7 != 0) { // a few invoices stay unpaid this month
        clock.advance(Duration.ofHours(20));
        program
            .commissions()
            .recordPayment(RecordPaymentCommand.of("payment-" + orderId, orderId, clock.instant()));
        paidOrders.add(orderId);
      }
    }
    // One customer gets 30.00 back on their first invoice (spread over its lines).
    clock.set(terms.instant(MONTH.atDay(29).atTime(16, 0)));
    program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                "refund-1", paidOrders.get(0), clock.instant(), terms.money("30.00")));

    out.println("[4/6] Closing " + MONTH);
    clock.set(terms.instant(MONTH.plusMonths(1).atDay(1).atTime(9, 0)));
    PeriodCloseResult close =
        program.payouts().close(MONTH, Act.by("job:monthly-close", "scheduled month close"));

    out.println("[5/6] Writing the SEPA file, the CSV and the statements to " + dir);
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    ExportPayoutsCommand export =
        new ExportPayoutsCommand(
            MONTH,
            PainVersion.PAIN_001_001_03,
            SepaDebtor.of("Example Hosting B.V.", "NL91 ABNA 0417 1643 00"),
            LocalDate.of(2026, 12, 2),
            Act.by("job:monthly-close", "monthly payout run"));
    PayoutExport files1 = program.payouts().export(export);
    files.add(write(dir.resolve("payouts-" + MONTH + ".pain.001.001.03.xml"), files1.sepaXml()));
    files.add(write(dir.resolve("payouts-" + MONTH + ".csv"), files1.csv()));
    PayoutExport forExcel =
        program.payouts().export(export.withCsvFormat(CsvFormat.EXCEL_SEMICOLON));
    files.add(write(dir.resolve("payouts-" + MONTH + "-excel-nl.csv"), forExcel.csv()));
    Money earned = Money.zero(terms.currency());
    Money reversed = Money.zero(terms.currency());
    for (Partner partner : partners) {
      PartnerStatement statement =
          program.payouts().statement(StatementQuery.of(partner.id(), MONTH));
      String name = "statement-" + MONTH + "-" + partner.id();
      files.add(write(dir.resolve(name + ".txt"), statement.toText().getBytes(UTF_8)));
      files.add(write(dir.resolve(name + ".json"), statement.toJson().getBytes(UTF_8)));
      Balance balance = program.partners().overview(partner.id()).orElseThrow().balance();
      earned = earned.plus(balance.earned());
      reversed = reversed.plus(balance.reversed());
    }

    Summary summary =
        new Summary(
            partners.size(),
            clicks,
            attributed,
            orders.size() - attributed,
            orders.size(),
            paidOrders.size(),
            1,
            earned,
            reversed,
            files1.count(),
            files1.total(),
            files);
    out.println("[6/6] Done");
    out.println();
    out.printf("Partners          %d%n", summary.partners());
    out.printf("Clicks            %d%n", summary.clicks());
    out.printf(
        "Signups           %d attributed, %d not attributed%n",
        summary.signupsAttributed(), summary.signupsNotAttributed());
    out.printf(
        "Orders            %d (%d paid, %d refund)%n",
        summary.orders(), summary.payments(), summary.refunds());
    out.printf("Commission        %s earned, %s reversed%n", summary.earned(), summary.reversed());
    out.printf(
        "%-18s%d, total %s (%d carried over)%n",
        "Payouts " + MONTH, summary.payouts(), summary.payoutTotal(), close.carriedOverCount());
    out.printf("Files             %d in %s%n", files.size(), dir.toAbsolutePath());
    return summary;
  }

  /** An invoice of the shop: hosting always, sometimes a VPS and an SSL certificate. */
  private static RecordOrderCommand order(
      ProgramTerms terms, String orderId, String customer, SplittableRandom random, Instant at) {
    String hosting = new String[] {"59.40", "119.40", "238.80"}[random.nextInt(3)];
    RecordOrderCommand.Builder order =
        RecordOrderCommand.builder("order-" + orderId, orderId)
            .customer(customer)
            .placedAt(at)
            .line(
                OrderLine.of(1, "shared-hosting-basic", terms.money(hosting))
                    .inGroup("shared-hosting"))
            .line(
                OrderLine.of(2, "vps-m", terms.money(random.nextInt(3) == 0 ? "180.00" : "0.00"))
                    .inGroup("vps"))
            // free the first year; domains do not participate
            .line(OrderLine.of(3, "domain-nl", terms.money("0.00")).inGroup("domain"));
    if (random.nextInt(4) == 0) {
      order.line(
          OrderLine.of(4, "ssl-certificate", terms.money("49.00")).described("SSL certificate"));
    }
    return order.build();
  }

  /** The demo's clock: it stands still until the story moves it. */
  private static final class MonthClock extends Clock {
    private volatile Instant now;

    MonthClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Path write(Path file, byte[] content) {
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
