package org.partnerprogram.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * The lifecycle the port-group contracts share: a fresh, empty storage per test, released after it,
 * and a helper to run work in one of its units of work.
 *
 * @param <S> the storage type under test
 */
public abstract class StorageContractSupport<S extends ProgramStorage> {

  /** The storage under test, fresh and empty for each test. */
  protected S storage;

  /**
   * Fresh, empty storage. Called before every test.
   *
   * @return the storage; never null
   */
  protected abstract S newStorage();

  /**
   * Releases what {@link #newStorage()} took; nothing by default.
   *
   * @param storage the storage of the test that ended
   */
  protected void release(S storage) {}

  @BeforeEach
  final void createStorage() {
    storage = newStorage();
  }

  @AfterEach
  final void releaseStorage() {
    release(storage);
  }

  /**
   * Runs work in one unit of work of the storage under test.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   */
  protected final <T> T tx(Supplier<T> work) {
    return storage.transactions().execute(work);
  }

  /**
   * The outcome of one racer: its result or what it threw.
   *
   * @param result what the racer's work returned, or null if it threw
   * @param failure what it threw, or null if it returned
   * @param <T> the result type
   */
  protected record Outcome<T>(T result, Throwable failure) {}

  /**
   * Threads that pass a barrier together, then each run their work in a unit of its own; a unit
   * that fails with a {@link RetryableException} runs again (up to {@link #RACE_ATTEMPTS} times),
   * as the core would repeat it.
   *
   * @param threads how many racers
   * @param work the work of racer {@code i}
   * @param <T> the result type
   * @return the racers' results, in racer order
   * @throws Exception if a racer does not finish in time; a racer's own failure is an
   *     AssertionError
   */
  protected final <T> List<T> race(int threads, IntFunction<Supplier<T>> work) throws Exception {
    List<T> results = new ArrayList<>();
    for (Outcome<T> o : raceOutcomes(threads, work, RACE_ATTEMPTS)) {
      if (o.failure() != null) {
        throw new AssertionError("a racer failed: " + o.failure(), o.failure());
      }
      results.add(o.result());
    }
    return results;
  }

  /**
   * Like {@link #race}, but a racer's failure is returned as its outcome, for races in which one
   * racer is expected to lose with an exception.
   *
   * @param threads how many racers
   * @param work the work of racer {@code i}
   * @param <T> the result type
   * @return the racers' outcomes, in racer order
   * @throws Exception if a racer does not finish in time
   */
  protected final <T> List<Outcome<T>> raceOutcomes(int threads, IntFunction<Supplier<T>> work)
      throws Exception {
    return raceOutcomes(threads, work, 1);
  }

  /**
   * How often {@link #race} runs a racer's unit that failed with a {@link RetryableException}: a
   * database may break a deadlock between racers by rolling one back (MariaDB's InnoDB does under
   * load), which the storage reports as retryable and the core repeats (see {@code RetryPolicy});
   * the contract is that the repeated unit then succeeds with the right answer.
   */
  private static final int RACE_ATTEMPTS = 5;

  private <T> List<Outcome<T>> raceOutcomes(
      int threads, IntFunction<Supplier<T>> work, int attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier barrier = new CyclicBarrier(threads);
      List<Future<Outcome<T>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Supplier<T> job = work.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  for (int attempt = 1; ; attempt++) {
                    try {
                      return new Outcome<T>(storage.transactions().execute(job), null);
                    } catch (RetryableException e) {
                      if (attempt >= attempts) {
                        return new Outcome<T>(null, e);
                      }
                    } catch (RuntimeException | Error e) {
                      return new Outcome<T>(null, e);
                    }
                  }
                }));
      }
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<Outcome<T>> f : futures) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
