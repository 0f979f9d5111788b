package org.partnerprogram.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent deliveries of signups, payments and refunds have effect once on MariaDB. */
class MariaDbConcurrentDeliveryTest extends AbstractConcurrentDeliveryTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }
}
