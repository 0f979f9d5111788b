package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.NonSepaIbanException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutRail;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.UpdatePayoutAccountCommand;
import org.partnerprogram.core.testkit.ProgramFixture;

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
                    .enrollPartner()
                    .enroll(
                        EnrollPartnerCommand.of(
                            "cust-tr", PayoutAccount.of("TR330006100519786457841326", "Ayse"))))
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
        f.program.enrollPartner().enroll(EnrollPartnerCommand.of("cust-br", brazilian)).partner();
    assertThat(enrolled.payoutAccount()).contains(brazilian);
    PayoutAccount ukrainian = PayoutAccount.of("UA213223130000026007233566001", "Olena");
    Partner changed =
        f.program
            .updatePayoutAccount()
            .updatePayoutAccount(new UpdatePayoutAccountCommand(f.partner.id(), ukrainian));
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
}
