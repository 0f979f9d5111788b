package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.RetentionContractTest;

/**
 * Step 3 as well: the contract of retention (expired clicks, old attribution inputs, account
 * history).
 */
class SnapshotStorageRetentionContractTest extends RetentionContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
