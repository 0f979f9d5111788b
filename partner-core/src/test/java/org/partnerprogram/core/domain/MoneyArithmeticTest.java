package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Money's arithmetic and range edges, exactly at and one minor unit past each limit. */
class MoneyArithmeticTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Test
  void theLargestAmountsInBothSignsAreAcceptedAndOneCentMoreIsNot() {
    BigDecimal max = Money.MAX_ABS_AMOUNT;
    assertThat(Money.of(max, EUR).amount()).isEqualByComparingTo(max);
    assertThat(Money.of(max.negate(), EUR).amount()).isEqualByComparingTo(max.negate());
    BigDecimal cent = new BigDecimal("0.01");
    assertThatThrownBy(() -> Money.of(max.add(cent), EUR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 999999999999999");
    assertThatThrownBy(() -> Money.of(max.negate().subtract(cent), EUR))
        .isInstanceOf(InvalidInputException.class);
    // A sum may pass the bound of one amount (a balance, a month's total) up to MAX_ABS_TOTAL.
    assertThat(Money.of(max, EUR).plus(eur("0.01")).amount()).isEqualByComparingTo(max.add(cent));
    assertThat(Money.of(max.negate(), EUR).minus(eur("0.01")).amount())
        .isEqualByComparingTo(max.negate().subtract(cent));
    BigDecimal maxTotal = Money.MAX_ABS_TOTAL;
    assertThat(Money.total(maxTotal, EUR).amount()).isEqualByComparingTo(maxTotal);
    assertThatThrownBy(() -> Money.total(maxTotal, EUR).plus(eur("0.01")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most " + maxTotal.toPlainString());
    assertThatThrownBy(() -> Money.total(maxTotal.negate(), EUR).minus(eur("0.01")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.total(maxTotal.add(cent), EUR))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.total(new BigDecimal("1E+999999999"), EUR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("0000000000000000000000000000");
    assertThatThrownBy(() -> Money.of(max, EUR).multipliedBy(new BigDecimal("2"), RoundingMode.UP))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of(max.add(new BigDecimal("0.006")), EUR, RoundingMode.HALF_UP))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void nullsAreRefusedAsInvalidInputNamingTheAmount() {
    assertThatThrownBy(() -> Money.of((BigDecimal) null, EUR))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    assertThatThrownBy(() -> Money.of(null, EUR, RoundingMode.HALF_UP))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, EUR, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of(null, "EUR"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was null");
    assertThatThrownBy(() -> Money.zero(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.of("0.001", "EUR"))
        .hasMessage(
            "amount: 0.001 has more decimals than EUR allows (2); round it first with"
                + " Money.of(amount, currency, roundingMode)");
  }

  @Test
  void plusMinusAndNegatedAreExact() {
    assertThat(eur("1.25").plus(eur("2.50"))).isEqualTo(eur("3.75"));
    assertThat(eur("1.25").minus(eur("2.50"))).isEqualTo(eur("-1.25"));
    assertThat(eur("1.25").negated()).isEqualTo(eur("-1.25"));
    assertThat(eur("-1.25").negated()).isEqualTo(eur("1.25"));
    assertThat(eur("0.01").plus(eur("0.01")).amount()).isEqualTo(new BigDecimal("0.02"));
  }

  @Test
  void multiplyingRoundsTheExactProductOnceWithTheGivenMode() {
    // 10.01 x 0.125 = 1.25125
    assertThat(eur("10.01").multipliedBy(new BigDecimal("0.125"), RoundingMode.HALF_UP))
        .isEqualTo(eur("1.25"));
    assertThat(eur("10.01").multipliedBy(new BigDecimal("0.125"), RoundingMode.UP))
        .isEqualTo(eur("1.26"));
    assertThat(Money.of("1001", "JPY").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("500", "JPY"));
    assertThat(Money.of("1001", "JPY").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("501", "JPY"));
    assertThatThrownBy(() -> eur("1").multipliedBy(null, RoundingMode.UP))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> eur("1").multipliedBy(BigDecimal.ONE, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void signPredicatesAreStrict() {
    Money zero = Money.zero(EUR);
    assertThat(zero.isZero()).isTrue();
    assertThat(zero.isPositive()).isFalse();
    assertThat(zero.isNegative()).isFalse();
    assertThat(eur("0.01").isZero()).isFalse();
    assertThat(eur("0.01").isPositive()).isTrue();
    assertThat(eur("0.01").isNegative()).isFalse();
    assertThat(eur("-0.01").isZero()).isFalse();
    assertThat(eur("-0.01").isNegative()).isTrue();
    assertThat(Money.zero(JPY).amount()).isEqualTo(new BigDecimal("0"));
    assertThat(Money.zero(EUR).amount()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void minorUnitsFollowTheCurrencyScale() {
    assertThat(eur("12.34").minorUnits()).isEqualTo(1234);
    assertThat(Money.of("1234", "JPY").minorUnits()).isEqualTo(1234);
    assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
  }

  @Test
  void comparisonEqualityAndHashingAreByCurrencyAndValue() {
    assertThat(eur("1.00").compareTo(eur("2.00"))).isNegative();
    assertThat(eur("2.00").compareTo(eur("1.00"))).isPositive();
    assertThat(eur("2.00").compareTo(eur("2"))).isZero();
    assertThat(eur("2.00")).isEqualTo(eur("2")).hasSameHashCodeAs(eur("2"));
    assertThat(eur("2.00")).isNotEqualTo(Money.of("2.00", "USD"));
    assertThat(eur("2.00")).isNotEqualTo(eur("2.01"));
    assertThat(eur("2.00")).isNotEqualTo("EUR 2.00");
    assertThat(Money.of("5", "JPY").toString()).isEqualTo("JPY 5");
    assertThatThrownBy(() -> eur("1").minus(Money.of("1", "USD")))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> eur("1").plus(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void allocationGivesLeftoverUnitsToTheLargestRemaindersAndTiesToTheEarlierPart() {
    // 0.02 over three equal weights: remainders tie, the first two parts get a cent each
    assertThat(eur("0.02").allocate(1, 1, 1))
        .containsExactly(eur("0.01"), eur("0.01"), eur("0.00"));
    // 1.00 over 1:2: exact shares 0.333.. and 0.666..; the larger remainder is the second part
    assertThat(eur("1.00").allocate(1, 2)).containsExactly(eur("0.33"), eur("0.67"));
    // 1.00 over 2:1: now the first has the larger remainder
    assertThat(eur("1.00").allocate(2, 1)).containsExactly(eur("0.67"), eur("0.33"));
    assertThat(eur("7.00").allocate(7)).containsExactly(eur("7.00"));
    assertThat(Money.of("10", "JPY").allocate(1, 1, 1))
        .containsExactly(Money.of("4", "JPY"), Money.of("3", "JPY"), Money.of("3", "JPY"));
    assertThat(eur("0.00").allocate(1, 3)).containsExactly(eur("0.00"), eur("0.00"));
    assertThatThrownBy(() -> eur("1").allocate()).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> eur("1").allocate((long[]) null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> eur("1").allocate(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must not all be zero");
  }
}
