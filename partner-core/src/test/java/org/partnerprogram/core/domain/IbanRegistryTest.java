package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What ISO 13616 and the SWIFT IBAN Registry say beyond the checksum: check digits 02 to 98 only,
 * and each country's account part (BBAN) in its registered format.
 */
class IbanRegistryTest {
  /** Example IBANs of the SEPA countries, as the registry and the banks publish them. */
  static final List<String> SEPA_EXAMPLES =
      List.of(
          "AD1200012030200359100100",
          "AT611904300234573201",
          "BE68539007547034",
          "BG80BNBG96611020345678",
          "CH9300762011623852957",
          "CY17002001280000001200527600",
          "CZ6508000000192000145399",
          "DE89370400440532013000",
          "DK5000400440116243",
          "EE382200221020145685",
          "ES9121000418450200051332",
          "FI2112345600000785",
          "FR1420041010050500013M02606",
          "GB29NWBK60161331926819",
          "GI75NWBK000000007099453",
          "GR1601101250000000012300695",
          "HR1210010051863000160",
          "HU42117730161111101800000000",
          "IE29AIBK93115212345678",
          "IS140159260076545510730339",
          "IT60X0542811101000000123456",
          "LI21088100002324013AA",
          "LT121000011101001000",
          "LU280019400644750000",
          "LV80BANK0000435195001",
          "MC5811222000010123456789030",
          "MT84MALT011000012345MTLCAST001S",
          "NL91ABNA0417164300",
          "NO9386011117947",
          "PL61109010140000071219812874",
          "PT50000201231234567890154",
          "RO49AAAA1B31007593840000",
          "SE4550000000058398257466",
          "SI56263300012039086",
          "SK3112000000198742637541",
          "SM86U0322509800000000270100",
          "VA59001123000012345678",
          "AL47212110090000000235698741",
          "ME25505000012345678951",
          "MD24AG000225100013104168",
          "MK07250120000058984",
          "RS35260005601001611379");

  /** Valid IBANs of countries outside SEPA (the Faroe Islands and Greenland among them). */
  static final List<String> NON_SEPA_EXAMPLES =
      List.of(
          "BR1800360305000010009795493C1",
          "SA0380000000608010167519",
          "PK36SCBL0000001123456702",
          "TR330006100519786457841326",
          "AE070331234567890123456",
          "UA213223130000026007233566001",
          "RU0304452522540817810538091310419",
          "FO6264600001631634",
          "GL8964710001000206",
          "XK051212012345678906",
          "BA391290079401028494",
          "LC55HEMM000100010012001200023015",
          "KZ86125KZT5004100100",
          "CR05015202001026284066",
          "MU17BOMM0101101030300200000MUR",
          "SC18SSCB11010000000000001497USD",
          "BY13NBRB3600900000002Z00AB00",
          "EG380019000500000000263180002",
          "IL620108000000099999999",
          "JO94CBJO0010000000000131000302",
          "QA58DOHB00001234567890ABCDEFG",
          "HN88CABF00000000000250005469");

  @Test
  void registryExamplesOfEveryKindAreAccepted() {
    for (String iban : SEPA_EXAMPLES) {
      assertThat(Iban.parse(iban).value()).isEqualTo(iban);
    }
    for (String iban : NON_SEPA_EXAMPLES) {
      assertThat(Iban.parse(iban).value()).isEqualTo(iban);
    }
  }

  @Test
  void checkDigits00And01And99AreRefusedThoughTheChecksumMatches() {
    for (String iban : List.of("NL99ABNA0417164350", "NL01ABNA0417164368", "NL00ABNA0417164386")) {
      assertThat(Iban.mod97(iban)).as(iban).isEqualTo(1);
      assertThatThrownBy(() -> Iban.parse(iban))
          .as(iban)
          .isInstanceOfSatisfying(
              InvalidIbanException.class,
              e ->
                  assertThat(e.problem())
                      .isEqualTo(InvalidIbanException.Problem.WRONG_CHECK_DIGITS))
          .hasMessageContaining("02 to 98");
    }
  }

  @Test
  void anAccountPartOutsideItsCountrysRegistryFormatIsRefusedThoughTheChecksumMatches() {
    for (String iban :
        List.of(
            "NL5312340417164300", // the Dutch bank code is four letters
            "NL15ABNA041716430X", // then ten digits
            "DE6337040044053201300X", // German BBANs are 18 digits
            "BE9253900754703X",
            "IT2500542811101000000123456", // the Italian CIN is a letter
            "GB321WBK60161331926819")) { // the British bank code is four letters
      assertThat(Iban.mod97(iban)).as(iban).isEqualTo(1);
      assertThatThrownBy(() -> Iban.parse(iban))
          .as(iban)
          .isInstanceOf(InvalidIbanException.class)
          .hasMessageContaining("position");
    }
  }

  @Test
  void anAccountPartOutsideTheFormatNamesThatProblem() {
    assertThatThrownBy(() -> Iban.parse("NL5312340417164300"))
        .isInstanceOfSatisfying(
            InvalidIbanException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidIbanException.Problem.WRONG_BBAN_FORMAT))
        .hasMessage(
            "iban: an IBAN from NL needs a letter at position 5 (its account part is 4!a10!n in"
                + " the SWIFT IBAN Registry: n digits, a letters, c either)");
  }

  @Test
  void everyCountrysFormatAccountsForItsLength() {
    assertThat(Iban.bbanFormat("NL")).contains("4!a10!n");
    assertThat(Iban.expand("4!a10!n")).isEqualTo("aaaa" + "n".repeat(10));
    assertThat(Iban.expand("1!a5!n5!n12!c")).isEqualTo("a" + "n".repeat(10) + "c".repeat(12));
    assertThat(Iban.bbanFormat("US")).isEmpty();
    assertThat(Iban.bbanFormat(null)).isEmpty();
    assertThat(Iban.ibanCountries()).hasSize(89).contains("HN", "NL", "RU");
    for (String country : Iban.ibanCountries()) {
      String kinds = Iban.expand(Iban.bbanFormat(country).orElseThrow());
      assertThat(kinds).as(country).matches("[nac]+");
      assertThat(Iban.lengthFor(country)).as(country).isEqualTo(4 + kinds.length());
    }
  }

  @Test
  void sepaIsTheEpcListOfOctober2025() {
    for (String iban : SEPA_EXAMPLES) {
      assertThat(Iban.parse(iban).isSepa()).as(iban).isTrue();
    }
    for (String iban : NON_SEPA_EXAMPLES) {
      assertThat(Iban.parse(iban).isSepa()).as(iban).isFalse();
    }
    assertThat(Iban.sepaCountries())
        .hasSize(42)
        .containsAll(SEPA_EXAMPLES.stream().map(i -> i.substring(0, 2)).toList())
        .doesNotContain("FO", "GL", "XK", "BA", "TR", "UA");
    assertThat(Iban.ibanCountries()).containsAll(Iban.sepaCountries());
    assertThat(Iban.isSepaCountry(null)).isFalse();
    assertThat(Iban.isSepaCountry("nl")).isFalse();
  }
}
