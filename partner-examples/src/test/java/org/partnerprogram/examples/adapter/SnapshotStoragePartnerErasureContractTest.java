package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.PartnerErasureContractTest;

/**
 * Step 3 as well: the contract of a partner's erasure (refusals, what is erased, what stays,
 * idempotence).
 */
class SnapshotStoragePartnerErasureContractTest
    extends PartnerErasureContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
