package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

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
