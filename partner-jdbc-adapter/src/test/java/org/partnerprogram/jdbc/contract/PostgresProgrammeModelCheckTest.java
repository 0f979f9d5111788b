package org.partnerprogram.jdbc.contract;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.ProgrammeModelCheck;

/**
 * The JDBC adapter on PostgreSQL agrees with the programme model (few sequences: each is a
 * database).
 */
class PostgresProgrammeModelCheckTest extends ProgrammeModelCheck {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected ProgramStorage newStorage() {
    // Pooled, as a host's connections are: a new PostgreSQL connection costs some 4 ms.
    return JdbcProgramStorage.create(DB.emptiedPool());
  }

  /** The partners' totals (V12) and the open entries (V11) against the ledger. */
  @Override
  protected List<String> storageDisagreements(ProgramStorage storage) {
    return ((JdbcProgramStorage) storage).reconcile();
  }

  @Override
  protected int examples() {
    return 20;
  }

  @Override
  protected int maxActions() {
    return 20;
  }
}
