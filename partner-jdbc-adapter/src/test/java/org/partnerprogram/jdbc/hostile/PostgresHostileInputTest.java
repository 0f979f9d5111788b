package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile corpus on Postgres. */
class PostgresHostileInputTest extends AbstractHostileInputTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
