package org.partnerprogram.examples.adapter;

import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.ProgrammeModelCheck;

/**
 * Step 4: the whole programme on the adapter against a reference model, with the invariants checked
 * after every action. Soak it with {@code -Dpartner.modelcheck.examples=5000
 * -Dpartner.modelcheck.actions=40 -Dpartner.modelcheck.seed=random}.
 */
// tag::modelcheck[]
class SnapshotStorageModelCheckTest extends ProgrammeModelCheck {
  @Override
  protected ProgramStorage newStorage() {
    return new SnapshotStorage();
  }
}
// end::modelcheck[]
