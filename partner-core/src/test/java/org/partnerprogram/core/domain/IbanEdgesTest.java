package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The edges of each IBAN check, and the helpers hosts use to build and show IBANs. */
class IbanEdgesTest {
  private static InvalidIbanException.Problem problemOf(String input) {
    try {
      Iban.parse(input);
    } catch (InvalidIbanException e) {
      return e.problem();
    }
    throw new AssertionError("accepted " + input);
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

  @Test
  void formattingGroupsByFourAndMaskingKeepsCountryAndLastFour() {
    assertThat(Iban.parse("NL91ABNA0417164300").formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
    assertThat(Iban.parse("BE68539007547034").formatted()).isEqualTo("BE68 5390 0754 7034");
    assertThat(Iban.parse("NO9386011117947").formatted()).isEqualTo("NO93 8601 1117 947");
    assertThat(Iban.parse("NO9386011117947").masked()).isEqualTo("NO*********7947");
    assertThat(Iban.parse("NL91ABNA0417164300").masked()).isEqualTo("NL************4300");
  }
}
