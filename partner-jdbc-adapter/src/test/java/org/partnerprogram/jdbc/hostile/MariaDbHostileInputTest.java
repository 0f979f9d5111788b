package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile corpus on MariaDb. */
class MariaDbHostileInputTest extends AbstractHostileInputTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
