package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.AttributionAndCommissionContractTest;

/** Step 2: the contract of touches, attributions, orders, the ledger and processed events. */
class SnapshotStorageAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
