package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMigrationWarningsTest extends AbstractMigrationWarningsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres().unmigrated();

  @Override
  TestDatabase database() {
    return DB;
  }
}
