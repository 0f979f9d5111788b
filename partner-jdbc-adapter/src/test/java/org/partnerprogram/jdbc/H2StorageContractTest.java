package org.partnerprogram.jdbc;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.contract.ProgramStorageContractTest;

/** The JDBC adapter passes the storage contract on H2, owning its transactions. */
class H2StorageContractTest extends ProgramStorageContractTest<JdbcProgramStorage> {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected JdbcProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
  }

  @Override
  protected List<UUID> publishedEventIds(JdbcProgramStorage storage) {
    return TestDatabase.eventIds(storage);
  }
}
