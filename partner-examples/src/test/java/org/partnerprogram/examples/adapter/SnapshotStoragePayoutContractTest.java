package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.PayoutContractTest;

/** Step 3: the contract of period closes and payouts. */
class SnapshotStoragePayoutContractTest extends PayoutContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
