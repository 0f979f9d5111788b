package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PayoutState;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.examples.ReadmeExamples.InvoiceEvent;
import org.partnerprogram.examples.ReadmeExamples.InvoiceLine;
import org.partnerprogram.examples.portal.DemoClock;
import org.partnerprogram.testkit.Acts;

/** The README's code runs, and does what the README says. */
class ReadmeCodeTest {
  @Test
  void theReadmesCodeTakesOneCustomerFromAClickToAPaidPayoutAndAStatement(@TempDir Path dir)
      throws IOException {
    DemoClock clock =
        new DemoClock(
            java.time.Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), java.time.ZoneOffset.UTC));
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage())
            .clock(clock)
            .build();
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .set(RateTarget.group("shared-hosting"), Rate.percent("25"))
                .set(RateTarget.group("vps"), Rate.percent("12.5"))
                .set(RateTarget.product("ssl-certificate"), Rate.percent("10")));
    Partner partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("customer-1042")
                    .withPayoutAccount("NL91 ABNA 0417 1643 00", "J. de Vries"))
            .partner();
    program.referrals().issueVanityCode(partner.id(), "jan-hosting");
    ReadmeExamples readme = new ReadmeExamples(program);

    String visitor = readme.onLandingPage("JAN-HOSTING", Optional.empty(), "v-7f3a");
    assertThat(readme.onSignup("C202", Optional.of(visitor))).isTrue();
    Instant at = clock.instant();
    List<InvoiceLine> lines =
        List.of(
            new InvoiceLine(1, "webhosting-basic", "shared-hosting", "100.00"),
            new InvoiceLine(2, "domain-nl", "domain", "9.99"));
    InvoiceEvent created =
        new InvoiceEvent("evt-1", InvoiceEvent.Type.CREATED, "INV-1", "C202", at, lines, null);
    InvoiceEvent paidBeforeItsOrder =
        new InvoiceEvent("evt-0", InvoiceEvent.Type.PAID, "INV-1", "C202", at, null, null);
    assertThatThrownBy(() -> readme.onInvoiceEvent(paidBeforeItsOrder))
        .as("a payment that overtakes its order: 503, deliver it again")
        .isInstanceOf(ReadmeExamples.TryAgainLater.class)
        .hasCauseInstanceOf(OrderNotRecordedException.class);
    assertThat(readme.onInvoiceEvent(created)).isTrue();
    assertThat(readme.onInvoiceEvent(created)).as("a redelivery").isTrue();
    assertThat(
            readme.onInvoiceEvent(
                new InvoiceEvent("evt-2", InvoiceEvent.Type.PAID, "INV-1", "C202", at, null, null)))
        .isTrue();
    assertThat(
            readme.onInvoiceEvent(
                new InvoiceEvent(
                    "evt-3", InvoiceEvent.Type.REFUNDED, "INV-1", "C202", at, null, "40.00")))
        .isTrue();
    assertThat(
            readme.onInvoiceEvent(
                new InvoiceEvent(
                    "evt-3", InvoiceEvent.Type.REFUNDED, "INV-1", "C202", at, null, "45.00")))
        .as("the same event id with another payload is refused")
        .isFalse();
    // 25.00 on the hosting; the refund of 40.00 spread over 109.99 takes back 36.37 x 25 %
    assertThat(program.partners().overview(partner.id()).orElseThrow().balance().payable())
        .isEqualTo(program.terms().money("15.91"));

    clock.moveTo(Instant.parse("2026-12-01T08:00:00Z"));
    PeriodCloseResult closed = readme.closeTheMonth(dir);
    assertThat(closed.month()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(closed.payoutTotal()).isEqualTo(program.terms().money("15.91"));
    assertThat(Files.readString(dir.resolve("payouts.csv"), StandardCharsets.UTF_8))
        .startsWith("\uFEFFreference;")
        .contains(";15,91;EUR;");
    assertThat(Files.readString(dir.resolve("payouts.xml"), StandardCharsets.UTF_8))
        .contains("<CtrlSum>15.91</CtrlSum>");

    var payout = program.partners().overview(partner.id()).orElseThrow().recentPayouts().get(0);
    readme.onBankStatement(payout.payoutId(), true, clock.instant(), "paid 2026-12-03");
    String statement = readme.statement(partner.id());
    // The partner page's queries: November's lines (none left payable: all paid out), one payout,
    // and the public card's three entries.
    int read = readme.partnerPage(partner.id());
    assertThat(read / 10_000).as("lines").isPositive();
    assertThat(read % 10_000 / 100).as("payouts").isEqualTo(1);
    assertThat(read % 100).as("card entries").isPositive();
    assertThat(statement)
        .contains("not participating")
        .contains("reversed (refund)")
        .contains(PayoutState.PAID.words());

    clock.moveTo(Instant.parse("2026-12-15T08:00:00Z"));
    readme.changeRates();
    assertThat(program.partners().overview(partner.id()).orElseThrow().rates())
        .extracting(r -> r.target().id())
        .containsExactlyInAnyOrder("shared-hosting", "vps", "ssl-certificate");

    // The rest of the order is refunded after the payout: the partner owes the 15.91 and leaves.
    assertThat(
            readme.onInvoiceEvent(
                new InvoiceEvent(
                    "evt-4", InvoiceEvent.Type.REFUNDED, "INV-1", "C202", at, null, "69.99")))
        .isTrue();
    assertThat(program.partners().overview(partner.id()).orElseThrow().balance().payable())
        .isEqualTo(program.terms().money("-15.91"));
    program.partners().leave(partner.id());
    Partner other = program.partners().enroll(EnrollPartnerCommand.of("customer-2000")).partner();
    Adjustment writeOff = readme.corrections(other.id(), partner.id());
    assertThat(writeOff.amount()).isEqualTo(program.terms().money("15.91"));
    assertThat(program.partners().overview(partner.id()).orElseThrow().balance().payable())
        .isEqualTo(program.terms().money("0.00"));
    assertThat(program.partners().overview(other.id()).orElseThrow().balance().payable())
        .isEqualTo(program.terms().money("25.00"));
  }
}
