package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProgramTermsEdgesTest {
  private static ProgramTerms terms(UnaryOperator<ProgramTerms.Builder> setting) {
    return setting
        .apply(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}")))
        .build();
  }

  private static String refusedField(UnaryOperator<ProgramTerms.Builder> setting) {
    try {
      terms(setting);
    } catch (InvalidInputException e) {
      return e.field();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    assertThat(terms(b -> b.attributionWindow(Duration.ofDays(730))).attributionWindow())
        .isEqualTo(Duration.ofDays(730));
    assertThat(terms(b -> b.attributionWindow(Duration.ofSeconds(1))).attributionWindow())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(terms(b -> b.holdingPeriod(Duration.ofDays(365))).holdingPeriod())
        .isEqualTo(Duration.ofDays(365));
    assertThat(terms(b -> b.minimumPayout(Money.of("0.00", "EUR"))).minimumPayout().isZero())
        .isTrue();
  }

  @Test
  void oneStepPastEachLimitIsRefusedNamingTheSetting() {
    assertThat(refusedField(b -> b.attributionWindow(Duration.ofDays(730).plusSeconds(1))))
        .isEqualTo("attributionWindow");
    assertThat(refusedField(b -> b.attributionWindow(Duration.ofSeconds(-1))))
        .isEqualTo("attributionWindow");
    assertThat(refusedField(b -> b.holdingPeriod(Duration.ofDays(365).plusSeconds(1))))
        .isEqualTo("holdingPeriod");
    assertThat(refusedField(b -> b.minimumPayout(Money.of("-0.01", "EUR"))))
        .isEqualTo("minimumPayout");
    assertThat(refusedField(b -> b.rounding(java.math.RoundingMode.UNNECESSARY)))
        .isEqualTo("rounding");
  }

  @Test
  void earningPolicyMonthsRunFromOneToHundredTwenty() {
    assertThat(EarningPolicy.withinMonths(1)).isEqualTo(new EarningPolicy.WithinMonths(1));
    assertThat(EarningPolicy.withinMonths(120)).isEqualTo(new EarningPolicy.WithinMonths(120));
    assertThatThrownBy(() -> EarningPolicy.withinMonths(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> EarningPolicy.withinMonths(121))
        .isInstanceOf(InvalidInputException.class);
    assertThat(EarningPolicy.everyOrder()).isInstanceOf(EarningPolicy.EveryOrder.class);
    assertThat(EarningPolicy.firstOrderOnly()).isInstanceOf(EarningPolicy.FirstOrderOnly.class);
    assertThat(terms(b -> b).earningPolicy()).isEqualTo(EarningPolicy.everyOrder());
  }

  @Test
  void landingPathsAreShortUrlPathsWithoutAQuery() {
    assertThat(LandingPath.of("/").value()).isEqualTo("/");
    assertThat(LandingPath.of("/azAZ09-_.~/x").value()).isEqualTo("/azAZ09-_.~/x");
    String longest = "/" + "a".repeat(LandingPath.MAX_LENGTH - 1);
    assertThat(LandingPath.of(longest).value()).hasSize(200);
    for (String bad :
        new String[] {null, "", "a/", longest + "a", "/x?y=1", "/a`", "/a{", "/a@", "/a[", "/a:"}) {
      assertThatThrownBy(() -> LandingPath.of(bad))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("landingPath"));
    }
  }
}
