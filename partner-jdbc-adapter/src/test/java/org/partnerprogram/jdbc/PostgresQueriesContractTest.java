package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The JDBC adapter passes the queries contract on PostgreSQL, owning its transactions. */
class PostgresQueriesContractTest extends QueriesContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }
}
