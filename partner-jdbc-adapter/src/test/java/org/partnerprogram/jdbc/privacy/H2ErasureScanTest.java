package org.partnerprogram.jdbc.privacy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class H2ErasureScanTest extends AbstractErasureScanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  TestDatabase database() {
    return DB;
  }
}
