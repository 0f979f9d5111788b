package org.partnerprogram.jdbc.audit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The audit trail's tampering checks (see the base class) on H2. */
class H2AuditTamperTest extends AbstractAuditTamperTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  TestDatabase db() {
    return DB;
  }
}
