package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class H2AdjustmentsMigrationTest extends AbstractAdjustmentsMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2().migratedTo("17");

  @Override
  TestDatabase database() {
    return DB;
  }
}
