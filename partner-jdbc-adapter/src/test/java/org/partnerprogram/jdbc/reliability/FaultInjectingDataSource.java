package org.partnerprogram.jdbc.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that numbers every statement execution ({@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeBatch} and their large forms, on plain and prepared
 * statements) across all its connections, and calls a hook just before each one with the number
 * (from 1), the SQL and the physical connection. The hook may block, kill the JVM, break the
 * connection from elsewhere or throw: that is how the crash and fault tests pick the boundary.
 */
final class FaultInjectingDataSource {
  private static final Set<String> EXECUTE =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");
  private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");

  /** Called before each statement execution. */
  @FunctionalInterface
  interface Hook {
    /**
     * @param number the execution's number, from 1, across all connections of this data source
     * @param sql the statement's SQL
     * @param connection the physical connection it runs on
     */
    void beforeExecute(int number, String sql, Connection connection) throws SQLException;
  }

  private final AtomicInteger executed = new AtomicInteger();
  private final DataSource dataSource;
  private volatile Hook hook;

  FaultInjectingDataSource(DataSource target, Hook hook) {
    this.hook = hook;
    this.dataSource = proxy(DataSource.class, target, this::onDataSource);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Statements executed so far. */
  int executed() {
    return executed.get();
  }

  /** Starts numbering again from 1, with another hook. */
  void reset(Hook newHook) {
    executed.set(0);
    hook = newHook;
  }

  private Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Connection c) {
      return proxy(Connection.class, c, (t, m, a) -> onConnection(c, t, m, a));
    }
    return result;
  }

  private Object onConnection(Connection physical, Object target, Method method, Object[] args)
      throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Statement s) {
      String prepared =
          PREPARE.contains(method.getName()) && args != null && args[0] instanceof String sql
              ? sql
              : null;
      Class<?> type =
          method.getName().equals("prepareCall")
              ? java.sql.CallableStatement.class
              : prepared != null ? java.sql.PreparedStatement.class : Statement.class;
      return proxy(type, s, (t, m, a) -> onStatement(physical, prepared, t, m, a));
    }
    return result;
  }

  private Object onStatement(
      Connection physical, String prepared, Object target, Method method, Object[] args)
      throws Throwable {
    if (EXECUTE.contains(method.getName())) {
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
      hook.beforeExecute(executed.incrementAndGet(), sql, physical);
    }
    return invoke(target, method, args);
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler h = (p, m, a) -> handler.handle(target, m, a);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
