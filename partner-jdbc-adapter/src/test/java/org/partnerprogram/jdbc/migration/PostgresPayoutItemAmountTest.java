package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

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
