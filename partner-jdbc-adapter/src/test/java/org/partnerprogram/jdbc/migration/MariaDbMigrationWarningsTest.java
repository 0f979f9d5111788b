package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbMigrationWarningsTest extends AbstractMigrationWarningsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().unmigrated();

  @Override
  TestDatabase database() {
    return DB;
  }
}
