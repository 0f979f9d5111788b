package org.partnerprogram.jdbc.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

class MariaDbRetentionMigrationTest extends AbstractRetentionMigrationTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb().migratedTo("13");

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Object timestamp(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  @Override
  Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
