package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Numbers a host passes on from outside (a webhook's JSON, a form) that no amount needs: an
 * exponent alone can make a rescale cost a billion digits. Each is refused as invalid input, fast,
 * with a message of bounded length, never with an {@link ArithmeticException}.
 */
class HugeNumbersTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  /** Values that are short as text and absurd as numbers. */
  static final String[] HUGE =
      new String[] {
        "1E+999999999",
        "-1E+999999999",
        "1E-999999999",
        "1E+2000000",
        "1E-2000000",
        "1E+2147483647",
        "1E-2147483647",
        "9.99E+2147483646",
        "1E+101",
        "1E-101"
      };

  /** Every entry point that turns a host's number into money or a rate. */
  static Map<String, Function<BigDecimal, Object>> entryPoints() {
    Map<String, Function<BigDecimal, Object>> calls = new LinkedHashMap<>();
    Money oneEuro = Money.of("1.00", "EUR");
    calls.put("Money.of(amount, EUR)", v -> Money.of(v, EUR));
    calls.put("Money.of(amount, JPY)", v -> Money.of(v, JPY));
    calls.put("Money.of(amount, EUR, HALF_UP)", v -> Money.of(v, EUR, RoundingMode.HALF_UP));
    calls.put("Money.of(amount, EUR, CEILING)", v -> Money.of(v, EUR, RoundingMode.CEILING));
    calls.put(
        "Money.of(amount, EUR, UNNECESSARY)", v -> Money.of(v, EUR, RoundingMode.UNNECESSARY));
    calls.put("multipliedBy(factor, HALF_UP)", v -> oneEuro.multipliedBy(v, RoundingMode.HALF_UP));
    calls.put("multipliedBy(factor, UP)", v -> oneEuro.multipliedBy(v, RoundingMode.UP));
    calls.put("new Rate.Percentage(percent)", Rate.Percentage::new);
    calls.put("Rate.percent(text)", v -> Rate.percent(v.toString()));
    calls.put("Money.of(text, EUR)", v -> Money.of(v.toString(), "EUR"));
    return calls;
  }

  @Test
  void hugeExponentsAreRefusedAsInvalidInputWithAShortMessage() {
    for (Map.Entry<String, Function<BigDecimal, Object>> call : entryPoints().entrySet()) {
      for (String text : HUGE) {
        BigDecimal value = new BigDecimal(text);
        // How long a refusal takes is measured by HugeNumberRefusalBenchmark (JMH), not here;
        // HugeNumbersInASmallHeapTest shows that none expands the number in memory.
        assertThatThrownBy(() -> call.getValue().apply(value))
            .as("%s with %s", call.getKey(), text)
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
      }
    }
  }

  @Test
  void aRoundingThatWouldBeNecessaryIsInvalidInputNotAnArithmeticException() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("0.005"), EUR, RoundingMode.UNNECESSARY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more decimals than EUR");
    assertThatThrownBy(
            () ->
                Money.of("0.01", "EUR")
                    .multipliedBy(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                Rate.percent("12.5")
                    .commissionOn(Money.of("0.01", "EUR"), RoundingMode.UNNECESSARY))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMissingFactorOrRoundingIsInvalidInput() {
    Money oneEuro = Money.of("1.00", "EUR");
    assertThatThrownBy(() -> oneEuro.multipliedBy(null, RoundingMode.HALF_UP))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> oneEuro.multipliedBy(BigDecimal.ONE, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void longTextIsNeverPrintedWholeInAMessage() {
    String longNumber = "9".repeat(100_000);
    assertThatThrownBy(() -> Money.of(longNumber, "EUR"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(() -> Rate.percent(longNumber))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(() -> Currencies.of(longNumber))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(() -> Money.of(new BigDecimal(longNumber), EUR))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(() -> Money.of(new BigDecimal("0." + longNumber), EUR, RoundingMode.DOWN))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void ordinaryNumbersInEveryShapeStillWork() {
    assertThat(Money.of(new BigDecimal("1E+3"), EUR)).isEqualTo(Money.of("1000.00", "EUR"));
    assertThat(Money.of(new BigDecimal("12.500000000000000000000"), EUR))
        .isEqualTo(Money.of("12.50", "EUR"));
    assertThat(Money.of(new BigDecimal("0E+999999999"), EUR)).isEqualTo(Money.zero(EUR));
    assertThat(Money.of(new BigDecimal("0E-999999999"), EUR, RoundingMode.UP))
        .isEqualTo(Money.zero(EUR));
    // the exact binary value of the double 0.1: 55 decimals
    assertThat(
            Money.of(
                new BigDecimal("0.1000000000000000055511151231257827021181583404541015625"),
                EUR,
                RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.10", "EUR"));
    assertThat(Money.of(new BigDecimal("999999999999999.004"), EUR, RoundingMode.HALF_UP))
        .isEqualTo(Money.of("999999999999999.00", "EUR"));
    assertThat(
            Money.of("100.00", "EUR")
                .multipliedBy(
                    new BigDecimal("0.3333333333333333333333333333333333"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("33.33", "EUR"));
    assertThat(new Rate.Percentage(new BigDecimal("1.25E+1")).percent())
        .isEqualTo(new BigDecimal("12.5"));
    assertThat(new Rate.Percentage(new BigDecimal("0E-999999999")).percent())
        .isEqualTo(BigDecimal.ZERO);
  }
}
