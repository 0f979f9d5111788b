package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2MigrationWarningsTest extends AbstractMigrationWarningsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2().unmigrated();

  @Override
  TestDatabase database() {
    return DB;
  }
}
