package org.partnerprogram.jdbc.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that keeps one physical connection per thread and hands it out again, as a pool
 * would: tests that run thousands of short units of work then measure the adapter, not the
 * connection set-up. {@link Connection#close()} on a handed-out connection keeps it open; {@link
 * #close()} closes them all.
 */
public final class ThreadConnections implements DataSource, AutoCloseable {
  private final DataSource target;
  private final List<Connection> opened = new CopyOnWriteArrayList<>();

  // One connection per thread of this data source, as a pool keeps per borrower.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  public ThreadConnections(DataSource target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = current.get();
    if (physical == null || physical.isClosed()) {
      physical = target.getConnection();
      opened.add(physical);
      current.set(physical);
    }
    Connection real = physical;
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("only the target's credentials");
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : opened) {
      c.close();
    }
    opened.clear();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
