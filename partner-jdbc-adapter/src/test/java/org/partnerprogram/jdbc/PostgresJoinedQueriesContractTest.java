package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/**
 * The JDBC adapter passes the queries contract on PostgreSQL, joining host-managed transactions.
 */
class PostgresJoinedQueriesContractTest extends QueriesContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
