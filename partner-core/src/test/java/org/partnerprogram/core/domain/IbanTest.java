package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbanTest {
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

  private static void assertProblem(String input, InvalidIbanException.Problem problem) {
    assertThatThrownBy(() -> Iban.parse(input))
        .isInstanceOfSatisfying(
            InvalidIbanException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageStartingWith("iban: ");
  }
}
