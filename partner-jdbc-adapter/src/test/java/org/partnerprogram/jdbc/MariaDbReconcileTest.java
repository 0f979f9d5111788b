package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** {@link JdbcProgramStorage#reconcile()} finds rows changed behind the SDK's back, on MariaDb. */
class MariaDbReconcileTest extends AbstractReconcileTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
