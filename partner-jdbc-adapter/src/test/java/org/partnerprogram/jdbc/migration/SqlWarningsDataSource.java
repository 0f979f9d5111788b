package org.partnerprogram.jdbc.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that collects every warning the database attaches to a statement it executed (the
 * {@link Statement#getWarnings()} chain, read right after each {@code execute*}). It leaves the
 * warnings in place, so the caller (Flyway, which logs each one) sees them as before.
 */
final class SqlWarningsDataSource {
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final AtomicInteger executions = new AtomicInteger();
  private final DataSource dataSource;

  SqlWarningsDataSource(DataSource target) {
    this.dataSource = proxy(DataSource.class, target, this::onDataSource);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** How many statements were executed through this data source. */
  int executions() {
    return executions.get();
  }

  /** Every warning seen so far, as "SQLSTATE code: message", in order. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  private Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Connection c) {
      return proxy(Connection.class, c, this::onConnection);
    }
    return result;
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof CallableStatement s) {
      return proxy(CallableStatement.class, s, this::onStatement);
    }
    if (result instanceof PreparedStatement s) {
      return proxy(PreparedStatement.class, s, this::onStatement);
    }
    if (result instanceof Statement s) {
      return proxy(Statement.class, s, this::onStatement);
    }
    return result;
  }

  private Object onStatement(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (method.getName().startsWith("execute")) {
      executions.incrementAndGet();
      for (SQLWarning w = ((Statement) target).getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(w.getSQLState() + " " + w.getErrorCode() + ": " + w.getMessage());
      }
    }
    return result;
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
