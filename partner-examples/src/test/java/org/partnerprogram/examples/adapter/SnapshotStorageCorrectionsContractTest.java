package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.CorrectionsContractTest;

/**
 * Step 3 as well: the contract of an operator's corrections (adjustments paid by the close and
 * shown on the statement, write-offs, idempotence, refusals that change nothing).
 */
class SnapshotStorageCorrectionsContractTest extends CorrectionsContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
