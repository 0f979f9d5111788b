package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbMigrationWarningsTest extends AbstractMigrationWarningsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().unmigrated();

  @Override
  TestDatabase database() {
    return DB;
  }
}
