package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.SepaSchemas;

/** The programme's payout rail decides which payout accounts it accepts. */
class PayoutRailTest {
  @Test
  void theSepaRailIsTheDefault() {
    ProgramTerms terms =
        ProgramTerms.builder()
            .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
            .build();
    assertThat(terms.payoutRail()).isEqualTo(PayoutRail.SEPA);
  }

  @Test
  void theSepaRailRefusesAnAccountOutsideSepaWithATypedErrorNamingItsCountry() {
    ProgramFixture f = ProgramFixture.inMemory();
    assertThatThrownBy(
            () ->
                f.program
                    .partners()
                    .enroll(
                        EnrollPartnerCommand.of("cust-tr")
                            .withPayoutAccount(
                                PayoutAccount.of("TR330006100519786457841326", "Ayse"))))
        .isInstanceOfSatisfying(
            NonSepaIbanException.class,
            e -> {
              assertThat(e.countryCode()).isEqualTo("TR");
              assertThat(e.field()).isEqualTo("iban");
            })
        .hasMessageContaining("payoutRail(PayoutRail.ANY_IBAN)");
  }

  @Test
  void theAnyIbanRailAcceptsAnAccountOutsideSepa() {
    ProgramFixture f =
        ProgramFixture.on(
            new org.partnerprogram.core.adapter.memory.InMemoryStorage(),
            b -> b.payoutRail(PayoutRail.ANY_IBAN));
    PayoutAccount brazilian = PayoutAccount.of("BR1800360305000010009795493C1", "Ana Souza");
    Partner enrolled =
        f.program
            .partners()
            .enroll(EnrollPartnerCommand.of("cust-br").withPayoutAccount(brazilian))
            .partner();
    assertThat(enrolled.payoutAccount()).contains(brazilian);
    PayoutAccount ukrainian = PayoutAccount.of("UA213223130000026007233566001", "Olena");
    Partner changed = f.program.partners().updatePayoutAccount(f.partner.id(), ukrainian);
    assertThat(changed.payoutAccount()).contains(ukrainian);
  }

  @Test
  void eachRailSaysWhichAccountsItReaches() {
    org.partnerprogram.core.domain.Iban dutch =
        org.partnerprogram.core.domain.Iban.parse("NL91ABNA0417164300");
    org.partnerprogram.core.domain.Iban faroese =
        org.partnerprogram.core.domain.Iban.parse("FO6264600001631634");
    assertThat(PayoutRail.SEPA.reaches(dutch)).isTrue();
    assertThat(PayoutRail.SEPA.reaches(faroese)).isFalse();
    assertThat(PayoutRail.ANY_IBAN.reaches(faroese)).isTrue();
    assertThat(PayoutRail.SEPA.requireReachable(dutch)).isEqualTo(dutch);
  }

  @Test
  void onTheAnyIbanRailAPayoutOutsideSepaIsInTheCsvOnlyAndTheSepaFileHoldsTheRest() {
    ProgramFixture f =
        ProgramFixture.on(
            new org.partnerprogram.core.adapter.memory.InMemoryStorage(),
            b -> b.payoutRail(PayoutRail.ANY_IBAN));
    Partner brazilian =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-br")
                    .withPayoutAccount(
                        PayoutAccount.of("BR1800360305000010009795493C1", "Ana Souza")))
            .partner();
    f.program.referrals().issueVanityCode(brazilian.id(), "ana-br");
    f.program
        .referrals()
        .recordTouch(org.partnerprogram.core.port.in.RecordTouchCommand.of("ana-br", "v-ana"));
    f.program
        .referrals()
        .attributeSignup(
            org.partnerprogram.core.port.in.AttributeSignupCommand.newCustomer("c-ana")
                .visitor("v-ana")
                .at(f.clock.instant()));
    pay(f, f.order("o-br", CustomerAccountId.of("c-ana"), ProgramFixture.line(1, "vps", "80.00")));
    pay(f, f.order("o-nl", f.referredCustomer("c-nl"), ProgramFixture.line(1, "vps", "40.00")));
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(YearMonth.of(2026, 11), Acts.TEST);

    PayoutExport export =
        f.program
            .payouts()
            .export(
                new ExportPayoutsCommand(
                    YearMonth.of(2026, 11),
                    PainVersion.PAIN_001_001_09,
                    SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
                    LocalDate.of(2026, 12, 2),
                    Acts.TEST));

    assertThat(export.count()).isEqualTo(2);
    assertThat(export.total()).isEqualTo(ProgramFixture.eur("15.00"));
    assertThat(export.outsideSepaCount()).isEqualTo(1);
    assertThat(export.outsideSepaTotal()).isEqualTo(ProgramFixture.eur("10.00"));
    SepaSchemas.validate(export.sepaXml(), PainVersion.PAIN_001_001_09);
    String xml = new String(export.sepaXml(), StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<NbOfTxs>1</NbOfTxs>", "<CtrlSum>5.00</CtrlSum>", "NL91ABNA0417164300")
        .doesNotContain("BR1800360305000010009795493C1");
    assertThat(export.csvText())
        .contains("BR1800360305000010009795493C1")
        .contains("NL91ABNA0417164300");
  }

  private static void pay(ProgramFixture f, org.partnerprogram.core.domain.Order order) {
    f.record(order);
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-" + order.orderId()), order.orderId(), f.clock.instant()));
  }
}
