package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/**
 * The JDBC adapter passes the attribution and commission contract on MariaDB, joining host-managed
 * transactions.
 */
class MariaDbJoinedAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
