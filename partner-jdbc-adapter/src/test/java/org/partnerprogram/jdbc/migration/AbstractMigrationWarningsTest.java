package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The migrations run without a single database warning: Flyway logs each warning a statement
 * raises, so every operator who migrates would see it (MariaDB once printed twelve per database,
 * "Name 'pk_pp_…' ignored for PRIMARY key", for named primary-key constraints it does not support).
 * Each database runs it through a subclass on a database of its own that holds only the host's
 * table, so every migration runs here.
 */
abstract class AbstractMigrationWarningsTest {

  /** A database of the subclass's kind that holds only the host's table ({@code unmigrated()}). */
  abstract TestDatabase database();

  @Test
  void everyMigrationRunsWithoutADatabaseWarning() throws SQLException {
    SqlWarningsDataSource recording = new SqlWarningsDataSource(database().dataSource());

    JdbcMigrations.migrate(recording.dataSource());

    assertThat(recording.warnings()).isEmpty();
    assertThat(recording.executions())
        .as("the migrations ran through the recording data source")
        .isGreaterThan(20);
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pp_payout_item")) {
      assertThat(rs.next()).isTrue();
    }
  }
}
