package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Transaction set-up round trips on MariaDB, whose default level is REPEATABLE READ. */
class MariaDbTransactionSetUpTest extends AbstractTransactionSetUpTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  DataSource database() {
    return DB.dataSource();
  }

  /** The strict session set on the connection's first use still holds, without being re-sent. */
  @Override
  void assertSession(Connection inUnit) throws SQLException {
    assertThat(query(inUnit, "SELECT @@sql_mode")).contains("STRICT_ALL_TABLES");
    assertThat(query(inUnit, "SELECT @@time_zone")).isEqualTo("+00:00");
  }
}
