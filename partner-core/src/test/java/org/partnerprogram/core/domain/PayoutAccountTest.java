package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A holder name must survive the bank file whole: every letter transliterable into the SEPA set,
 * and at least one visible letter or digit.
 */
class PayoutAccountTest {
  private static final String IBAN = "NL91ABNA0417164300";

  @Test
  void latinCyrillicAndGreekNamesAreAccepted() {
    for (String name :
        List.of(
            "J. Петров",
            "\u0410dam",
            "Γιώργος Παπαδόπουλος",
            "Zoë Ñandú-Øster",
            "Łukasz Żółć",
            "Jan 😀 de Vries",
            "Ἀλέξανδρος")) {
      assertThat(PayoutAccount.of(IBAN, name).holderName()).isEqualTo(name);
    }
  }

  @Test
  void aNameWithLettersNoTransliterationCarriesIsRefused() {
    for (String name :
        List.of("李小龙", "محمد علي", "דוד כהן", "山田 太郎", "김민준", "สมชาย", "Jan 李", "Ana ٣")) {
      assertThatThrownBy(() -> PayoutAccount.of(IBAN, name))
          .as(name)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("holderName"))
          .hasMessageContaining("Latin letters");
    }
  }

  @Test
  void aNameWithoutAVisibleLetterOrDigitIsRefused() {
    for (String name :
        List.of(
            "\u00A0",
            "\u2800",
            "\u3164",
            "\u115F\u1160",
            "\uFFA0",
            "\u0301\u0301",
            "\u2800 \u2800",
            "😀",
            "...",
            "-")) {
      assertThatThrownBy(() -> PayoutAccount.of(IBAN, name))
          .as(HostileName.show(name))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("holderName"))
          .hasMessageContaining("Latin letters");
    }
  }

  /** Shows a name with its invisible characters as escapes. */
  private static final class HostileName {
    static String show(String s) {
      StringBuilder b = new StringBuilder();
      s.codePoints()
          .forEach(
              cp ->
                  b.append(
                      cp >= 0x20 && cp < 0x7f
                          ? String.valueOf((char) cp)
                          : "U+" + Integer.toHexString(cp)));
      return b.toString();
    }
  }
}
