package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What an owned transaction costs beyond its work: a pooled connection is prepared once (session
 * settings, isolation level read), so later units of work send only their own statements and the
 * commit, and a session at another isolation level gets READ COMMITTED per transaction without its
 * default being changed.
 */
abstract class AbstractTransactionSetUpTest {

  abstract DataSource database();

  /** Checks what else the adapter's session must hold inside a unit of work. */
  void assertSession(Connection inUnit) throws SQLException {}

  @Test
  void aPooledConnectionAtReadCommittedCostsNothingAfterItsFirstUse() throws SQLException {
    Counting counting = new Counting(database());
    try (HikariDataSource pool = pool(counting, "TRANSACTION_READ_COMMITTED")) {
      JdbcTransactions tx = JdbcTransactions.owned(pool, null);
      assertThat(seesRowsCommittedMeanwhile(tx)).isTrue();
      counting.reset();

      assertThat(tx.execute(() -> query(tx, "SELECT 42"))).isEqualTo("42");

      assertThat(counting.sql).containsExactly("SELECT 42");
      assertThat(counting.isolationCalls).hasValue(0);
      assertThat(seesRowsCommittedMeanwhile(tx)).isTrue();
      inUnit(tx);
    }
  }

  @Test
  void aSessionAtRepeatableReadGetsReadCommittedPerTransactionAndKeepsItsDefault()
      throws SQLException {
    Counting counting = new Counting(database());
    try (HikariDataSource pool = pool(counting, "TRANSACTION_REPEATABLE_READ")) {
      JdbcTransactions tx = JdbcTransactions.owned(pool, null);
      assertThat(seesRowsCommittedMeanwhile(tx)).isTrue();
      counting.reset();

      assertThat(tx.execute(() -> query(tx, "SELECT 42"))).isEqualTo("42");

      assertThat(counting.sql)
          .containsExactly("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "SELECT 42");
      assertThat(counting.isolationCalls).hasValue(0);
      assertThat(seesRowsCommittedMeanwhile(tx)).isTrue();
      inUnit(tx);
      try (Connection host = pool.getConnection()) {
        assertThat(host.getTransactionIsolation())
            .isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        host.rollback();
      }
    }
  }

  /**
   * Whether a unit of work reads a row another connection commits between two of its reads: true at
   * READ COMMITTED, false at REPEATABLE READ (a snapshot on both databases).
   */
  private boolean seesRowsCommittedMeanwhile(JdbcTransactions tx) {
    return tx.execute(
        () -> {
          try {
            String before = query(tx.connection(), "SELECT COUNT(*) FROM host_audit");
            try (Connection other = database().getConnection();
                Statement s = other.createStatement()) {
              s.executeUpdate("INSERT INTO host_audit (message) VALUES ('set-up test')");
            }
            String after = query(tx.connection(), "SELECT COUNT(*) FROM host_audit");
            return !before.equals(after);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private void inUnit(JdbcTransactions tx) {
    tx.execute(
        () -> {
          try {
            assertSession(tx.connection());
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  private static HikariDataSource pool(Counting counting, String isolation) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(counting.dataSource());
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    config.setTransactionIsolation(isolation);
    return new HikariDataSource(config);
  }

  private static String query(JdbcTransactions tx, String sql) {
    try {
      return query(tx.connection(), sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Counts, under the pool, the SQL the connections receive and their isolation-level calls. */
  private static final class Counting {
    private final DataSource target;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final AtomicInteger isolationCalls = new AtomicInteger();

    Counting(DataSource target) {
      this.target = target;
    }

    void reset() {
      sql.clear();
      isolationCalls.set(0);
    }

    DataSource dataSource() {
      return (DataSource)
          Proxy.newProxyInstance(
              DataSource.class.getClassLoader(),
              new Class<?>[] {DataSource.class},
              (p, m, a) -> {
                Object result = invoke(target, m, a);
                return result instanceof Connection c ? connection(c) : result;
              });
    }

    private Connection connection(Connection c) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (p, m, a) -> {
                switch (m.getName()) {
                  case "getTransactionIsolation", "setTransactionIsolation" ->
                      isolationCalls.incrementAndGet();
                  case "prepareStatement", "prepareCall" -> sql.add((String) a[0]);
                  default -> {}
                }
                Object result = invoke(c, m, a);
                if (result instanceof Statement s && m.getName().equals("createStatement")) {
                  return statement(s);
                }
                return result;
              });
    }

    private Statement statement(Statement s) {
      return (Statement)
          Proxy.newProxyInstance(
              Statement.class.getClassLoader(),
              new Class<?>[] {Statement.class},
              (p, m, a) -> {
                if (m.getName().startsWith("execute") && a != null && a[0] instanceof String q) {
                  sql.add(q);
                }
                return invoke(s, m, a);
              });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a)
        throws Throwable {
      try {
        return m.invoke(target, a);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
