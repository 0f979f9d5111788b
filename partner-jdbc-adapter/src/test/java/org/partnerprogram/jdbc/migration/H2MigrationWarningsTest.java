package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class H2MigrationWarningsTest extends AbstractMigrationWarningsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2().unmigrated();

  @Override
  TestDatabase database() {
    return DB;
  }
}
