package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/**
 * The JDBC adapter passes the attribution and commission contract on H2, joining host-managed
 * transactions.
 */
class H2JoinedAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
