package org.partnerprogram.jdbc.reliability;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Retention applied from two instances at once handles each expired row once, on MariaDB. */
class MariaDbConcurrentPurgeTest extends AbstractConcurrentPurgeTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }

  /** MariaDB keeps instants as DATETIME(6) in UTC. */
  @Override
  Object timestamp(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
