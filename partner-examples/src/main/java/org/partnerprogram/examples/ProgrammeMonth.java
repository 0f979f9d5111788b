package org.partnerprogram.examples;

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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AddRateVersionCommand;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.ClosePeriodCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.IssueReferralCodeCommand;
import org.partnerprogram.core.port.in.PartnerOverviewQuery;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.SignupAttribution;
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
    JdbcProgramStorage storage = JdbcProgramStorage.create(dataSource);
    AtomicReference<Instant> now =
        new AtomicReference<>(MONTH.atDay(1).atStartOfDay(ZONE).toInstant());
    Clock clock =
        new Clock() {
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
            return now.get();
          }
        };
    PartnerProgram program =
        PartnerProgram.builder()
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(
                        ReferralLinkTemplate.of("https://www.example-hosting.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .build();

    out.println("[2/6] Setting up the rate card and three partners");
    program
        .addRateVersion()
        .addRateVersion(
            AddRateVersionCommand.programmeWide(
                Map.of(
                    RateTarget.group("shared-hosting"), Rate.percent("25"),
                    RateTarget.group("vps"), Rate.percent("12.5"),
                    RateTarget.product("ssl-certificate"), Rate.percent("10"))));
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
              .enrollPartner()
              .enroll(EnrollPartnerCommand.of(p[0], PayoutAccount.of(iban, p[2])))
              .partner();
      program.issueReferralCode().issue(IssueReferralCodeCommand.vanity(partner.id(), p[3]));
      partners.add(partner);
    }
    // A loyal partner gets a better VPS rate from 1 November on.
    program
        .addRateVersion()
        .addRateVersion(
            AddRateVersionCommand.override(
                partners.get(0).id(),
                now.get().plusSeconds(1),
                Map.of(RateTarget.group("vps"), Rate.percent("15"))));

    out.println("[3/6] A month of clicks, signups, orders, payments and a refund");
    SplittableRandom random = new SplittableRandom(2026_11);
    String[] codes = {"jansen-web", "fatma-hosting", "zoe-tips"};
    int clicks = 0;
    int attributed = 0;
    int notAttributed = 0;
    int orders = 0;
    int payments = 0;
    List<String> paidOrders = new ArrayList<>();
    for (int visitor = 1; visitor <= 40; visitor++) {
      now.set(
          MONTH
              .atDay(1 + (visitor - 1) * 28 / 40)
              .atTime(10 + visitor % 9, 15)
              .atZone(ZONE)
              .toInstant());
      String visitorId = "visitor-" + visitor;
      program
          .recordTouch()
          .recordTouch(RecordTouchCommand.of(codes[random.nextInt(codes.length)], visitorId));
      clicks++;
      if (visitor % 4 == 0) {
        continue; // clicked, never signed up
      }
      now.set(now.get().plus(Duration.ofHours(2)));
      String customer = "customer-" + (5000 + visitor);
      boolean existing = visitor % 13 == 0;
      SignupAttribution signup =
          program
              .attributeSignup()
              .attribute(
                  new AttributeSignupCommand(
                      CustomerAccountId.of(customer),
                      Optional.of(VisitorId.of(visitorId)),
                      Optional.empty(),
                      !existing,
                      now.get(),
                      Optional.empty()));
      if (signup.decision() instanceof AttributionDecision.Attributed) {
        attributed++;
      } else {
        notAttributed++;
      }
      String orderId = "INV-2026-" + (10_000 + visitor);
      program
          .recordOrder()
          .recordOrder(
              new RecordOrderCommand(
                  EventId.of("order-" + orderId), order(orderId, customer, random, now.get())));
      orders++;
      if (visitor % 7 != 0) { // a few invoices stay unpaid this month
        now.set(now.get().plus(Duration.ofHours(20)));
        program
            .recordPayment()
            .recordPayment(
                new RecordPaymentCommand(
                    EventId.of("payment-" + orderId), OrderId.of(orderId), now.get()));
        payments++;
        paidOrders.add(orderId);
      }
    }
    // One customer gets 30.00 back on their first invoice (spread over its lines).
    now.set(MONTH.atDay(29).atTime(16, 0).atZone(ZONE).toInstant());
    program
        .recordRefund()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of("refund-1"), OrderId.of(paidOrders.get(0)), now.get(), eur("30.00")));

    out.println("[4/6] Closing " + MONTH);
    now.set(MONTH.plusMonths(1).atDay(1).atTime(9, 0).atZone(ZONE).toInstant());
    PeriodCloseResult close = program.closePeriod().close(new ClosePeriodCommand(MONTH));

    out.println("[5/6] Writing the SEPA file, the CSV and the statements to " + dir);
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    PayoutExport export =
        program
            .exportPayouts()
            .export(
                new ExportPayoutsCommand(
                    MONTH,
                    PainVersion.PAIN_001_001_03,
                    SepaDebtor.of("Example Hosting B.V.", "NL91 ABNA 0417 1643 00"),
                    LocalDate.of(2026, 12, 2)));
    files.add(write(dir.resolve("payouts-" + MONTH + ".pain.001.001.03.xml"), export.sepaXml()));
    files.add(write(dir.resolve("payouts-" + MONTH + ".csv"), export.csv()));
    Money earned = Money.zero(program.terms().currency());
    Money reversed = Money.zero(program.terms().currency());
    for (Partner partner : partners) {
      PartnerStatement statement =
          program.partnerStatement().statement(StatementQuery.of(partner.id(), MONTH));
      files.add(
          write(
              dir.resolve("statement-" + MONTH + "-" + partner.id() + ".txt"),
              statement.toText().getBytes(StandardCharsets.UTF_8)));
      files.add(
          write(
              dir.resolve("statement-" + MONTH + "-" + partner.id() + ".json"),
              statement.toJson().getBytes(StandardCharsets.UTF_8)));
      Balance balance =
          program
              .partnerOverview()
              .overview(PartnerOverviewQuery.byPartner(partner.id()))
              .orElseThrow()
              .balance();
      earned = earned.plus(balance.earned());
      reversed = reversed.plus(balance.reversed());
    }

    Summary summary =
        new Summary(
            partners.size(),
            clicks,
            attributed,
            notAttributed,
            orders,
            payments,
            1,
            earned,
            reversed,
            export.count(),
            export.total(),
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

  private static Order order(String orderId, String customer, SplittableRandom random, Instant at) {
    List<OrderLine> lines = new ArrayList<>();
    lines.add(
        line(
            1,
            "shared-hosting-basic",
            "shared-hosting",
            new String[] {"59.40", "119.40", "238.80"}[random.nextInt(3)]));
    lines.add(line(2, "vps-m", "vps", random.nextInt(3) == 0 ? "180.00" : "0.00"));
    lines.add(
        line(3, "domain-nl", "domain", "0.00")); // free first year; domains do not participate
    if (random.nextInt(4) == 0) {
      lines.add(
          new OrderLine(
              4,
              ProductId.of("ssl-certificate"),
              Optional.empty(),
              eur("49.00"),
              Optional.of("SSL certificate")));
    }
    return new Order(OrderId.of(orderId), CustomerAccountId.of(customer), at, lines);
  }

  private static OrderLine line(int number, String product, String group, String net) {
    return new OrderLine(
        number,
        ProductId.of(product),
        Optional.of(ProductGroupId.of(group)),
        eur(net),
        Optional.empty());
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Path write(Path file, byte[] content) {
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
