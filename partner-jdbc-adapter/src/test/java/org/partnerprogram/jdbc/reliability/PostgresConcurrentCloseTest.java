package org.partnerprogram.jdbc.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * A month closed from two instances at once is closed once, paying every entry once, on PostgreSQL.
 */
class PostgresConcurrentCloseTest extends AbstractConcurrentCloseTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
