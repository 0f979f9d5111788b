package org.partnerprogram.jdbc.reliability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Retention applied from two instances at once handles each expired row once, on PostgreSQL. */
class PostgresConcurrentPurgeTest extends AbstractConcurrentPurgeTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Object timestamp(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
