package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/**
 * The JDBC adapter passes the attribution and commission contract on H2, owning its transactions.
 */
class H2AttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }
}
