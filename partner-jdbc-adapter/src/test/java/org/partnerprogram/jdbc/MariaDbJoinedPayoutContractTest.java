package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.PayoutContractTest;

/** The JDBC adapter passes the payout contract on MariaDB, joining host-managed transactions. */
class MariaDbJoinedPayoutContractTest extends PayoutContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }
}
