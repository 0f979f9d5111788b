package org.partnerprogram.jdbc.privacy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class PostgresErasureScanTest extends AbstractErasureScanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
