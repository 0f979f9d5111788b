package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.export.SepaTransfer;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * With the default terms the programme pays by SEPA credit transfer, which does not reach an
 * account outside the SEPA schemes' countries, however valid its IBAN: such an account is refused
 * as a payout account, naming its country, before anything is written, and the SEPA writer refuses
 * it as a last line of defence.
 */
class NonSepaAccountsTest {
  /** Valid IBANs of countries outside SEPA. */
  static final List<String> NON_SEPA =
      List.of(
          "BR1800360305000010009795493C1",
          "SA0380000000608010167519",
          "PK36SCBL0000001123456702",
          "TR330006100519786457841326",
          "AE070331234567890123456",
          "UA213223130000026007233566001",
          "RU0304452522540817810538091310419",
          "FO6264600001631634",
          "GL8964710001000206");

  private final ProgramFixture f = ProgramFixture.inMemory();

  @Test
  void enrollingWithAnAccountOutsideSepaIsRefusedNamingTheCountryAndWritesNothing() {
    for (String iban : NON_SEPA) {
      String country = iban.substring(0, 2);
      assertThatThrownBy(
              () ->
                  f.program
                      .partners()
                      .enroll(
                          EnrollPartnerCommand.of("cust-abroad")
                              .withPayoutAccount(PayoutAccount.of(iban, "Ana Souza"))))
          .as(iban)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("iban"))
          .hasMessageContaining(country)
          .hasMessageContaining("SEPA");
      assertThat(
              f.storage
                  .transactions()
                  .execute(
                      () ->
                          f.storage
                              .partners()
                              .findByCustomerAccount(CustomerAccountId.of("cust-abroad"))))
          .as(iban)
          .isEmpty();
    }
  }

  @Test
  void changingToAnAccountOutsideSepaIsRefusedAndKeepsTheAccountOnFile() {
    for (String iban : NON_SEPA) {
      assertThatThrownBy(
              () ->
                  f.program
                      .partners()
                      .updatePayoutAccount(f.partner.id(), PayoutAccount.of(iban, "Jan de Vries")))
          .as(iban)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(iban.substring(0, 2));
    }
    assertThat(
            f.storage
                .transactions()
                .execute(() -> f.storage.partners().findById(f.partner.id()))
                .orElseThrow()
                .payoutAccount())
        .contains(PayoutAccount.of("NL91ABNA0417164300", "Jan de Vries"));
  }

  @Test
  void theSepaWriterRefusesACreditorOrDebtorOutsideSepa() {
    for (String iban : NON_SEPA) {
      assertThatThrownBy(
              () ->
                  new SepaTransfer(
                      "PP-1",
                      "Ana Souza",
                      Iban.parse(iban),
                      Money.of("10.00", "EUR"),
                      "Partnerprogramma"))
          .as(iban)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(iban.substring(0, 2));
      assertThatThrownBy(() -> new SepaDebtor("Hosting", Iban.parse(iban), Optional.empty()))
          .as(iban)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(iban.substring(0, 2));
    }
  }
}
