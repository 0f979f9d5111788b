package org.partnerprogram.testkit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * The stateful model check for a storage adapter: extend it, return fresh empty storage from {@link
 * #newStorage()}, and name the class {@code ...Test}. It runs {@link ProgrammeModel} with {@link
 * #examples()} sequences of up to {@link #maxActions()} actions (defaults 60 and 30; override them
 * smaller for slow storage). {@code -Dpartner.modelcheck.examples=5000} raises the number for a
 * soak, {@code -Dpartner.modelcheck.actions} the length and {@code -Dpartner.modelcheck.seed} (a
 * number or {@code random}) the seed; a failure prints the shrunk sequence and the seed replaying
 * it.
 *
 * <pre>{@code
 * class MyStorageModelCheckTest extends ProgrammeModelCheck {
 *   @Override
 *   protected ProgramStorage newStorage() {
 *     return MyStorage.create(freshDataSource());
 *   }
 * }
 * }</pre>
 */
public abstract class ProgrammeModelCheck {
  /** For subclasses. */
  protected ProgrammeModelCheck() {}

  /**
   * Fresh, empty storage; called once per sequence (and per shrink step on failure).
   *
   * @return the storage
   */
  protected abstract ProgramStorage newStorage();

  /**
   * How many sequences by default.
   *
   * @return 60
   */
  protected int examples() {
    return 60;
  }

  /**
   * The longest sequence by default.
   *
   * @return 30
   */
  protected int maxActions() {
    return 30;
  }

  /**
   * The storage's own invariants, checked after every action: what the adapter keeps beside the
   * ports' data (running totals, open-item tables) against that data. Override it when the storage
   * keeps such things; by default there are none.
   *
   * @param storage the storage of the running sequence
   * @return one line per disagreement; empty when all agree
   */
  protected List<String> storageDisagreements(ProgramStorage storage) {
    return List.of();
  }

  @Test
  void theProgrammeAgreesWithItsModelAndKeepsItsInvariantsAfterEveryAction() {
    ProgrammeModel.check(
        this::newStorage,
        ProgrammeModel.Settings.fromSystemProperties(examples(), maxActions()),
        this::storageDisagreements);
  }
}
