package org.partnerprogram.jdbc.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that records every SQL string the adapter hands to JDBC: to {@code
 * prepareStatement}, {@code prepareCall}, {@code nativeSQL} and to a plain {@link Statement}'s
 * {@code execute*} and {@code addBatch}. Lets a test assert that input never becomes SQL text.
 */
public final class RecordingDataSource {
  private static final Set<String> CONNECTION_SQL =
      Set.of("prepareStatement", "prepareCall", "nativeSQL");
  private static final Set<String> STATEMENT_SQL =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  private final List<String> sql = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  public RecordingDataSource(DataSource target) {
    this.dataSource = proxy(DataSource.class, target, this::onDataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Every SQL string seen so far, in order, duplicates included. */
  public List<String> statements() {
    return List.copyOf(sql);
  }

  public void clear() {
    sql.clear();
  }

  private Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Connection c) {
      return proxy(Connection.class, c, this::onConnection);
    }
    return result;
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    if (CONNECTION_SQL.contains(method.getName()) && args != null && args[0] instanceof String s) {
      sql.add(s);
    }
    Object result = invoke(target, method, args);
    if (result instanceof Statement s && method.getName().equals("createStatement")) {
      return proxy(Statement.class, s, this::onStatement);
    }
    return result;
  }

  private Object onStatement(Object target, Method method, Object[] args) throws Throwable {
    if (STATEMENT_SQL.contains(method.getName())
        && args != null
        && args.length > 0
        && args[0] instanceof String s) {
      sql.add(s);
    }
    return invoke(target, method, args);
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Handler handler) {
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
