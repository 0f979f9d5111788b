package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReferralCodeTest {
  @Test
  void codesAreCaseInsensitive() {
    assertThat(ReferralCode.parse("jans-hosting")).isEqualTo(ReferralCode.parse("JANS-Hosting"));
    assertThat(ReferralCode.parse("jans-hosting").value()).isEqualTo("JANS-HOSTING");
  }

  @Test
  void refusesCodesOutsideTheAlphabetOrLength() {
    for (String bad :
        new String[] {
          "abc",
          "a".repeat(33),
          "jan's",
          "jan hosting",
          "-jan",
          "jan-",
          "jan--h",
          "jän1",
          "x' OR 1=1 --",
          "<script>",
          "abc\u202Edef"
        }) {
      assertThatThrownBy(() -> ReferralCode.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field())
          .isEqualTo("code");
    }
    assertThatThrownBy(() -> ReferralCode.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesReservedVanityCodes() {
    assertThatThrownBy(() -> ReferralCode.vanity("admin"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reserved");
    assertThat(ReferralCode.vanity("jans-hosting").value()).isEqualTo("JANS-HOSTING");
  }

  @Test
  void buildsLinksFromTheHostTemplate() {
    ReferralLinkTemplate template = ReferralLinkTemplate.of("https://example.nl/?ref={code}");
    assertThat(template.linkFor(ReferralCode.parse("abcd")).toString())
        .isEqualTo("https://example.nl/?ref=ABCD");
    assertThatThrownBy(() -> ReferralLinkTemplate.of("https://example.nl/"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ReferralLinkTemplate.of("https://x.nl/{code}/{code}"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ReferralLinkTemplate.of("/relative?ref={code}"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ReferralLinkTemplate.of("javascript:alert({code})"))
        .isInstanceOf(InvalidInputException.class);
  }
}
