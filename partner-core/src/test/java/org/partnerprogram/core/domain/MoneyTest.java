package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void keepsTheCurrencyScale() {
    assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(Money.of("1000", "JPY").amount()).isEqualTo(new BigDecimal("1000"));
    assertThat(Money.of("1.234", "BHD").amount()).isEqualTo(new BigDecimal("1.234"));
    assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
    assertThatThrownBy(() -> Money.of("0.001", "EUR"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more decimals than EUR");
    assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void roundsOnlyWhenAskedWithAnExplicitMode() {
    assertThat(Money.of(new BigDecimal("0.005"), EUR, RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.01", "EUR"));
    assertThat(Money.of(new BigDecimal("0.005"), EUR, RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("0.00", "EUR"));
  }

  @Test
  void refusesLocaleFormattedOrUnknownInput() {
    assertThatThrownBy(() -> Money.of("12,50", "EUR")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of("1e3", "EUR")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of("1", "EURO")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of("1", "ZZZ"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown ISO 4217 currency 'ZZZ'");
    assertThatThrownBy(() -> Money.of("1", "XXX"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no minor unit");
    assertThatThrownBy(() -> Money.of("1000000000000000", "EUR"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mixingCurrenciesNamesBoth() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("EUR")
        .hasMessageContaining("USD")
        .satisfies(
            e -> {
              CurrencyMismatchException m = (CurrencyMismatchException) e;
              assertThat(m.expected().getCurrencyCode()).isEqualTo("EUR");
              assertThat(m.actual().getCurrencyCode()).isEqualTo("USD");
            });
    assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "GBP")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void allocatesLeftoverCentsToTheLargestRemainders() {
    assertThat(Money.of("10.00", "EUR").allocate(1, 1, 1))
        .containsExactly(Money.of("3.34", "EUR"), Money.of("3.33", "EUR"), Money.of("3.33", "EUR"));
    assertThat(Money.of("-0.05", "EUR").allocate(1, 1))
        .containsExactly(Money.of("-0.03", "EUR"), Money.of("-0.02", "EUR"));
    assertThat(Money.of("0.05", "EUR").allocate(0, 1))
        .containsExactly(Money.of("0.00", "EUR"), Money.of("0.05", "EUR"));
    assertThatThrownBy(() -> Money.of("1", "EUR").allocate(0, 0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of("1", "EUR").allocate(-1, 2))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void reportsSignAndMinorUnits() {
    Money m = Money.of("-12.34", "EUR");
    assertThat(m.isNegative()).isTrue();
    assertThat(m.isPositive()).isFalse();
    assertThat(m.negated().isPositive()).isTrue();
    assertThat(m.minorUnits()).isEqualTo(-1234);
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(m.toString()).isEqualTo("EUR -12.34");
  }
}
