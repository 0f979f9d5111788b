package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class PostgresPartnerErasureMigrationTest extends AbstractPartnerErasureMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres().migratedTo("16");

  @Override
  TestDatabase database() {
    return DB;
  }
}
