package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2PayoutItemAmountTest extends AbstractPayoutItemAmountTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2().migratedTo("4");

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  boolean returnsInsertedRows() {
    return false;
  }
}
