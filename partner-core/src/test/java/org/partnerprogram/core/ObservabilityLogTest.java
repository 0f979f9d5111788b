package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.ObservedProgramme.DECEMBER_FIRST;
import static org.partnerprogram.core.ObservedProgramme.NOVEMBER;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.export.Remittance;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.testkit.Acts;
import org.slf4j.LoggerFactory;

/**
 * Everything the SDK logs in a whole programme run, captured at every level: the INFO of a close
 * and an export, the WARN of exhausted retries and of a broken observer, the MDC on each line, and
 * no personal data anywhere (names, IBANs, the host's customer and visitor ids, free-text reasons,
 * remittance texts).
 */
class ObservabilityLogTest {
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger sdk;
  private Level before;

  @BeforeEach
  void capture() {
    sdk = (Logger) LoggerFactory.getLogger("org.partnerprogram");
    before = sdk.getLevel();
    sdk.setLevel(Level.TRACE);
    captured.start();
    sdk.addAppender(captured);
  }

  @AfterEach
  void release() {
    sdk.detachAppender(captured);
    sdk.setLevel(before);
  }

  @Test
  void aWholeRunLogsTheCloseAndTheExportWithTheirMdcAndNoPersonalData() {
    ObservedProgramme world = new ObservedProgramme(ObservedProgramme.throwing());
    PartnerId jan = world.partnerWithBalance(1, "NL91ABNA0417164300", "Jan de Vries");
    world.partnerWithBalance(2, "BE68539007547034", "Émilie Dubois");
    PartnerId zoe = world.partnerWithBalance(3, "FR1420041010050500013M02606", "Zoë Jansen");
    world.pay(1); // a redelivery
    world
        .program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                "refund-2", "o-2", world.clock.instant(), world.program.terms().money("40.00")));
    world.program.partners().suspend(zoe, Acts.because("fraud review: Zoë's brother-in-law"));
    world.program.partners().overview(jan);
    assertThatThrownBy(
            () ->
                world
                    .program
                    .partners()
                    .enroll(
                        EnrollPartnerCommand.of("cust-9")
                            .withPayoutAccount("NL00 ABNA 0417 1643 00", "Piet Bakker")))
        .isInstanceOf(RuntimeException.class);
    world.clock.set(DECEMBER_FIRST);
    world.program.payouts().close(NOVEMBER, Acts.TEST);
    world.program.payouts().export(ObservedProgramme.export(NOVEMBER));
    List<Payout> payouts = new ArrayList<>();
    world.program.payouts().forEachPayout(NOVEMBER, payouts::add);
    world.program.payouts().markPaid(payouts.get(0).payoutId(), world.clock.instant(), Acts.TEST);
    world
        .program
        .payouts()
        .markFailed(payouts.get(1).payoutId(), Acts.because("account of Émilie closed"));
    world.program.payouts().statement(StatementQuery.of(jan, NOVEMBER));
    world.program.payouts().ofPartner(PayoutQuery.ofPartner(jan));

    List<String> lines = lines();
    List<String> personal =
        new ArrayList<>(
            List.of(
                "Jan de Vries",
                "Vries",
                "Émilie",
                "Emilie",
                "Dubois",
                "Zoë",
                "Jansen",
                "Piet Bakker",
                "NL91ABNA0417164300",
                "NL91 ABNA",
                "BE68539007547034",
                "FR1420041010050500013M02606",
                "0417164300",
                "NL00",
                "cust-1",
                "cust-2",
                "cust-3",
                "cust-9",
                "buyer-",
                "visitor-",
                "brother-in-law",
                "fraud review",
                "account of"));
    payouts.forEach(p -> personal.add(Remittance.of(world.program.terms(), p)));
    for (String value : personal) {
      assertThat(lines).as("no log line holds %s", value).noneMatch(l -> l.contains(value));
    }

    ILoggingEvent close = only("closed month 2026-11");
    assertThat(close.getLevel()).isEqualTo(Level.INFO);
    assertThat(close.getFormattedMessage())
        .isEqualTo(
            "closed month 2026-11: 3 partners settled, 2 payouts totalling EUR 40.00, 1 carried"
                + " over {PARTNER_SUSPENDED=1}, in 5 ms");
    assertThat(close.getMDCPropertyMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("programme", "hosting-nl", "useCase", "payouts.close", "month", "2026-11"));

    ILoggingEvent export = only("exported month 2026-11");
    assertThat(export.getLevel()).isEqualTo(Level.INFO);
    assertThat(export.getFormattedMessage()).startsWith("exported month 2026-11: 2 payouts");
    assertThat(export.getMDCPropertyMap())
        .containsEntry("useCase", "payouts.export")
        .containsEntry("month", "2026-11");

    // The throwing observer: one WARN for the whole run, however often it threw.
    assertThat(events())
        .filteredOn(e -> e.getFormattedMessage().startsWith("the programme observer"))
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .hasSize(1);
    assertThat(only("enrolled partner " + jan.value()).getMDCPropertyMap())
        .containsEntry("useCase", "partners.enroll");
  }

  @Test
  void exhaustedRetriesAreLoggedAtWarnWithTheUseCase() {
    RetryPolicyTest.FlakyStorage storage = new RetryPolicyTest.FlakyStorage(5, true);
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .retry(RetryPolicy.of(3, Duration.ZERO, Duration.ZERO))
            .build();

    assertThatThrownBy(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-77")))
        .isInstanceOf(RetryableException.class);

    ILoggingEvent gaveUp = only("gave up after 3 attempts");
    assertThat(gaveUp.getLevel()).isEqualTo(Level.WARN);
    assertThat(gaveUp.getMDCPropertyMap()).containsEntry("useCase", "partners.enroll");
    assertThat(events())
        .filteredOn(e -> e.getLevel() == Level.DEBUG)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("attempt "))
        .hasSize(2);
    assertThat(lines()).noneMatch(l -> l.contains("cust-77"));
  }

  private List<ILoggingEvent> events() {
    return List.copyOf(captured.list);
  }

  /** Each event as one line: level, logger, message, MDC and any exception's messages. */
  private List<String> lines() {
    return events().stream()
        .map(
            e -> {
              StringBuilder line =
                  new StringBuilder()
                      .append(e.getLevel())
                      .append(' ')
                      .append(e.getLoggerName())
                      .append(' ')
                      .append(e.getFormattedMessage())
                      .append(' ')
                      .append(e.getMDCPropertyMap());
              for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
              }
              return line.toString();
            })
        .toList();
  }

  private ILoggingEvent only(String start) {
    List<ILoggingEvent> found =
        events().stream().filter(e -> e.getFormattedMessage().startsWith(start)).toList();
    assertThat(found).as("log lines starting with %s", start).hasSize(1);
    return found.get(0);
  }
}
