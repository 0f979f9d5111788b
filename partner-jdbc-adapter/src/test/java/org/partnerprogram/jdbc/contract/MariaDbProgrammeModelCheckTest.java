package org.partnerprogram.jdbc.contract;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.ProgrammeModelCheck;

/** The JDBC adapter on MariaDB agrees with the programme model (fewer sequences than in memory). */
class MariaDbProgrammeModelCheckTest extends ProgrammeModelCheck {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  protected ProgramStorage newStorage() {
    return JdbcProgramStorage.create(DB.emptied());
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
