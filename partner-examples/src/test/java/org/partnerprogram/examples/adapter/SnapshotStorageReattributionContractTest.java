package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.ReattributionContractTest;

/** Step 3 as well: the contract of support's re-attribution of a customer. */
class SnapshotStorageReattributionContractTest extends ReattributionContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
