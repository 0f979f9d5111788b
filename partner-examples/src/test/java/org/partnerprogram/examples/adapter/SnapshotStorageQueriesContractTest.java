package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.QueriesContractTest;

/** Step 3 too: the contract of the partner page's queries (ledger lines, payouts, rate card). */
class SnapshotStorageQueriesContractTest extends QueriesContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
