package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The JDBC adapter passes the queries contract on MariaDB, joining host-managed transactions. */
class MariaDbJoinedQueriesContractTest extends QueriesContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
