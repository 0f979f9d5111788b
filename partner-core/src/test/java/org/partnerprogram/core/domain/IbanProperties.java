package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.partnerprogram.testkit.Gens;

class IbanProperties {
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Test
  void everyGeneratedValidIbanIsAcceptedAlsoWithSpacesAndLowerCase() {
    qt().forAll(Gens.ibans())
        .checkAssert(
            iban -> {
              assertThat(Iban.parse(iban.value())).isEqualTo(iban);
              assertThat(Iban.parse(iban.formatted().toLowerCase(Locale.ROOT))).isEqualTo(iban);
            });
  }

  @Test
  void changingOneCharacterIntoAnotherOfTheSameKindIsAlwaysRejected() {
    qt().forAll(Gens.ibans(), integers().between(0, 33), integers().between(1, 25))
        .checkAssert(
            (iban, rawPosition, shift) -> {
              String value = iban.value();
              int position = rawPosition % value.length();
              char original = value.charAt(position);
              String alphabet = Character.isDigit(original) ? DIGITS : LETTERS;
              int index = alphabet.indexOf(original);
              char replacement =
                  alphabet.charAt(
                      (index + 1 + shift % (alphabet.length() - 1)) % alphabet.length());
              assertThat(replacement).isNotEqualTo(original);
              String mutated =
                  value.substring(0, position) + replacement + value.substring(position + 1);
              assertThatThrownBy(() -> Iban.parse(mutated))
                  .isInstanceOf(InvalidIbanException.class);
            });
  }

  @Test
  void swappingTwoAdjacentDifferentDigitsIsAlwaysRejected() {
    qt().forAll(Gens.ibans(), integers().between(0, 32))
        .assuming((iban, raw) -> swappablePair(iban.value(), raw) >= 0)
        .checkAssert(
            (iban, raw) -> {
              String v = iban.value();
              int i = swappablePair(v, raw);
              String swapped =
                  v.substring(0, i) + v.charAt(i + 1) + v.charAt(i) + v.substring(i + 2);
              assertThatThrownBy(() -> Iban.parse(swapped))
                  .isInstanceOf(InvalidIbanException.class);
            });
  }

  /**
   * The first position from {@code raw} on (cyclically) of two adjacent different digits, or -1.
   */
  private static int swappablePair(String v, int raw) {
    for (int k = 0; k < v.length() - 1; k++) {
      int i = (raw + k) % (v.length() - 1);
      if (Character.isDigit(v.charAt(i))
          && Character.isDigit(v.charAt(i + 1))
          && v.charAt(i) != v.charAt(i + 1)) {
        return i;
      }
    }
    return -1;
  }
}
