package org.partnerprogram.jdbc;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.ProgramStorageContractTest;

/** The JDBC adapter passes the storage contract on Postgres, joining host-managed transactions. */
class PostgresJoinedStorageContractTest extends ProgramStorageContractTest<HostManagedStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected HostManagedStorage newStorage() {
    return new HostManagedStorage(DB.emptied());
  }

  @Override
  protected List<UUID> publishedEventIds(HostManagedStorage storage) {
    return storage.inHostTransaction(() -> TestDatabase.eventIds(storage.joined()));
  }
}
