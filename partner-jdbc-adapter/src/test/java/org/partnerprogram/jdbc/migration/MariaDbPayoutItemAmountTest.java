package org.partnerprogram.jdbc.migration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbPayoutItemAmountTest extends AbstractPayoutItemAmountTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().migratedTo("4");

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  boolean returnsInsertedRows() {
    return true;
  }
}
