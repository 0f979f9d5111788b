package org.partnerprogram.jdbc.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Concurrent deliveries of signups, payments and refunds have effect once on PostgreSQL. */
class PostgresConcurrentDeliveryTest extends AbstractConcurrentDeliveryTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }
}
