package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.util.Optional;

/**
 * The host's view of its own transactions: the connection of the transaction open on the calling
 * thread, if any. A {@linkplain JdbcProgramStorage#joining(HostTransactions) joining} storage asks
 * it once at the start of each outermost use case, on the calling thread.
 *
 * <p>With Spring, for example:
 *
 * <pre>{@code
 * HostTransactions host =
 *     () -> TransactionSynchronizationManager.isActualTransactionActive()
 *             && TransactionSynchronizationManager.getResource(dataSource) != null
 *         ? Optional.of(DataSourceUtils.getConnection(dataSource)) // the bound connection
 *         : Optional.empty();
 * }</pre>
 *
 * <p>(Outside a transaction {@code DataSourceUtils.getConnection} would open a new autocommit
 * connection that nobody closes: hence the checks first.)
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>When no transaction is open, return {@link Optional#empty()} <b>without opening a
 *       connection</b>: nobody would close it.
 *   <li>The connection returned belongs to the host's open transaction (autocommit off). The
 *       adapter never commits, rolls back or closes it; it only sets and releases (or rolls back
 *       to) a savepoint per use case.
 *   <li>Never return null; may be called several times per use case and must answer the same.
 * </ul>
 */
@FunctionalInterface
public interface HostTransactions {

  /**
   * The connection of the host's transaction open on the calling thread.
   *
   * @return the connection (autocommit off), or empty when no host transaction is open; never null
   */
  Optional<Connection> current();
}
