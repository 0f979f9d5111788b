package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Two SDK instances with their own pools deliver events and hit hot partners on MariaDB. */
class MariaDbMultiInstanceTest extends AbstractMultiInstanceTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
