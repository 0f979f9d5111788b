package org.partnerprogram.jdbc.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A fixed set of open connections handed out in turn, so the SDK and the bare baselines run on the
 * same connections with the same settings (autocommit off, READ COMMITTED) and neither pays for
 * connecting. {@code close()} on a handed-out connection returns it to the pool.
 */
final class FixedPool implements DataSource, AutoCloseable {
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  /** Statements prepared or created on handed-out connections (each is executed once here). */
  final AtomicLong statements = new AtomicLong();

  /**
   * Commits, savepoints set or released, and reads or changes of the isolation level (each a server
   * round trip: a savepoint is an SQL statement the driver sends, which {@link #statements} does
   * not see).
   */
  final AtomicLong otherCalls = new AtomicLong();

  /**
   * When not null, the time spent executing each prepared statement, by its SQL text (IN lists of
   * placeholders folded into one), summed: what a scenario's operation spends where.
   */
  private final Map<String, long[]> timed;

  FixedPool(DataSource target, int size) throws SQLException {
    this(target, size, false);
  }

  /**
   * A pool of {@code size} connections.
   *
   * @param target where the connections come from
   * @param size how many
   * @param timeStatements whether to time each prepared statement ({@link #statementTimes})
   */
  FixedPool(DataSource target, int size, boolean timeStatements) throws SQLException {
    this.timed = timeStatements ? new ConcurrentHashMap<>() : null;
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection c = target.getConnection();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      all.add(c);
      idle.add(c);
    }
  }

  /**
   * The time spent executing each prepared statement so far, by SQL text: nanoseconds and
   * executions, in a copy.
   *
   * @return the times; empty unless the pool times statements
   */
  Map<String, long[]> statementTimes() {
    Map<String, long[]> copy = new TreeMap<>();
    if (timed != null) {
      timed.forEach((sql, t) -> copy.put(sql, t.clone()));
    }
    return copy;
  }

  private PreparedStatement timedStatement(PreparedStatement ps, String sql) {
    String key = IN_LIST.matcher(sql).replaceAll("?, …");
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              boolean execute = method.getName().startsWith("execute");
              long start = execute ? System.nanoTime() : 0;
              try {
                return method.invoke(ps, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                if (execute) {
                  long nanos = System.nanoTime() - start;
                  long[] t = timed.computeIfAbsent(key, k -> new long[2]);
                  synchronized (t) {
                    t[0] += nanos;
                    t[1]++;
                  }
                }
              }
            });
  }

  /** Two or more placeholders in a row, as an IN list has them. */
  private static final Pattern IN_LIST = Pattern.compile("\\?(?:\\s*,\\s*\\?)+");

  @Override
  public Connection getConnection() throws SQLException {
    Connection c;
    try {
      c = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    return lease(c);
  }

  private Connection lease(Connection c) {
    boolean[] returned = {false};
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close" -> {
                  if (!returned[0]) {
                    returned[0] = true;
                    if (!c.getAutoCommit()) {
                      c.rollback();
                    }
                    idle.add(c);
                  }
                  return null;
                }
                case "isClosed" -> {
                  return returned[0];
                }
                case "unwrap" -> {
                  return c.unwrap((Class<?>) args[0]);
                }
                default -> {
                  switch (method.getName()) {
                    case "prepareStatement", "prepareCall" -> {
                      statements.incrementAndGet();
                      if (timed != null) {
                        return timedStatement(
                            (PreparedStatement) method.invoke(c, args), (String) args[0]);
                      }
                    }
                    case "createStatement" -> statements.incrementAndGet();
                    case "commit",
                        "getTransactionIsolation",
                        "setTransactionIsolation",
                        "setSavepoint",
                        "releaseSavepoint" ->
                        otherCalls.incrementAndGet();
                    default -> {}
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : all) {
      c.close();
    }
  }
}
