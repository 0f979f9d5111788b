package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction boundary of the JDBC stores, in one of three modes: owned, joined, or joined when
 * the host has a transaction open and owned otherwise (decided per outermost unit of work).
 *
 * <p><b>Owned</b>: each outermost {@link #execute} takes a connection from the data source, turns
 * autocommit off, uses READ COMMITTED, commits when the work returns and rolls back when it throws,
 * then restores the connection's settings and closes it.
 *
 * <p>Preparing a connection costs server round trips (on PostgreSQL reading the isolation level is
 * a query, and so is each change of it), which would dominate a short use case. So the boundary
 * remembers each <em>physical</em> connection (the one a pool's proxy {@linkplain Connection#unwrap
 * unwraps} to) it has prepared: on MariaDB the strict session is set once per physical connection,
 * and its session isolation level is read once. A connection found at READ COMMITTED is used as it
 * is from then on, with no further round trips; on one at another level (MariaDB's default is
 * REPEATABLE READ) each unit of work starts with {@code SET TRANSACTION ISOLATION LEVEL READ
 * COMMITTED}, which holds for that transaction only (on H2 the level is set and restored). A pool
 * configured with READ COMMITTED and autocommit off therefore costs no round trip beyond the work
 * and its commit. A host that shares the adapter's data source must not change the session's
 * default isolation or SQL mode on its connections behind the pool's back.
 *
 * <p><b>Joined</b>: each outermost {@link #execute} uses the connection the host supplies, inside
 * the host's transaction. It never commits, rolls back or closes that connection; it sets a
 * savepoint, so that work that throws is undone (back to the savepoint) without ending the host's
 * transaction. When the host has no transaction open, a strictly joined boundary throws {@link
 * HostTransactionRequiredException} before it takes any connection or runs any SQL; a boundary that
 * may also own runs the unit as an owned one.
 *
 * <p>In both modes a nested {@code execute} on the same thread joins the running unit.
 */
final class JdbcTransactions implements TransactionBoundary {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

  /** Where owned units take their connection; null when the boundary only joins. */
  private final DataSource dataSource;

  /** The host's open transaction; null when the boundary only owns. */
  private final HostTransactions host;

  // One unit of work per storage and thread: the thread-local belongs to this instance on purpose.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  /**
   * The isolation level found on each physical connection when it was first prepared; weak, so a
   * connection the pool retires is forgotten with it.
   */
  private final Map<Connection, Integer> preparedIsolation =
      Collections.synchronizedMap(new WeakHashMap<>());

  private volatile Dialect dialect;

  private JdbcTransactions(DataSource dataSource, HostTransactions host, Dialect dialect) {
    this.dataSource = dataSource;
    this.host = host;
    this.dialect = dialect;
  }

  /**
   * Transactions owned by the adapter.
   *
   * @param dataSource where connections come from; never null
   * @param dialect the database, or null to detect it from the first connection
   * @return the boundary
   */
  public static JdbcTransactions owned(DataSource dataSource, Dialect dialect) {
    return new JdbcTransactions(Objects.requireNonNull(dataSource, "dataSource"), null, dialect);
  }

  /**
   * Transactions of the host, joined; a unit outside one fails.
   *
   * @param host the host's open transaction; never null
   * @param dialect the database, or null to detect it from the first connection
   * @return the boundary
   */
  public static JdbcTransactions joined(HostTransactions host, Dialect dialect) {
    return new JdbcTransactions(null, Objects.requireNonNull(host, "host"), dialect);
  }

  /**
   * Transactions of the host, joined when one is open; otherwise owned, on the data source.
   *
   * @param dataSource where connections of owned units come from; never null
   * @param host the host's open transaction; never null
   * @param dialect the database, or null to detect it from the first connection
   * @return the boundary
   */
  public static JdbcTransactions joinedOrOwned(
      DataSource dataSource, HostTransactions host, Dialect dialect) {
    return new JdbcTransactions(
        Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(host, "host"),
        dialect);
  }

  /**
   * The connection of the unit of work running on this thread.
   *
   * @return the connection; never null
   * @throws IllegalStateException if called outside {@link #execute}
   */
  public Connection connection() {
    Connection c = current.get();
    if (c == null) {
      throw new IllegalStateException(
          "JDBC stores must be called inside TransactionBoundary.execute(...)");
    }
    return c;
  }

  /**
   * The database; known once the first unit of work has started.
   *
   * @return the dialect; never null inside a unit of work
   */
  public Dialect dialect() {
    Dialect d = dialect;
    if (d == null) {
      d = Dialect.detect(connection());
      dialect = d;
    }
    return d;
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    if (host == null) {
      return executeOwned(work);
    }
    Optional<Connection> open = hostTransaction();
    if (open.isPresent()) {
      return executeJoined(open.get(), work);
    }
    if (dataSource != null) {
      return executeOwned(work);
    }
    throw new HostTransactionRequiredException(
        "no host transaction is open on this thread: a JdbcProgramStorage.joining(...) storage"
            + " runs only inside the host's transaction (for example a @Transactional method);"
            + " use JdbcProgramStorage.joiningOrOwning(dataSource, host) to own one otherwise");
  }

  /**
   * Whether a unit started now on the calling thread would own its transaction: always when the
   * boundary only owns, never when it only joins, and when it may do both, exactly when the host
   * has no transaction open. The core asks before each outermost unit and repeats only owned ones:
   * a failure may have aborted the host's transaction.
   */
  @Override
  public boolean ownsTransactions() {
    if (dataSource == null) {
      return false;
    }
    return host == null || hostTransaction().isEmpty();
  }

  private Optional<Connection> hostTransaction() {
    Optional<Connection> open = host.current();
    if (open == null) {
      throw new IllegalStateException("HostTransactions.current() returned null, not an Optional");
    }
    return open;
  }

  private void prepareSession(Connection c) throws SQLException {
    if (dialect == null) {
      dialect = Dialect.detect(c);
    }
    Statements statements = Statements.of(dialect);
    if (!statements.sessionSetup().isEmpty()) {
      try (Statement s = c.createStatement()) {
        s.execute(statements.sessionSetup());
      }
    }
  }

  private <T> T executeOwned(Supplier<T> work) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.map(e, "getting a connection from the data source");
    }
    boolean autoCommit = true;
    int restoreIsolation = Connection.TRANSACTION_READ_COMMITTED;
    try {
      autoCommit = c.getAutoCommit();
      Connection physical = physical(c);
      Integer found = preparedIsolation.get(physical);
      if (found == null) {
        prepareSession(c);
        found = c.getTransactionIsolation();
        preparedIsolation.put(physical, found);
      }
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      if (found != Connection.TRANSACTION_READ_COMMITTED) {
        Statements statements = Statements.of(dialect);
        if (!statements.readCommittedForOneTransaction().isEmpty()) {
          // For this transaction only: one statement, and nothing to restore afterwards.
          try (Statement s = c.createStatement()) {
            s.execute(statements.readCommittedForOneTransaction());
          }
        } else {
          restoreIsolation = found;
          c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
      }
    } catch (SQLException e) {
      closeQuietly(c, autoCommit, restoreIsolation);
      throw SqlErrors.map(e, "starting a transaction");
    }
    current.set(c);
    try {
      T result = runOrUndo(work, e -> rollbackQuietly(c, e));
      try {
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        throw SqlErrors.map(e, "committing the transaction");
      }
      return result;
    } finally {
      current.remove();
      closeQuietly(c, autoCommit, restoreIsolation);
    }
  }

  /** The connection under a pool's proxy, or the connection itself if it does not unwrap. */
  private static Connection physical(Connection c) {
    try {
      Connection inner = c.unwrap(Connection.class);
      return inner != null ? inner : c;
    } catch (SQLException | RuntimeException e) {
      return c;
    }
  }

  private <T> T executeJoined(Connection c, Supplier<T> work) {
    Savepoint savepoint;
    try {
      if (c.getAutoCommit()) {
        throw new HostTransactionRequiredException(
            "the host's connection is in autocommit mode, so no host transaction is open:"
                + " HostTransactions.current() must return the connection of an open transaction"
                + " (autocommit off), or empty when there is none");
      }
      prepareSession(c);
      savepoint = c.setSavepoint();
    } catch (SQLException e) {
      throw SqlErrors.map(e, "joining the host's transaction");
    }
    current.set(c);
    try {
      T result =
          runOrUndo(
              work,
              e -> {
                try {
                  c.rollback(savepoint);
                } catch (SQLException rollbackFailure) {
                  e.addSuppressed(rollbackFailure);
                }
              });
      try {
        c.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        LOG.debug("could not release savepoint; it ends with the host's transaction", e);
      }
      return result;
    } finally {
      current.remove();
    }
  }

  /** Runs the work; if it throws, undoes what it did and rethrows the same failure. */
  private static <T> T runOrUndo(Supplier<T> work, Consumer<Throwable> undo) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      undo.accept(e);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void closeQuietly(Connection c, boolean autoCommit, int isolation) {
    try {
      if (autoCommit) {
        c.setAutoCommit(true);
      }
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        c.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      LOG.debug("could not restore connection settings", e);
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("could not close a connection", e);
    }
  }
}
