package org.partnerprogram.jdbc.audit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The audit trail's tampering checks (see the base class) on MariaDb. */
class MariaDbAuditTamperTest extends AbstractAuditTamperTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase db() {
    return DB;
  }
}
