package org.partnerprogram.jdbc.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the connections taken from it and not yet closed: a test asserts that
 * nothing leaked ({@link #open()} is 0 when all work is done) and that a call took no connection at
 * all ({@link #taken()} did not move).
 */
public final class CountingDataSource {
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger taken = new AtomicInteger();
  private final DataSource dataSource;

  public CountingDataSource(DataSource target) {
    InvocationHandler h =
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (result instanceof Connection c) {
            taken.incrementAndGet();
            open.incrementAndGet();
            return counted(c);
          }
          return result;
        };
    this.dataSource =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, h);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Connections taken and not closed yet. */
  public int open() {
    return open.get();
  }

  /** Connections taken so far, closed or not. */
  public int taken() {
    return taken.get();
  }

  private Connection counted(Connection target) {
    AtomicBoolean closed = new AtomicBoolean();
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().equals("close")
              && method.getParameterCount() == 0
              && closed.compareAndSet(false, true)) {
            open.decrementAndGet();
          }
          return invoke(target, method, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
