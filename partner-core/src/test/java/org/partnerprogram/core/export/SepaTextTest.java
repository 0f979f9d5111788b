package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SepaTextTest {
  @Test
  void theSepaCharacterSetIsLettersDigitsAndElevenMarks() {
    for (char c : "azAZ09/-?:().,'+ ".toCharArray()) {
      assertThat(SepaText.isSepa(c)).as("%s", c).isTrue();
    }
    for (char c : "`{@[!*;&_\"é".toCharArray()) {
      assertThat(SepaText.isSepa(c)).as("%s", c).isFalse();
    }
  }

  @Test
  void textIsTransliteratedAccentsDroppedAndOtherCharactersBecomeSpaces() {
    assertThat(SepaText.of("Jörg Ærø & Søn", 70)).isEqualTo("Jorg AEro + Son");
    assertThat(SepaText.of("Straße_1 “quoted”", 70)).isEqualTo("Strasse-1 quoted");
    assertThat(SepaText.of("a;b", 70)).isEqualTo("a b");
    assertThat(SepaText.of("a  ;;  b", 70)).isEqualTo("a b");
    assertThat(SepaText.of("  padded  ", 70)).isEqualTo("padded");
    assertThat(SepaText.of("€5", 70)).isEqualTo("EUR5");
  }

  @Test
  void textIsCutToTheLimitWithoutATrailingSpaceAndNeverLeftEmpty() {
    assertThat(SepaText.of("abcdef", 6)).isEqualTo("abcdef");
    assertThat(SepaText.of("abcdefg", 6)).isEqualTo("abcdef");
    assertThat(SepaText.of("abcde fg", 6)).isEqualTo("abcde");
    assertThat(SepaText.of("***", 10)).isEqualTo("-");
    assertThat(SepaText.of("", 10)).isEqualTo("-");
  }
}
