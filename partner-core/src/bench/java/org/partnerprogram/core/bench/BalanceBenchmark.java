package org.partnerprogram.core.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
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
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * A partner's balance over 1,000 ledger entries (accrued, earned, some reversed, half still held)
 * in the in-memory adapter, against a bare loop summing the same 1,000 amounts as BigDecimal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BalanceBenchmark {
  private static final int ENTRIES = 1_000;
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryStorage storage = new InMemoryStorage();
  private final PartnerId partner = PartnerId.of("partner-1");
  private final BigDecimal[] bareAmounts = new BigDecimal[ENTRIES];
  private final Instant asOf = START.plus(Duration.ofDays(ENTRIES / 8));

  /** Appends the partner's entries: each order accrues, then earns; every tenth is reversed. */
  @Setup
  public void setUp() {
    storage
        .transactions()
        .execute(
            () -> {
              for (int i = 0; i < ENTRIES; i++) {
                LedgerEntry.Kind kind =
                    i % 2 == 0
                        ? LedgerEntry.Kind.ACCRUED
                        : i % 10 == 9 ? LedgerEntry.Kind.REVERSED : LedgerEntry.Kind.EARNED;
                Instant at = START.plus(Duration.ofHours(i * 6L));
                BigDecimal amount = BigDecimal.valueOf(100 + i % 900, 2);
                storage
                    .ledger()
                    .append(
                        new LedgerEntry(
                            new UUID(0, i + 1L),
                            partner,
                            OrderId.of("order-" + i / 2),
                            1,
                            kind,
                            Money.of(amount, EUR),
                            Money.of(amount.multiply(BigDecimal.TEN), EUR),
                            at,
                            kind == LedgerEntry.Kind.ACCRUED ? Optional.empty() : Optional.of(at),
                            EventId.of("event-" + i),
                            at));
                bareAmounts[i] = amount;
              }
              return null;
            });
  }

  /**
   * Baseline: sum the amounts, nothing else.
   *
   * @return the sum
   */
  @Benchmark
  public BigDecimal baselineBareSum() {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal amount : bareAmounts) {
      sum = sum.add(amount);
    }
    return sum;
  }

  /**
   * The SDK: pending, held, payable, earned and reversed in one pass over the ledger.
   *
   * @return the balance
   */
  @Benchmark
  public Balance balance() {
    return storage.transactions().execute(() -> storage.ledger().balance(partner, EUR, asOf));
  }
}
