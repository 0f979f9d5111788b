package org.partnerprogram.examples.portal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portal's transactions: the shop's writes and the programme's in one, on a pooled connection
 * that the programme joins ({@link org.partnerprogram.jdbc.JdbcProgramStorage#joining}).
 */
final class PortalTransactions {
  // The connection of the portal transaction running on a thread, which the programme joins.
  private static final ThreadLocal<Connection> TRANSACTION = new ThreadLocal<>();

  private final DataSource pool;

  PortalTransactions(DataSource pool) {
    this.pool = pool;
  }

  /** Work on the connection of the portal's transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction that the SDK joins: commits when it returns, rolls everything back
   * (the shop's rows and the programme's) when it throws.
   */
  <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      TRANSACTION.set(c);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        TRANSACTION.remove();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the portal's database failed", e);
    }
  }

  /**
   * The portal's transaction open on this thread, as the SDK asks for it ({@code
   * HostTransactions}); empty outside one, and then the strictly joined storage refuses the call.
   */
  Optional<Connection> currentTransaction() {
    return Optional.ofNullable(TRANSACTION.get());
  }
}
