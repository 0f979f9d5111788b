package org.partnerprogram.examples;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcMigrations;

/**
 * Wiring example: a host that runs its own Flyway migrates the SDK's tables with a second Flyway
 * configuration: the SDK's location and its own history table ({@code pp_schema_history}), so the
 * host's history stays untouched.
 */
public final class HostFlywayMigrations {
  private HostFlywayMigrations() {}

  /**
   * Migrates the host's own schema, then the SDK's.
   *
   * @param dataSource the host's database
   * @param hostLocation where the host's own migrations are, such as {@code classpath:db/host}
   * @param dialect the database
   */
  public static void migrate(DataSource dataSource, String hostLocation, Dialect dialect) {
    Flyway.configure().dataSource(dataSource).locations(hostLocation).load().migrate();

    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrationLocation()) // classpath:db/partnerprogram/<database>
        .table(JdbcMigrations.HISTORY_TABLE) // pp_schema_history, apart from the host's
        .baselineOnMigrate(true) // the schema already holds the host's tables
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
