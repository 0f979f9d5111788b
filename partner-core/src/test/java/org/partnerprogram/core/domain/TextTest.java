package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void identifiersAreShortPrintableAscii() {
    assertThat(CustomerAccountId.of("cust-42").value()).isEqualTo("cust-42");
    assertThat(CustomerAccountId.of("c".repeat(64)).value()).hasSize(64);
    for (String bad :
        new String[] {"", " ", "c".repeat(65), "cust 42", "cust\u000042", "x'--", "ü"}) {
      assertThatThrownBy(() -> CustomerAccountId.of(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field())
          .isEqualTo("customerAccountId");
    }
    assertThatThrownBy(() -> CustomerAccountId.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void freeTextRefusesControlAndBidiCharacters() {
    assertThat(Text.freeText("name", "Jan de Vries-Ørsted", 70)).isEqualTo("Jan de Vries-Ørsted");
    for (String bad :
        new String[] {
          "", "   ", " Jan", "Jan ", "Jan\nde Vries", "Jan\u202Eseirv", "Jan\u0000", "x".repeat(71)
        }) {
      assertThatThrownBy(() -> Text.freeText("name", bad, 70))
          .as(bad)
          .isInstanceOf(InvalidInputException.class);
    }
    // 70 code points outside the BMP are 140 chars but still within the limit
    assertThat(Text.freeText("name", "😀".repeat(70), 70)).isNotNull();
  }

  @Test
  void payoutAccountsValidateBothParts() {
    PayoutAccount account = PayoutAccount.of("nl91 abna 0417 1643 00", "J. de Vries");
    assertThat(account.iban().value()).isEqualTo("NL91ABNA0417164300");
    assertThat(account.toString()).doesNotContain("0417");
    assertThatThrownBy(() -> PayoutAccount.of("NL91ABNA0417164300", ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PayoutAccount.of("NL91ABNA0417164301", "J. de Vries"))
        .isInstanceOf(InvalidIbanException.class);
  }
}
