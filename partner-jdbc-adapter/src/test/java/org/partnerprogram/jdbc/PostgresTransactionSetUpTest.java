package org.partnerprogram.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Transaction set-up round trips on PostgreSQL. */
class PostgresTransactionSetUpTest extends AbstractTransactionSetUpTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  DataSource database() {
    return DB.dataSource();
  }
}
