package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The JDBC adapter passes the queries contract on MariaDB, owning its transactions. */
class MariaDbQueriesContractTest extends QueriesContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }
}
