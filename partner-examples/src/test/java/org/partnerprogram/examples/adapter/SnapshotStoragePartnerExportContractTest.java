package org.partnerprogram.examples.adapter;

import org.partnerprogram.testkit.contract.PartnerExportContractTest;

/**
 * Step 3 too: the contract of a partner's data export (the paged reads behind it, the document).
 */
class SnapshotStoragePartnerExportContractTest extends PartnerExportContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }
}
