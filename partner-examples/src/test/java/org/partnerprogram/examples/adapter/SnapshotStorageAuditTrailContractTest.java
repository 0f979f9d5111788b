package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.AuditTrailContractTest;

/**
 * Step 3 as well: the contract of the audit trail (chained appends, concurrent appenders, keyset
 * pages, verification).
 */
class SnapshotStorageAuditTrailContractTest extends AuditTrailContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
