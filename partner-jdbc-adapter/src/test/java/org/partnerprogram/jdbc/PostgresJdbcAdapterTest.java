package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own promises on Postgres. */
class PostgresJdbcAdapterTest extends AbstractJdbcAdapterTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }
}
