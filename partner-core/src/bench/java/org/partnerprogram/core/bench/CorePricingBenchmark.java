package org.partnerprogram.core.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;

/**
 * Pricing an order's commission (rate lookup per line, multiply, round once) against the bare
 * BigDecimal multiply-and-round it cannot beat, measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorePricingBenchmark {
  private static final int LINES = 5;

  private RateVersion version;
  private final List<ProductId> products = new ArrayList<>();
  private final List<Optional<ProductGroupId>> groups = new ArrayList<>();
  private final List<Money> nets = new ArrayList<>();
  private final List<BigDecimal> bareNets = new ArrayList<>();
  private final List<BigDecimal> bareRates = new ArrayList<>();

  /** A rate card of 200 products and 20 groups, and an order of five lines. */
  @Setup
  public void setUp() {
    RateVersion.Builder builder =
        RateVersion.builder()
            .partnerId(Optional.empty())
            .number(1)
            .effectiveFrom(Instant.parse("2026-01-01T00:00:00Z"))
            .createdAt(Instant.parse("2026-01-01T00:00:00Z"));
    for (int i = 0; i < 200; i++) {
      builder.putRates(
          RateTarget.product("product-" + i), Rate.percent(String.valueOf(5 + i % 20)));
    }
    for (int g = 0; g < 20; g++) {
      builder.putRates(RateTarget.group("group-" + g), Rate.percent("12.5"));
    }
    version = builder.build();
    for (int line = 0; line < LINES; line++) {
      products.add(ProductId.of("product-" + (line * 37 % 250)));
      groups.add(Optional.of(ProductGroupId.of("group-" + line)));
      Money net =
          Money.of(BigDecimal.valueOf(1999 + line * 1000L, 2), Money.of("0", "EUR").currency());
      nets.add(net);
      bareNets.add(net.amount());
      bareRates.add(
          ((Rate.Percentage) version.rateFor(products.get(line), groups.get(line)).orElseThrow())
              .percent()
              .movePointLeft(2));
    }
  }

  /**
   * Baseline: multiply and round five amounts, nothing else.
   *
   * @return the sum, so the work is not eliminated
   */
  @Benchmark
  public BigDecimal baselineBareMultiplyAndRound() {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < LINES; i++) {
      sum = sum.add(bareNets.get(i).multiply(bareRates.get(i)).setScale(2, RoundingMode.HALF_UP));
    }
    return sum;
  }

  /**
   * The SDK: look the rate up (product, else group), price the line as Money, sum.
   *
   * @return the order's commission
   */
  @Benchmark
  public Money priceOrder() {
    Money sum = Money.zero(nets.get(0).currency());
    for (int i = 0; i < LINES; i++) {
      Money net = nets.get(i);
      // As RatesInForce.price prices a line (programme card, no override).
      Optional<Rate> rate = version.rateFor(products.get(i), groups.get(i));
      sum =
          sum.plus(
              rate.isPresent()
                  ? rate.get().commissionOn(net, RoundingMode.HALF_UP)
                  : Money.zero(net.currency()));
    }
    return sum;
  }
}
