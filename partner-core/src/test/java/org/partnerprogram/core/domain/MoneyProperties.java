package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.testkit.Gens;
import org.quicktheories.generators.Generate;

class MoneyProperties {
  private static final List<Currency> CURRENCIES =
      List.of(
          Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("BHD"));
  private static final List<RoundingMode> MODES =
      List.of(
          RoundingMode.HALF_UP,
          RoundingMode.HALF_EVEN,
          RoundingMode.HALF_DOWN,
          RoundingMode.DOWN,
          RoundingMode.UP,
          RoundingMode.FLOOR,
          RoundingMode.CEILING);

  @Test
  void allocatingLosesAndInventsNothing() {
    qt().forAll(
            Generate.pick(CURRENCIES).flatMap(c -> Gens.money(c, 1_000_000, true)),
            lists().of(longs().between(0, 1000)).ofSizeBetween(1, 12))
        .assuming((money, weights) -> weights.stream().mapToLong(Long::longValue).sum() > 0)
        .checkAssert(
            (money, weights) -> {
              long[] w = weights.stream().mapToLong(Long::longValue).toArray();
              List<Money> parts = money.allocate(w);
              Money sum = Money.zero(money.currency());
              for (Money part : parts) {
                sum = sum.plus(part);
                assertThat(part.amount().scale())
                    .isEqualTo(money.currency().getDefaultFractionDigits());
              }
              assertThat(sum).isEqualTo(money);
              assertThat(parts).hasSize(w.length);
              long total = weights.stream().mapToLong(Long::longValue).sum();
              BigDecimal unit =
                  BigDecimal.ONE.movePointLeft(money.currency().getDefaultFractionDigits());
              for (int i = 0; i < w.length; i++) {
                BigDecimal exact =
                    money
                        .amount()
                        .multiply(BigDecimal.valueOf(w[i]))
                        .divide(BigDecimal.valueOf(total), 20, RoundingMode.HALF_EVEN);
                assertThat(parts.get(i).amount().subtract(exact).abs()).isLessThan(unit);
              }
            });
  }

  @Test
  void multiplyingRoundsTheExactProductExactlyOnce() {
    qt().forAll(
            Generate.pick(CURRENCIES).flatMap(c -> Gens.money(c, 100_000, true)),
            integers().between(0, 1_000_000),
            Generate.pick(MODES))
        .checkAssert(
            (money, basisPoints, mode) -> {
              BigDecimal factor = BigDecimal.valueOf(basisPoints, 6);
              Money result = money.multipliedBy(factor, mode);
              BigDecimal exact = money.amount().multiply(factor);
              assertThat(result.amount())
                  .isEqualTo(exact.setScale(money.currency().getDefaultFractionDigits(), mode));
              // never further than one minor unit from the exact product
              assertThat(result.amount().subtract(exact).abs())
                  .isLessThan(
                      BigDecimal.ONE.movePointLeft(money.currency().getDefaultFractionDigits()));
            });
  }

  @Test
  void percentageCommissionLiesBetweenZeroAndTheNetAmount() {
    qt().forAll(Gens.euros(), Gens.percentages(), Generate.pick(MODES))
        .checkAssert(
            (net, rate, mode) -> {
              Money commission = rate.commissionOn(net, mode);
              assertThat(commission.isNegative()).isFalse();
              assertThat(commission.compareTo(net)).isLessThanOrEqualTo(0);
              assertThat(commission.amount())
                  .isEqualTo(
                      net.amount().multiply(rate.percent()).movePointLeft(2).setScale(2, mode));
            });
  }

  @Test
  void addingThenSubtractingIsTheIdentity() {
    qt().forAll(
            Gens.money(Currency.getInstance("EUR"), 1_000_000, true),
            Gens.money(Currency.getInstance("EUR"), 1_000_000, true))
        .check((a, b) -> a.plus(b).minus(b).equals(a) && a.plus(b).equals(b.plus(a)));
  }

  @Test
  void anAmountIsAcceptedExactlyWhenItIsWithinTheBoundInEitherSign() {
    // Around the bound (15 integer digits) and far inside it, at every scale up to the currency's:
    // the quick digit count and the full comparison must agree.
    qt().forAll(
            longs().between(-99_999_999_999_999_999L, 99_999_999_999_999_999L),
            integers().between(0, 2),
            integers().between(-3, 3))
        .checkAssert(
            (unscaled, scale, shift) -> {
              BigDecimal amount =
                  BigDecimal.valueOf(unscaled, scale).add(BigDecimal.valueOf(shift, 2));
              boolean within = amount.abs().compareTo(Money.MAX_ABS_AMOUNT) <= 0;
              Currency eur = Currency.getInstance("EUR");
              if (within) {
                assertThat(Money.of(amount, eur).amount()).isEqualByComparingTo(amount);
              } else {
                assertThatThrownBy(() -> Money.of(amount, eur))
                    .isInstanceOf(InvalidInputException.class);
              }
            });
  }

  @Test
  void zeroIsTheSameValueEveryTimeAndAtTheCurrencyScale() {
    qt().forAll(Generate.pick(List.of("EUR", "JPY", "BHD", "USD")))
        .checkAssert(
            code -> {
              Currency currency = Currency.getInstance(code);
              Money zero = Money.zero(currency);
              assertThat(zero).isSameAs(Money.zero(currency));
              assertThat(zero.amount().scale()).isEqualTo(currency.getDefaultFractionDigits());
              assertThat(zero.isZero()).isTrue();
              assertThat(zero).isEqualTo(Money.of(BigDecimal.ZERO, currency));
            });
  }
}
