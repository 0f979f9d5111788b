package org.partnerprogram.examples.spring;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL server for one test class, {@code pp_spring_<hex>},
 * dropped afterwards. The server is {@code partner.test.pg.url} / {@code PARTNER_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, no password),
 * as in partner-jdbc-adapter's tests. Without a reachable server the tests are skipped, unless
 * strict mode ({@code PARTNER_STRICT=true} or {@code -Dpartner.strict=true}) makes them fail.
 */
final class PostgresTestDatabase {
  private final String adminUrl;
  private final String user;
  private final String password;
  private final String name;

  private PostgresTestDatabase(String adminUrl, String user, String password, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /** Creates the database, or skips (fails in strict mode) when the server is unreachable. */
  static PostgresTestDatabase create() {
    String url =
        setting(
            "partner.test.pg.url",
            "PARTNER_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = setting("partner.test.pg.user", "PARTNER_TEST_PG_USER", "postgres");
    String password = setting("partner.test.pg.password", "PARTNER_TEST_PG_PASSWORD", "");
    String name =
        "pp_spring_"
            + HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextInt())
                .toLowerCase(Locale.ROOT);
    PostgresTestDatabase db = new PostgresTestDatabase(url, user, password, name);
    try {
      db.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String reason = "no PostgreSQL server at " + url + " (set PARTNER_TEST_PG_URL): " + e;
      if (strict()) {
        fail("strict mode (PARTNER_STRICT): " + reason, e);
      }
      Assumptions.abort(reason);
    }
    return db;
  }

  /** The JDBC URL of the database. */
  String url() {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** Drops the database, closing what is still connected to it (the test's pool). */
  void drop() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean strict() {
    return Boolean.parseBoolean(setting("partner.strict", "PARTNER_STRICT", "false"));
  }

  private static String setting(String property, String env, String defaultValue) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
