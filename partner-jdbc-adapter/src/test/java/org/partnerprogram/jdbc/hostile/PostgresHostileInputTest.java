package org.partnerprogram.jdbc.hostile;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The hostile corpus on Postgres. */
class PostgresHostileInputTest extends AbstractHostileInputTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
