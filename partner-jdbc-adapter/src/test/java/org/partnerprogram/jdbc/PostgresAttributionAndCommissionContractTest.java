package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/**
 * The JDBC adapter passes the attribution and commission contract on PostgreSQL, owning its
 * transactions.
 */
class PostgresAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }
}
