package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The JDBC adapter passes the queries contract on H2, joining host-managed transactions. */
class H2JoinedQueriesContractTest extends QueriesContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
