package org.partnerprogram.core;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each outermost unit of work through the storage's boundary and repeats it, per the {@link
 * RetryPolicy}, when it fails with a {@link RetryableException} and the storage owns its
 * transactions (the failed attempt was rolled back whole). Whether it does is asked per outermost
 * unit, as a storage may join the host's transaction when one is open and own one otherwise. Nested
 * units and units in a host's transaction run once.
 */
final class RetryingTransactions implements TransactionBoundary {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingTransactions.class);

  private final TransactionBoundary target;
  private final RetryPolicy policy;
  private final RandomGenerator random;
  private final Observations observations;

  // Whether this thread is inside a unit of this programme: nested units are never repeated alone.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

  RetryingTransactions(
      TransactionBoundary target,
      RetryPolicy policy,
      RandomGenerator random,
      Observations observations) {
    this.target = target;
    this.policy = policy;
    this.random = random;
    this.observations = observations;
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    if (policy.maxAttempts() == 1 || inside.get() != null || !target.ownsTransactions()) {
      return target.execute(work);
    }
    inside.set(Boolean.TRUE);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return target.execute(work);
        } catch (RetryableException e) {
          if (attempt >= policy.maxAttempts()) {
            LOG.warn(
                "gave up after {} attempts of a unit of work that failed transiently each time: {}",
                attempt,
                e.getMessage());
            throw e;
          }
          Duration wait;
          synchronized (random) {
            wait = policy.backoff(attempt, random);
          }
          LOG.debug("attempt {} failed, retrying in {}: {}", attempt, wait, e.getMessage());
          sleep(wait, e);
          observations.retrying();
        }
      }
    } finally {
      inside.remove();
    }
  }

  @Override
  public boolean ownsTransactions() {
    return target.ownsTransactions();
  }

  private static void sleep(Duration wait, RetryableException failure) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(interrupted);
      throw failure;
    }
  }
}
