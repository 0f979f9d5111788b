package org.partnerprogram.jdbc.reliability;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Lost webhooks found by reconciliation and redelivered end as a clean run, on PostgreSQL. */
class PostgresReconciliationTest extends AbstractReconciliationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  @Override
  ProgramStorage freshStorage() {
    return JdbcProgramStorage.create(pooled(DB.emptied()));
  }

  @Override
  void afterRuns() throws SQLException {
    ReliabilityWorld.emptyAndVacuum(DB);
  }
}
