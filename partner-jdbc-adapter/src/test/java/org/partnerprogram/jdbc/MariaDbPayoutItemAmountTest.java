package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbPayoutItemAmountMigrationTest extends AbstractPayoutItemAmountMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().migratedTo("4");

  @Override
  TestDatabase database() {
    return DB;
  }
}
