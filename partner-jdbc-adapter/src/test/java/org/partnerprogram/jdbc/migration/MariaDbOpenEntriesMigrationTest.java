package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbOpenEntriesMigrationTest extends AbstractOpenEntriesMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().migratedTo("10");

  @Override
  TestDatabase database() {
    return DB;
  }
}
