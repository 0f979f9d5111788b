package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.partnerprogram.core.domain.StorageException;

/**
 * The databases the adapter speaks: PostgreSQL, MariaDB and H2. Each has its own migrations (under
 * {@link #migrationLocation()}) and its own class of the statements that differ between databases
 * (duplicate-safe inserts, time stamps, session settings, bulk inserts). MySQL is not supported:
 * {@link #detect(DatabaseMetaData)} refuses it.
 */
public enum Dialect {
  /** PostgreSQL 13 or later (tested with 15 and embedded 14). */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.6 or later (tested with 10.11); not MySQL. */
  MARIADB("mariadb"),
  /** H2 2.x (tested with 2.5.252), in its default mode or any compatibility mode. */
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * The Flyway location of this database's migrations, for a host that runs them with its own
   * Flyway (with {@link JdbcMigrations#HISTORY_TABLE} as the history table).
   *
   * @return for example {@code classpath:db/partnerprogram/postgresql}; never null
   */
  public String migrationLocation() {
    return "classpath:db/partnerprogram/" + folder;
  }

  /**
   * Recognises the database from its metadata ({@link DatabaseMetaData#getDatabaseProductName()}).
   *
   * @param metaData the metadata of a connection; never null
   * @return the dialect; never null
   * @throws StorageException if the database is none of the supported ones, or the metadata cannot
   *     be read
   */
  public static Dialect detect(DatabaseMetaData metaData) {
    try {
      String product = metaData.getDatabaseProductName();
      String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
      if (name.contains("postgres")) {
        return POSTGRESQL;
      }
      if (name.contains("mariadb")) {
        return MARIADB;
      }
      if (name.startsWith("h2")) {
        return H2;
      }
      if (name.contains("mysql")) {
        // A MariaDB server seen through a MySQL driver is named MySQL, with MariaDB in its version.
        String version = metaData.getDatabaseProductVersion();
        if (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")) {
          return MARIADB;
        }
        throw new StorageException(
            "unsupported database MySQL "
                + version
                + ": the JDBC adapter supports PostgreSQL, MariaDB and H2, not MySQL",
            null);
      }
      throw new StorageException(
          "unsupported database '"
              + product
              + "': the JDBC adapter supports PostgreSQL, MariaDB and H2",
          null);
    } catch (SQLException e) {
      throw SqlErrors.map(e, "reading the database product name");
    }
  }

  /**
   * Recognises the database of a connection.
   *
   * @param connection an open connection; never null; not closed by this method
   * @return the dialect; never null
   * @throws StorageException if the database is not supported or cannot be asked
   */
  public static Dialect detect(Connection connection) {
    try {
      return detect(connection.getMetaData());
    } catch (SQLException e) {
      throw SqlErrors.map(e, "reading the database metadata");
    }
  }
}
