package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTermsTest {
  private static final ReferralLinkTemplate TEMPLATE =
      ReferralLinkTemplate.of("https://example.nl/?ref={code}");

  @Test
  void defaultsAreTheSeedProgramme() {
    ProgramTerms terms = ProgramTerms.builder().referralLinkTemplate(TEMPLATE).build();
    assertThat(terms.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(terms.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(terms.attributionWindow()).isEqualTo(Duration.ofDays(90));
    assertThat(terms.attributionModel()).isEqualTo(AttributionModel.LAST_TOUCH);
    assertThat(terms.holdingPeriod()).isEqualTo(Duration.ZERO);
    assertThat(terms.clickRetentionGrace()).isEqualTo(Duration.ofDays(30));
    assertThat(terms.bookkeepingRetention()).isEqualTo(Period.ofYears(7));
    assertThat(terms.minimumPayout()).isEqualTo(Money.of("0", "EUR"));
    assertThat(terms.rounding()).isEqualTo(RoundingMode.HALF_UP);
  }

  @Test
  void theReferralLinkTemplateIsRequiredWithATypedError() {
    assertThatThrownBy(() -> ProgramTerms.builder().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("referralLinkTemplate");
  }

  @Test
  void refusesSettingsOutOfRange() {
    assertRefused(b -> b.attributionWindow(Duration.ZERO), InvalidInputException.class);
    assertRefused(b -> b.attributionWindow(Duration.ofDays(731)), InvalidInputException.class);
    assertRefused(b -> b.holdingPeriod(Duration.ofDays(-1)), InvalidInputException.class);
    assertRefused(b -> b.clickRetentionGrace(Duration.ofNanos(-1)), InvalidInputException.class);
    assertRefused(b -> b.clickRetentionGrace(Duration.ofDays(731)), InvalidInputException.class);
    assertRefused(b -> b.minimumPayout(Money.of("-1", "EUR")), InvalidInputException.class);
    assertRefused(b -> b.minimumPayout(Money.of("25", "USD")), CurrencyMismatchException.class);
    assertRefused(b -> b.rounding(RoundingMode.UNNECESSARY), InvalidInputException.class);
  }

  @Test
  void aClickRetentionGraceOfZeroKeepsClicksForTheWindowOnly() {
    ProgramTerms terms =
        ProgramTerms.builder()
            .referralLinkTemplate(TEMPLATE)
            .clickRetentionGrace(Duration.ZERO)
            .build();
    assertThat(terms.clickRetentionGrace()).isZero();
    assertThatThrownBy(
            () ->
                ProgramTerms.builder()
                    .referralLinkTemplate(TEMPLATE)
                    .clickRetentionGrace(Duration.ofDays(-1))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("clickRetentionGrace");
  }

  @Test
  void aBookkeepingRetentionThatIsZeroNegativeInAnyPartOrAbsurdIsATypedRefusal() {
    for (Period refused :
        List.of(
            Period.ZERO,
            Period.ofDays(-1),
            Period.ofYears(-7),
            Period.of(7, -1, 0),
            Period.ofYears(31),
            Period.of(30, 0, 1),
            Period.ofMonths(361),
            Period.ofYears(Integer.MAX_VALUE))) {
      assertThatThrownBy(
              () ->
                  ProgramTerms.builder()
                      .referralLinkTemplate(TEMPLATE)
                      .bookkeepingRetention(refused)
                      .build())
          .as("%s", refused)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("bookkeepingRetention"))
          .hasMessageContaining(refused.toString());
    }
    for (Period accepted :
        List.of(Period.ofDays(1), Period.ofYears(10), Period.of(5, 6, 0), Period.ofYears(30))) {
      assertThat(
              ProgramTerms.builder()
                  .referralLinkTemplate(TEMPLATE)
                  .bookkeepingRetention(accepted)
                  .build()
                  .bookkeepingRetention())
          .isEqualTo(accepted);
    }
  }

  @Test
  void aNegativeClickRetentionGraceIsATypedRefusalNamingTheField() {
    assertThatThrownBy(
            () ->
                ProgramTerms.builder()
                    .referralLinkTemplate(TEMPLATE)
                    .clickRetentionGrace(Duration.ofSeconds(-1))
                    .build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("clickRetentionGrace"));
  }

  private static void assertRefused(
      java.util.function.Consumer<ProgramTerms.Builder> setting, Class<? extends Exception> error) {
    ProgramTerms.Builder builder = ProgramTerms.builder().referralLinkTemplate(TEMPLATE);
    setting.accept(builder);
    assertThatThrownBy(builder::build).isInstanceOf(error);
  }

  @Test
  void theMinimumPayoutFollowsTheCurrency() {
    ProgramTerms terms =
        ProgramTerms.builder()
            .referralLinkTemplate(TEMPLATE)
            .currency(Currencies.of("JPY"))
            .build();
    assertThat(terms.minimumPayout()).isEqualTo(Money.of("0", "JPY"));
  }
}
