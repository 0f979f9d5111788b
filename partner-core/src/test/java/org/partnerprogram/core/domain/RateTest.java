package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateTest {
  @Test
  void percentagesLieBetweenZeroAndHundredWithAtMostFourDecimals() {
    assertThat(Rate.percent("12.5").percent()).isEqualTo(new BigDecimal("12.5"));
    assertThat(Rate.percent("100").percent()).isEqualTo(new BigDecimal("100"));
    assertThat(Rate.percent("0.0001").percent()).isEqualTo(new BigDecimal("0.0001"));
    assertThat(Rate.percent("12.50000")).isEqualTo(Rate.percent("12.5"));
    for (String bad : new String[] {"-1", "100.0001", "101", "0.00001", "12,5", "", "1e2"}) {
      assertThatThrownBy(() -> Rate.percent(bad)).as(bad).isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> new Rate.Percentage(new BigDecimal("-0.01")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPercentageCommissionIsRoundedOnce() {
    // 19.99 x 12.5 % = 2.49875 -> 2.50 (HALF_UP), 2.49 (DOWN)
    Money net = Money.of("19.99", "EUR");
    assertThat(Rate.percent("12.5").commissionOn(net, RoundingMode.HALF_UP))
        .isEqualTo(Money.of("2.50", "EUR"));
    assertThat(Rate.percent("12.5").commissionOn(net, RoundingMode.DOWN))
        .isEqualTo(Money.of("2.49", "EUR"));
    // 0.10 x 4.45 % = 0.00445: rounded once HALF_UP gives 0.00 (rounding twice would give 0.01)
    assertThat(Rate.percent("4.45").commissionOn(Money.of("0.10", "EUR"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.00", "EUR"));
  }

  @Test
  void aFixedAmountIsCappedAtTheNetAmount() {
    Rate fixed = Rate.fixed(Money.of("5.00", "EUR"));
    assertThat(fixed.commissionOn(Money.of("20.00", "EUR"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("5.00", "EUR"));
    assertThat(fixed.commissionOn(Money.of("3.00", "EUR"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("3.00", "EUR"));
    assertThat(fixed.commissionOn(Money.of("0.00", "EUR"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.00", "EUR"));
    assertThatThrownBy(() -> Rate.fixed(Money.of("-1", "EUR")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> fixed.commissionOn(Money.of("20.00", "USD"), RoundingMode.HALF_UP))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void aProductsOwnRateBeatsItsGroupRate() {
    RateVersion version =
        RateVersion.builder()
            .partnerId(Optional.empty())
            .number(1)
            .effectiveFrom(Instant.parse("2026-01-01T00:00:00Z"))
            .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
            .putRates(RateTarget.group("vps"), Rate.percent("10"))
            .putRates(RateTarget.product("vps-xl"), Rate.percent("15"))
            .build();
    assertThat(version.rateFor(ProductId.of("vps-xl"), Optional.of(ProductGroupId.of("vps"))))
        .contains(Rate.percent("15"));
    assertThat(version.rateFor(ProductId.of("vps-s"), Optional.of(ProductGroupId.of("vps"))))
        .contains(Rate.percent("10"));
    assertThat(version.rateFor(ProductId.of("domain-nl"), Optional.empty())).isEmpty();
  }

  @Test
  void aRateVersionNeedsItsRequiredValuesWithATypedError() {
    assertThatThrownBy(() -> RateVersion.builder().number(1).build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                RateVersion.builder()
                    .partnerId(Optional.empty())
                    .number(0)
                    .effectiveFrom(Instant.EPOCH)
                    .createdAt(Instant.EPOCH)
                    .build())
        .isInstanceOf(InvalidInputException.class);
  }
}
