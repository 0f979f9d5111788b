package org.partnerprogram.jdbc.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Two SDK instances with their own pools deliver events and hit hot partners on PostgreSQL. */
class PostgresMultiInstanceTest extends AbstractMultiInstanceTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  @Override
  TestDatabase database() {
    return DB;
  }
}
