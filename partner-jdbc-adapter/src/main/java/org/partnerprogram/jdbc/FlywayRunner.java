package org.partnerprogram.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.partnerprogram.core.domain.StorageException;

/**
 * The only class that touches Flyway, loaded only after {@code JdbcMigrations} checked that Flyway
 * is on the class path.
 */
final class FlywayRunner {
  private FlywayRunner() {}

  /**
   * Migrates one location with its own history table, baselining at version 0 a schema that holds
   * other tables already.
   *
   * @param dataSource the database
   * @param location the Flyway location
   * @param historyTable the history table
   * @throws StorageException if Flyway fails
   */
  public static void migrate(DataSource dataSource, String location, String historyTable) {
    try {
      Flyway.configure(FlywayRunner.class.getClassLoader())
          .dataSource(dataSource)
          .locations(location)
          .table(historyTable)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("migrating " + location + " failed: " + e.getMessage(), e);
    }
  }
}
