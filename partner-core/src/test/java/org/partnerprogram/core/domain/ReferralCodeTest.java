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
  void lettersOutsideAsciiAreRefusedBeforeCaseFoldingNotFoldedIntoAnotherCode() {
    // long s, dotless i, sharp s and the fi ligature upper-case into S, I, SS and FI
    for (String bad :
        new String[] {
          "\u017Ftar-hosting", "h\u0131ghway", "stra\u00DFe", "\uFB01sh-hosting", "\u212Aelvin"
        }) {
      assertThatThrownBy(() -> ReferralCode.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("A-Z");
    }
    assertThat(ReferralCode.parse("star-hosting").value()).isEqualTo("STAR-HOSTING");
  }

  @Test
  void vanityCodesThatSpellAReservedWordWithLookAlikeDigitsAreReservedToo() {
    for (String imitation :
        new String[] {
          "ADM1N",
          "adm1n",
          "R00T",
          "SUPP0RT",
          "4DMIN",
          "L0G1N",
          "LOG1N",
          "H3LP",
          "5Y5T3M",
          "7E57",
          "NU11",
          "N0NE",
          "0RDER",
          "P4RTN3R5",
          "B1LL1NG",
          "CH3CK0UT"
        }) {
      assertThatThrownBy(() -> ReferralCode.vanity(imitation))
          .as(imitation)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("reserved");
      assertThat(ReferralCode.isReserved(ReferralCode.parse(imitation))).as(imitation).isTrue();
    }
    for (String fine : new String[] {"ADMIN2", "ROOTS", "H3LP-DESK", "JAN-HOSTING", "B3A-VPS"}) {
      assertThat(ReferralCode.vanity(fine).value()).isEqualTo(fine);
    }
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
