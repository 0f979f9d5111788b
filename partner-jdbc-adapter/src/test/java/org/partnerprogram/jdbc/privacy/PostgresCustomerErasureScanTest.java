package org.partnerprogram.jdbc.privacy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class PostgresCustomerErasureScanTest extends AbstractCustomerErasureScanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
