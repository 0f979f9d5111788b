package org.partnerprogram.core.port.out.contract;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
}
