package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPayoutItemAmountTest extends AbstractPayoutItemAmountTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres().migratedTo("6");

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  boolean returnsInsertedRows() {
    return true;
  }
}
