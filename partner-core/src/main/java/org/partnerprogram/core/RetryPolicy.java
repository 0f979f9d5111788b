package org.partnerprogram.core;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.RetryableException;

/**
 * Whether and how often the SDK repeats a use case that failed with a {@link RetryableException} (a
 * deadlock, a serialization failure, a dropped connection, a concurrent update that won): set it
 * with {@link PartnerProgram.Builder#retry(RetryPolicy)}. The default is {@link #none()}: the
 * exception reaches the host, which may simply call again.
 *
 * <p>A repeat is safe because the failed attempt was rolled back whole and every use case is
 * idempotent. It therefore happens only when the storage owns the transaction of that use case
 * ({@link org.partnerprogram.core.port.out.TransactionBoundary#ownsTransactions()}, asked per use
 * case): never when the SDK joined a transaction of the host, which the failure may have aborted —
 * the host must repeat its whole transaction. Other exceptions (bad input, not found, an order not
 * recorded yet) are never repeated. Between attempts the calling thread sleeps a random time ("full
 * jitter") between zero and {@code min(maxBackoff, initialBackoff * 2^(attempt - 1))}, drawn from
 * the programme's random source.
 *
 * <pre>{@code
 * PartnerProgram.builder()
 *     .retry(RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(500)))
 *     ...
 * }</pre>
 */
public final class RetryPolicy {
  /** The most attempts a policy may make. */
  public static final int MAX_ATTEMPTS = 20;

  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * No automatic repeat: a retryable failure reaches the host at once. The default.
   *
   * @return the policy; never null
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Up to {@code maxAttempts} attempts in all, with exponential backoff and full jitter.
   *
   * @param maxAttempts attempts in all, 1 (no repeat) to {@value #MAX_ATTEMPTS}
   * @param initialBackoff the cap of the first wait; zero or positive; never null
   * @param maxBackoff the cap of any wait; at least {@code initialBackoff}, at most one minute;
   *     never null
   * @return the policy; never null
   * @throws InvalidInputException if an argument is null or out of range
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new InvalidInputException("maxAttempts", "must be 1 to " + MAX_ATTEMPTS);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new InvalidInputException("initialBackoff", "must be zero or positive");
    }
    if (maxBackoff == null
        || maxBackoff.compareTo(initialBackoff) < 0
        || maxBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new InvalidInputException(
          "maxBackoff", "must lie between initialBackoff and one minute");
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /**
   * Attempts in all, the first included.
   *
   * @return 1 to {@value #MAX_ATTEMPTS}
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The cap of the first wait.
   *
   * @return never null
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The cap of any wait.
   *
   * @return never null
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * How long to wait after a failed attempt: uniformly random between zero and {@code
   * min(maxBackoff, initialBackoff * 2^(failedAttempts - 1))}.
   *
   * @param failedAttempts attempts failed so far, at least 1
   * @param random where the jitter comes from; never null
   * @return the wait; never null, never negative
   * @throws IllegalArgumentException if {@code failedAttempts} is below 1
   */
  public Duration backoff(int failedAttempts, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    long cap = initialBackoff.toNanos();
    for (int i = 1; i < failedAttempts && cap < maxBackoff.toNanos(); i++) {
      cap *= 2;
    }
    cap = Math.min(cap, maxBackoff.toNanos());
    return cap == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(cap + 1));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + "]";
  }
}
