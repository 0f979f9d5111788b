package org.partnerprogram.jdbc.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mariadb.jdbc.MariaDbDataSource;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.OutboxEntry;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of one kind for the whole test run: created (with a random name {@code pp_test_<hex>})
 * and migrated before the first test class that needs it, dropped when the run ends. Servers are
 * found through system properties or environment variables:
 *
 * <table>
 *   <caption>Settings (system property / environment variable, default)</caption>
 *   <tr><td>partner.test.pg.url / PARTNER_TEST_PG_URL</td>
 *       <td>jdbc:postgresql://127.0.0.1:5432/postgres (an admin database)</td></tr>
 *   <tr><td>partner.test.pg.user / PARTNER_TEST_PG_USER</td><td>postgres</td></tr>
 *   <tr><td>partner.test.pg.password / PARTNER_TEST_PG_PASSWORD</td><td>empty</td></tr>
 *   <tr><td>partner.test.mariadb.url / PARTNER_TEST_MARIADB_URL</td>
 *       <td>jdbc:mariadb://127.0.0.1:3306/?sslMode=disable</td></tr>
 *   <tr><td>partner.test.mariadb.user / PARTNER_TEST_MARIADB_USER</td><td>root</td></tr>
 *   <tr><td>partner.test.mariadb.password / PARTNER_TEST_MARIADB_PASSWORD</td><td>empty</td></tr>
 *   <tr><td>partner.strict / PARTNER_STRICT</td>
 *       <td>unset; {@code true}: an unreachable server fails the tests instead of falling back</td></tr>
 * </table>
 *
 * <p>Without a reachable PostgreSQL server an embedded PostgreSQL is started; without a reachable
 * MariaDB server the MariaDB tests are skipped with one line naming the variable to set. In strict
 * mode ({@code PARTNER_STRICT=true}, as {@code .ci/run} sets, or {@code -Dpartner.strict=true})
 * both fail instead; the generic {@code CI} variable plays no part.
 */
public final class TestDatabase implements BeforeAllCallback {
  /** The system property that turns strict mode on ({@code -Dpartner.strict=true}). */
  public static final String STRICT_PROPERTY = "partner.strict";

  /** The environment variable that turns strict mode on; {@code .ci/run} exports it. */
  public static final String STRICT_VARIABLE = "PARTNER_STRICT";

  /** The target of {@link #unmigrated()}: no migration at all. */
  private static final String UNMIGRATED = "none";

  enum Kind {
    POSTGRESQL,
    MARIADB,
    H2
  }

  private static final List<String> TABLES =
      List.of(
          "host_audit",
          "pp_audit_record",
          "pp_audit_head",
          "pp_period_close_line",
          "pp_carried_item",
          "pp_released_item",
          "pp_payout_item",
          "pp_open_entry",
          "pp_partner_total",
          "pp_payout",
          "pp_period_close",
          "pp_processed_event",
          "pp_customer_erasure",
          "pp_adjustment",
          "pp_reattribution",
          "pp_ledger_entry",
          "pp_commission_line",
          "pp_refund",
          "pp_order_line",
          "pp_order",
          "pp_attribution",
          "pp_touch",
          "pp_outbox",
          "pp_rate_label",
          "pp_rate",
          "pp_rate_version",
          "pp_referral_code",
          "pp_payout_account_change",
          "pp_partner");

  /**
   * A table of the host's own, created before the migrations run: they must work beside it (a
   * schema that is not empty), and the README's host-transaction example writes to it.
   */
  private static final String HOST_TABLE =
      "CREATE TABLE host_audit (message VARCHAR(200) NOT NULL)";

  private final Kind kind;
  private final String name;
  private final String target;
  private DataSource dataSource;
  private HikariDataSource pool;

  private TestDatabase(Kind kind, String name, String target) {
    this.kind = kind;
    this.name = name;
    this.target = target;
  }

  private TestDatabase(Kind kind, String name) {
    this(kind, name, null);
  }

  private TestDatabase(Kind kind) {
    this(kind, "");
  }

  /**
   * A database of this kind of its own, migrated only up to a schema version, so that a test can
   * store rows as an earlier release did and then run the later migrations over them.
   *
   * @param version the last migration to apply, as Flyway's target ("4")
   */
  public TestDatabase migratedTo(String version) {
    return new TestDatabase(kind, name + "-to-" + version, version);
  }

  /**
   * A database of this kind of its own that holds only the host's table, not migrated at all, so
   * that a test can run every migration itself.
   */
  public TestDatabase unmigrated() {
    return new TestDatabase(kind, name + "-unmigrated", UNMIGRATED);
  }

  public static TestDatabase postgres() {
    return new TestDatabase(Kind.POSTGRESQL);
  }

  /**
   * A PostgreSQL database of its own for the tests that share {@code name}: the reliability tests
   * write tens of thousands of rows, and the statistics they leave would change which index the
   * plan checks of other test classes see.
   */
  public static TestDatabase postgres(String name) {
    return new TestDatabase(Kind.POSTGRESQL, name);
  }

  public static TestDatabase mariadb() {
    return new TestDatabase(Kind.MARIADB);
  }

  public static TestDatabase h2() {
    return new TestDatabase(Kind.H2);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Created created =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .computeIfAbsent(
                "partner-test-db-" + kind + name, k -> create(kind, target), Created.class);
    Assumptions.assumeTrue(created.dataSource() != null, created.skipReason());
    dataSource = created.dataSource();
    // Stored after the database, so closed before it is dropped.
    pool =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .computeIfAbsent(
                "partner-test-pool-" + kind + name,
                k -> new Pool(pool(created.dataSource())),
                Pool.class)
            .pool();
  }

  /**
   * The migrated database, every pp_ table emptied, behind one connection pool for the run (as a
   * host runs the adapter): a new PostgreSQL connection costs a few milliseconds, and a contract
   * test takes a dozen. For the tests whose subject is not the physical connection itself.
   */
  public DataSource emptiedPool() {
    emptied();
    return pool;
  }

  /** The migrated database, every pp_ table emptied. */
  public DataSource emptied() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
    return dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether this is a PostgreSQL database (a server's or the embedded one). */
  public boolean isPostgres() {
    return kind == Kind.POSTGRESQL;
  }

  public static List<UUID> eventIds(JdbcProgramStorage storage) {
    return storage.outboxReader().unacknowledged(100_000).stream()
        .map(OutboxEntry::eventId)
        .toList();
  }

  // ------------------------------------------------------------------ creation and cleanup

  /** The per-run database; closing it (at the end of the run) drops it. */
  record Created(DataSource dataSource, String skipReason, Cleanup cleanup)
      implements AutoCloseable {
    @Override
    public void close() throws SQLException, IOException {
      if (cleanup != null) {
        cleanup.close();
      }
    }
  }

  /**
   * The pool of {@link #emptiedPool()}; closing it (at the end of the run) closes its connections.
   */
  record Pool(HikariDataSource pool) implements AutoCloseable {
    @Override
    public void close() {
      pool.close();
    }
  }

  private static HikariDataSource pool(DataSource database) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database);
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(0);
    config.setPoolName("partner-test-pool");
    return new HikariDataSource(config);
  }

  /** Drops a database. */
  @FunctionalInterface
  interface Cleanup {
    void close() throws SQLException, IOException;
  }

  private static String setting(String property, String env, String defaultValue) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? defaultValue : value;
  }

  private static boolean required() {
    return strict(System::getenv, System::getProperty);
  }

  /**
   * Whether an unreachable server fails the tests: the system property {@value #STRICT_PROPERTY},
   * else the environment variable {@value #STRICT_VARIABLE} (which {@code .ci/run} sets), is {@code
   * true}. The generic {@code CI} variable is ignored on purpose: most CI services set it for every
   * build, and a contributor's plain {@code ./mvnw -B verify} there should skip MariaDB, not fail.
   *
   * @param environment the environment variables by name (null when unset)
   * @param properties the system properties by name (null when unset)
   * @return true in strict mode
   */
  public static boolean strict(
      UnaryOperator<String> environment, UnaryOperator<String> properties) {
    String value = properties.apply(STRICT_PROPERTY);
    if (value == null || value.isEmpty()) {
      value = environment.apply(STRICT_VARIABLE);
    }
    return Boolean.parseBoolean(value);
  }

  private static String randomName() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "pp_test_" + HexFormat.of().formatHex(bytes);
  }

  private static Created create(Kind kind, String target) {
    try {
      return switch (kind) {
        case POSTGRESQL -> createPostgres(target);
        case MARIADB -> createMariaDb(target);
        case H2 -> createH2(target);
      };
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not create the " + kind + " test database", e);
    }
  }

  private static void execute(DataSource admin, String statement) throws SQLException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static Created createPostgres(String target) throws SQLException, IOException {
    String url = setting("partner.test.pg.url", "PARTNER_TEST_PG_URL", defaultPgUrl());
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(url);
    admin.setUser(setting("partner.test.pg.user", "PARTNER_TEST_PG_USER", "postgres"));
    admin.setPassword(setting("partner.test.pg.password", "PARTNER_TEST_PG_PASSWORD", ""));
    admin.setConnectTimeout(5);
    admin.setLoginTimeout(5);
    EmbeddedPostgres embedded = null;
    DataSource adminSource = admin;
    try (Connection c = admin.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      if (required()) {
        fail(
            "PostgreSQL is required (PARTNER_STRICT=true or -Dpartner.strict=true) but "
                + url
                + " is unreachable: "
                + e.getMessage()
                + ". Set PARTNER_TEST_PG_URL / _USER / _PASSWORD.");
      }
      System.out.println(
          "PostgreSQL at " + url + " is unreachable; starting an embedded PostgreSQL instead");
      embedded = EmbeddedPostgres.builder().start();
      adminSource = embedded.getPostgresDatabase();
    }
    String name = randomName();
    execute(adminSource, "CREATE DATABASE " + name);
    DataSource db;
    if (embedded != null) {
      db = embedded.getDatabase("postgres", name);
    } else {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      // The same server, our database instead of the admin one.
      ds.setUrl(url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
      ds.setUser(admin.getUser());
      ds.setPassword(admin.getPassword());
      db = ds;
    }
    DataSource finalAdmin = adminSource;
    EmbeddedPostgres finalEmbedded = embedded;
    return prepared(
        new Created(
            db,
            null,
            () -> {
              try {
                execute(finalAdmin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
              } finally {
                if (finalEmbedded != null) {
                  finalEmbedded.close();
                }
              }
            }),
        target);
  }

  private static String defaultPgUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/postgres";
  }

  private static Created createMariaDb(String target) throws SQLException, IOException {
    String url =
        setting(
            "partner.test.mariadb.url",
            "PARTNER_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/?sslMode=disable");
    String user = setting("partner.test.mariadb.user", "PARTNER_TEST_MARIADB_USER", "root");
    String password = setting("partner.test.mariadb.password", "PARTNER_TEST_MARIADB_PASSWORD", "");
    MariaDbDataSource admin = new MariaDbDataSource(withParam(url, "connectTimeout=5000"));
    admin.setUser(user);
    admin.setPassword(password);
    try (Connection c = admin.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      String message =
          "MariaDB at "
              + url
              + " is unreachable ("
              + e.getMessage()
              + "); set PARTNER_TEST_MARIADB_URL (and _USER, _PASSWORD) to run the MariaDB tests";
      if (required()) {
        fail(message + " (required: PARTNER_STRICT=true or -Dpartner.strict=true)");
      }
      System.out.println("SKIPPED: " + message);
      return new Created(null, message, null);
    }
    String name = randomName();
    execute(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    String dbUrl = url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    if (dbUrl.equals(url)) {
      dbUrl = url.endsWith("/") ? url + name : url + "/" + name;
    }
    MariaDbDataSource db = new MariaDbDataSource(withParam(dbUrl, "connectTimeout=5000"));
    db.setUser(user);
    db.setPassword(password);
    return prepared(
        new Created(db, null, () -> execute(admin, "DROP DATABASE IF EXISTS " + name)), target);
  }

  /**
   * All migrations, those up to {@code target} as {@link JdbcMigrations#migrate} runs them, or none
   * for {@link #UNMIGRATED}.
   */
  private static void migrate(DataSource db, String target) throws SQLException {
    if (UNMIGRATED.equals(target)) {
      return;
    }
    if (target == null) {
      JdbcMigrations.migrate(db);
      return;
    }
    Dialect dialect;
    try (Connection c = db.getConnection()) {
      dialect = Dialect.detect(c);
    }
    Flyway.configure()
        .dataSource(db)
        .locations(dialect.migrationLocation())
        .table(JdbcMigrations.HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target(target)
        .load()
        .migrate();
  }

  private static String withParam(String url, String param) {
    return url + (url.contains("?") ? "&" : "?") + param;
  }

  private static Created createH2(String target) throws SQLException, IOException {
    String name = randomName();
    JdbcDataSource db = new JdbcDataSource();
    db.setURL(
        "jdbc:h2:mem:"
            + name
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    db.setUser("sa");
    return prepared(new Created(db, null, () -> execute(db, "SHUTDOWN")), target);
  }

  /**
   * Creates the host's own table beside ours (the migrations baseline a schema that is not empty)
   * and migrates. If that fails, the new database is dropped before the failure is rethrown: a run
   * must not leave databases behind.
   */
  private static Created prepared(Created created, String target) throws SQLException, IOException {
    try {
      execute(created.dataSource(), HOST_TABLE);
      migrate(created.dataSource(), target);
      return created;
    } catch (SQLException | RuntimeException e) {
      try {
        created.close();
      } catch (SQLException | IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " test database";
  }
}
