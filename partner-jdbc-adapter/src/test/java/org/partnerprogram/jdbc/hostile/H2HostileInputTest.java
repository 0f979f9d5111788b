package org.partnerprogram.jdbc.hostile;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The hostile corpus on H2. */
class H2HostileInputTest extends AbstractHostileInputTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  TestDatabase database() {
    return DB;
  }
}
