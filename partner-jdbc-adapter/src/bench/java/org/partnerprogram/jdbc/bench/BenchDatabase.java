package org.partnerprogram.jdbc.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database {@code pp_bench_<hex>} for one benchmark run, dropped by {@link
 * #close()}. Servers come from the same settings as the tests: {@code partner.test.pg.url} / {@code
 * PARTNER_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres),
 * {@code partner.test.mariadb.url} / {@code PARTNER_TEST_MARIADB_URL} (default {@code
 * jdbc:mariadb://127.0.0.1:3306/?sslMode=disable}, user root); H2 runs in memory.
 */
final class BenchDatabase implements AutoCloseable {
  enum Kind {
    POSTGRESQL,
    MARIADB,
    H2;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final Kind kind;
  final String name;
  final DataSource dataSource;
  private final DataSource admin;

  private BenchDatabase(Kind kind, String name, DataSource dataSource, DataSource admin) {
    this.kind = kind;
    this.name = name;
    this.dataSource = dataSource;
    this.admin = admin;
  }

  static BenchDatabase create(Kind kind) throws SQLException {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    String name = "pp_bench_" + HexFormat.of().formatHex(bytes);
    BenchDatabase db =
        switch (kind) {
          case POSTGRESQL -> postgres(name);
          case MARIADB -> mariadb(name);
          case H2 -> h2(name);
        };
    JdbcMigrations.migrate(db.dataSource);
    return db;
  }

  private static String setting(String property, String env, String defaultValue) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? defaultValue : value;
  }

  private static BenchDatabase postgres(String name) throws SQLException {
    String url =
        setting(
            "partner.test.pg.url",
            "PARTNER_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(url);
    admin.setUser(setting("partner.test.pg.user", "PARTNER_TEST_PG_USER", "postgres"));
    admin.setPassword(setting("partner.test.pg.password", "PARTNER_TEST_PG_PASSWORD", ""));
    execute(admin, "CREATE DATABASE " + name);
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
    db.setUser(admin.getUser());
    db.setPassword(admin.getPassword());
    return new BenchDatabase(Kind.POSTGRESQL, name, db, admin);
  }

  private static BenchDatabase mariadb(String name) throws SQLException {
    String url =
        setting(
            "partner.test.mariadb.url",
            "PARTNER_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/?sslMode=disable");
    String user = setting("partner.test.mariadb.user", "PARTNER_TEST_MARIADB_USER", "root");
    String password = setting("partner.test.mariadb.password", "PARTNER_TEST_MARIADB_PASSWORD", "");
    MariaDbDataSource admin = new MariaDbDataSource(url);
    admin.setUser(user);
    admin.setPassword(password);
    execute(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    String dbUrl = url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    if (dbUrl.equals(url)) {
      dbUrl = url.endsWith("/") ? url + name : url + "/" + name;
    }
    MariaDbDataSource db = new MariaDbDataSource(dbUrl);
    db.setUser(user);
    db.setPassword(password);
    return new BenchDatabase(Kind.MARIADB, name, db, admin);
  }

  private static BenchDatabase h2(String name) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL(
        "jdbc:h2:mem:"
            + name
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    db.setUser("sa");
    return new BenchDatabase(Kind.H2, name, db, null);
  }

  /**
   * The server's product and version, and the settings that the figures depend on most: buffers and
   * how a commit is made durable (PostgreSQL {@code shared_buffers}, {@code synchronous_commit};
   * MariaDB {@code innodb_buffer_pool_size}, {@code innodb_flush_log_at_trx_commit}).
   */
  Map<String, String> server() throws SQLException {
    Map<String, String> server = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      DatabaseMetaData meta = c.getMetaData();
      server.put("version", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      switch (kind) {
        case POSTGRESQL -> {
          for (String setting : List.of("shared_buffers", "synchronous_commit")) {
            try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
              rs.next();
              server.put(setting, rs.getString(1));
            }
          }
        }
        case MARIADB -> {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit")) {
            rs.next();
            server.put("innodb_buffer_pool_size", (rs.getLong(1) >> 20) + "MB");
            server.put("innodb_flush_log_at_trx_commit", rs.getString(2));
          }
        }
        case H2 -> server.put("storage", "in memory, in the benchmark's JVM");
      }
    }
    return server;
  }

  static void execute(DataSource ds, String statement) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Override
  public void close() throws SQLException {
    switch (kind) {
      case POSTGRESQL -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      case MARIADB -> execute(admin, "DROP DATABASE IF EXISTS " + name);
      case H2 -> execute(dataSource, "SHUTDOWN");
    }
  }
}
