package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbPartnerErasureMigrationTest extends AbstractPartnerErasureMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().migratedTo("16");

  @Override
  TestDatabase database() {
    return DB;
  }
}
