package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** {@link JdbcProgramStorage#reconcile()} finds rows changed behind the SDK's back, on H2. */
class H2ReconcileTest extends AbstractReconcileTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Override
  TestDatabase database() {
    return DB;
  }
}
