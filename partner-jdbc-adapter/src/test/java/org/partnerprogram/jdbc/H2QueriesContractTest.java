package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The JDBC adapter passes the queries contract on H2, owning its transactions. */
class H2QueriesContractTest extends QueriesContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }
}
