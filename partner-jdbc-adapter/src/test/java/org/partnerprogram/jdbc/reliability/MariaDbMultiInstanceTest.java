package org.partnerprogram.jdbc.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Two SDK instances with their own pools deliver events and hit hot partners on MariaDB. */
class MariaDbMultiInstanceTest extends AbstractMultiInstanceTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
