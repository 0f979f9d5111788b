package org.partnerprogram.jdbc.privacy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbErasureScanTest extends AbstractErasureScanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
