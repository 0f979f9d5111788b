package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.partnerprogram.core.domain.StorageException;

/**
 * The adapter's schema: versioned SQL migrations per database, as class-path resources under {@code
 * db/partnerprogram/{postgresql,mariadb,h2}} (see {@link Dialect#migrationLocation()}), creating
 * tables prefixed {@code pp_} beside the host's own.
 *
 * <p>A host with its own Flyway runs that location with its own configuration and the history table
 * {@value #HISTORY_TABLE} (kept apart from the host's {@code flyway_schema_history}), and {@code
 * baselineOnMigrate=true} with {@code baselineVersion=0} if the schema already holds the host's
 * tables. A host without Flyway tooling calls {@link #migrate(DataSource)}, which does just that;
 * Flyway is an optional dependency of this module, so the host adds it.
 */
public final class JdbcMigrations {
  /** The Flyway history table of the adapter's migrations. */
  public static final String HISTORY_TABLE = "pp_schema_history";

  private JdbcMigrations() {}

  /**
   * Applies the pending migrations of the database behind the data source with Flyway.
   *
   * @param dataSource the database; never null
   * @throws FlywayMissingException if Flyway is not on the class path
   * @throws StorageException if the database is not supported or a migration fails
   */
  public static void migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      Class.forName("org.flywaydb.core.Flyway", false, JdbcMigrations.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new FlywayMissingException(
          "JdbcMigrations.migrate needs Flyway: add org.flywaydb:flyway-core (plus"
              + " flyway-database-postgresql for PostgreSQL or flyway-mysql for MariaDB)"
              + " to your dependencies, or run the location "
              + "classpath:db/partnerprogram/<database> with your own migration tool",
          e);
    }
    Dialect dialect;
    try (Connection c = dataSource.getConnection()) {
      dialect = Dialect.detect(c);
    } catch (SQLException e) {
      throw SqlErrors.map(e, "connecting to detect the database");
    }
    FlywayRunner.migrate(dataSource, dialect.migrationLocation(), HISTORY_TABLE);
  }
}
