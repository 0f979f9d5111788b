package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IBANs: the checks, their edges, and what the registry says beyond the checksum. */
class IbanTest {
  private static void assertProblem(String input, InvalidIbanException.Problem problem) {
    assertThatThrownBy(() -> Iban.parse(input))
        .isInstanceOfSatisfying(
            InvalidIbanException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageStartingWith("iban: ");
  }

  private static InvalidIbanException.Problem problemOf(String input) {
    try {
      Iban.parse(input);
    } catch (InvalidIbanException e) {
      return e.problem();
    }
    throw new AssertionError("accepted " + input);
  }

  private static String findBbanWithSmallCheckDigits() {
    for (int i = 0; i < 10_000; i++) {
      String bban = String.format("NWBK60161331%06d", i);
      int check = Integer.parseInt(Iban.checkDigits("GB", bban));
      if (check < 10) {
        return bban;
      }
    }
    throw new AssertionError("no BBAN with check digits below 10");
  }

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
  void acceptsKnownGoodIbansAndNormalisesSpacesAndCase() {
    assertThat(Iban.parse("NL91 ABNA 0417 1643 00").value()).isEqualTo("NL91ABNA0417164300");
    assertThat(Iban.parse("nl91abna0417164300").value()).isEqualTo("NL91ABNA0417164300");
    assertThat(Iban.parse("DE89 3704 0044 0532 0130 00").countryCode()).isEqualTo("DE");
    assertThat(Iban.parse("GB29 NWBK 6016 1331 9268 19").formatted())
        .isEqualTo("GB29 NWBK 6016 1331 9268 19");
    assertThat(Iban.parse("BE68539007547034").masked()).isEqualTo("BE**********7034");
  }

  @Test
  void namesTheCheckThatFailed() {
    assertProblem("", InvalidIbanException.Problem.EMPTY);
    assertProblem(null, InvalidIbanException.Problem.EMPTY);
    assertProblem("NL91-ABNA-0417-1643-00", InvalidIbanException.Problem.ILLEGAL_CHARACTERS);
    assertProblem("NL91ÄBNA0417164300", InvalidIbanException.Problem.ILLEGAL_CHARACTERS);
    assertProblem("XX91ABNA0417164300", InvalidIbanException.Problem.UNKNOWN_COUNTRY);
    assertProblem("NL91ABNA04171643001", InvalidIbanException.Problem.WRONG_LENGTH);
    assertProblem("NL91ABNA041716430", InvalidIbanException.Problem.WRONG_LENGTH);
    assertProblem("NL92ABNA0417164300", InvalidIbanException.Problem.WRONG_CHECK_DIGITS);
    assertProblem("NLAAABNA0417164300", InvalidIbanException.Problem.WRONG_CHECK_DIGITS);
  }

  @Test
  void computesCheckDigitsThatValidate() {
    String bban = "ABNA0417164300";
    assertThat(Iban.checkDigits("NL", bban)).isEqualTo("91");
  }

  @Test
  void neverPrintsTheWholeIbanByAccident() {
    assertThat(Iban.parse("NL91ABNA0417164300").toString()).isEqualTo("NL************4300");
  }

  @Test
  void countryLengthsComeFromTheRegistryTable() {
    assertThat(Iban.lengthFor("NL")).isEqualTo(18);
    assertThat(Iban.lengthFor("NO")).isEqualTo(15);
    assertThat(Iban.lengthFor("RU")).isEqualTo(33);
    assertThat(Iban.lengthFor("US")).isZero();
    assertThat(Iban.isIbanCountry("DE")).isTrue();
    assertThat(Iban.isIbanCountry("US")).isFalse();
  }

  @Test
  void eachCheckHasItsEdge() {
    assertThat(problemOf("   ")).isEqualTo(InvalidIbanException.Problem.EMPTY);
    assertThat(problemOf("NL9")).isEqualTo(InvalidIbanException.Problem.WRONG_LENGTH);
    assertThat(problemOf("X".repeat(65))).isEqualTo(InvalidIbanException.Problem.WRONG_LENGTH);
    // 64 characters of which most are spaces still get to the country-length check
    assertThat(Iban.parse("NL91ABNA0417164300" + " ".repeat(46)).value())
        .isEqualTo("NL91ABNA0417164300");
    assertThat(problemOf("NL9AABNA0417164300"))
        .isEqualTo(InvalidIbanException.Problem.WRONG_CHECK_DIGITS);
    assertThat(problemOf("NLA1ABNA0417164300"))
        .isEqualTo(InvalidIbanException.Problem.WRONG_CHECK_DIGITS);
    for (String bad :
        new String[] {"NL91@BNA0417164300", "NL91[BNA0417164300", "NL91/BNA0417164300"}) {
      assertThat(problemOf(bad)).as(bad).isEqualTo(InvalidIbanException.Problem.ILLEGAL_CHARACTERS);
    }
    assertThat(problemOf("NL91ABNA0417164:00"))
        .isEqualTo(InvalidIbanException.Problem.ILLEGAL_CHARACTERS);
    assertThatThrownBy(() -> Iban.parse("NL91ABNA0417164:00"))
        .hasMessageEndingWith("at position 16");
    assertThatThrownBy(() -> Iban.parse("NL91ABNA04171643001"))
        .hasMessage("iban: an IBAN from NL has 18 characters, this one has 19");
    assertThatThrownBy(() -> new Iban(null))
        .isInstanceOfSatisfying(
            InvalidIbanException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidIbanException.Problem.EMPTY));
    assertThatThrownBy(() -> new Iban("nl91abna0417164300"))
        .isInstanceOfSatisfying(
            InvalidIbanException.class,
            e ->
                assertThat(e.problem()).isEqualTo(InvalidIbanException.Problem.ILLEGAL_CHARACTERS));
  }

  @Test
  void lettersCountAsTwoDigitsInTheChecksum() {
    // every letter of the alphabet in the BBAN (Saint Lucia has 28-character BBANs)
    String bban = "ABCDEFGHIJKLMNOPQRSTUVWXYZ01";
    String lc = "LC" + Iban.checkDigits("LC", bban) + bban;
    assertThat(Iban.parse(lc).value()).isEqualTo(lc);
    assertThat(Iban.mod97(lc)).isEqualTo(1);
    assertThat(Iban.mod97("NL91ABNA0417164300")).isEqualTo(1);
    assertThat(Iban.mod97("NL92ABNA0417164300")).isEqualTo(2);
  }

  @Test
  void checkDigitsBelowTenArePaddedToTwo() {
    // GB and a BBAN whose check digits are 02 (computed with the mod-97 definition)
    String bban = findBbanWithSmallCheckDigits();
    String digits = Iban.checkDigits("GB", bban);
    assertThat(digits).hasSize(2).startsWith("0");
    assertThat(Iban.parse("GB" + digits + bban).countryCode()).isEqualTo("GB");
    assertThat(Iban.checkDigits("NL", "ABNA0417164300")).isEqualTo("91");
    assertThat(Iban.checkDigits("DE", "370400440532013000")).isEqualTo("89");
  }

  @Test
  void formattingGroupsByFourAndMaskingKeepsCountryAndLastFour() {
    assertThat(Iban.parse("NL91ABNA0417164300").formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
    assertThat(Iban.parse("BE68539007547034").formatted()).isEqualTo("BE68 5390 0754 7034");
    assertThat(Iban.parse("NO9386011117947").formatted()).isEqualTo("NO93 8601 1117 947");
    assertThat(Iban.parse("NO9386011117947").masked()).isEqualTo("NO*********7947");
    assertThat(Iban.parse("NL91ABNA0417164300").masked()).isEqualTo("NL************4300");
  }

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
