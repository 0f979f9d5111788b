package org.partnerprogram.core.bench;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;

/**
 * Refusing an amount with a huge exponent (an 11-byte JSON number such as {@code 1E+2000000} in a
 * webhook), against accepting an ordinary amount: the refusal must cost about what an acceptance
 * does, never the seconds a rescale to the currency's scale would take.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HugeNumberRefusalBenchmark {
  private static final Currency EUR = Currency.getInstance("EUR");
  private final BigDecimal ordinary = new BigDecimal("12.50");
  private final BigDecimal hugeExponent = new BigDecimal("1E+2000000");
  private final BigDecimal tinyExponent = new BigDecimal("1E-2000000");

  /**
   * The baseline: an ordinary amount accepted.
   *
   * @return the money
   */
  @Benchmark
  public Money baselineOrdinaryAmount() {
    return Money.of(ordinary, EUR);
  }

  /**
   * {@code 1E+2000000} refused.
   *
   * @return the refusal's message
   */
  @Benchmark
  public String refuseHugeExponent() {
    try {
      return Money.of(hugeExponent, EUR).toString();
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }

  /**
   * {@code 1E-2000000} refused.
   *
   * @return the refusal's message
   */
  @Benchmark
  public String refuseTinyExponent() {
    try {
      return Money.of(tinyExponent, EUR).toString();
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }
}
