package org.partnerprogram.jdbc.hostile;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The hostile corpus on MariaDb. */
class MariaDbHostileInputTest extends AbstractHostileInputTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
