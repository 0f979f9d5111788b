package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class H2PartnerErasureMigrationTest extends AbstractPartnerErasureMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2().migratedTo("16");

  @Override
  TestDatabase database() {
    return DB;
  }
}
