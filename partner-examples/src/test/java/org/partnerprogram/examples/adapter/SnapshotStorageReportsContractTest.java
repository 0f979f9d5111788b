package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.ReportsContractTest;

/** Step 3 as well: the contract of support's and finance's reports across partners. */
class SnapshotStorageReportsContractTest extends ReportsContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
