package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own promises on MariaDb. */
class MariaDbJdbcAdapterTest extends AbstractJdbcAdapterTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MARIADB;
  }
}
