package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class ReferralLinkTemplateTest {
  @Test
  void httpAndHttpsTemplatesWithAHostAndOnePlaceholderMakeLinks() {
    assertThat(
            ReferralLinkTemplate.of("http://example.nl/r/{code}").linkFor(new ReferralCode("AB2K")))
        .hasToString("http://example.nl/r/AB2K");
    assertThat(ReferralLinkTemplate.of("https://x.nl/?r={code}").pattern())
        .isEqualTo("https://x.nl/?r={code}");
  }

  @Test
  void everythingElseIsRefusedNamingTheTemplate() {
    for (String bad :
        new String[] {
          null,
          " ",
          "https://x.nl/",
          "https://x.nl/{code}{code}",
          "ftp://x.nl/{code}",
          "https:///{code}",
          "https://x .nl/{code}",
          "mailto:{code}@x.nl"
        }) {
      assertThatThrownBy(() -> ReferralLinkTemplate.of(bad))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("referralLinkTemplate"));
    }
  }

  @Test
  void currenciesAreUpperCaseIsoCodesWithAMinorUnit() {
    assertThat(Currencies.of("JPY")).isEqualTo(Currency.getInstance("JPY"));
    assertThat(Currencies.requireMinorUnit(Currency.getInstance("BHD")).getDefaultFractionDigits())
        .isEqualTo(3);
    for (String bad : new String[] {null, "eur", "EU", "EURO", "ZZZ", "XAU"}) {
      assertThatThrownBy(() -> Currencies.of(bad))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }
    assertThatThrownBy(() -> Currencies.of(null)).hasMessageEndingWith("was null");
    assertThatThrownBy(() -> Currencies.of("eur")).hasMessageEndingWith("was 'eur'");
  }
}
