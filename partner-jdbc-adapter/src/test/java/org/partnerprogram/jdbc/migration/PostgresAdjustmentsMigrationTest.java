package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class PostgresAdjustmentsMigrationTest extends AbstractAdjustmentsMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres().migratedTo("17");

  @Override
  TestDatabase database() {
    return DB;
  }
}
