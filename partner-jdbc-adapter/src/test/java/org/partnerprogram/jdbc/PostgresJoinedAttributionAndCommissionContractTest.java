package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/**
 * The JDBC adapter passes the attribution and commission contract on PostgreSQL, joining
 * host-managed transactions.
 */
class PostgresJoinedAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
