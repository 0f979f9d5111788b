package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.PayoutContractTest;

/** The JDBC adapter passes the payout contract on PostgreSQL, joining host-managed transactions. */
class PostgresJoinedPayoutContractTest extends PayoutContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
