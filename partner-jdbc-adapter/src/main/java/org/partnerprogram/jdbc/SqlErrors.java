package org.partnerprogram.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.StorageException;

/** Maps {@link SQLException}s to the core's exceptions, so that none leaks through a port. */
final class SqlErrors {
  private SqlErrors() {}

  /**
   * Whether the failure is a unique-key violation: SQLState 23505 (PostgreSQL, H2) or MariaDB error
   * 1062.
   *
   * @param e the failure
   * @return true for a duplicate key
   */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
  }

  /**
   * Whether repeating the transaction may succeed: connection failures (SQLState class 08), a
   * session ended by the server (PostgreSQL 57P01 to 57P03: terminated by an administrator, crash
   * or start-up; MariaDB 1927: connection killed), serialization failures (40001), deadlocks
   * (40P01, MariaDB 1213), lock wait timeouts (MariaDB 1205, H2 50200), MariaDB's
   * snapshot-isolation conflict (1020), H2's concurrent update (90131). In each case the server has
   * rolled the transaction back (or will, as the session is gone).
   *
   * @param e the failure
   * @return true if retryable
   */
  public static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    if (state != null
        && (state.startsWith("08")
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"))) {
      return true;
    }
    if (code == 1213
        || code == 1205
        || code == 1020
        || code == 1927
        || code == 50200
        || code == 90131) {
      return true;
    }
    // A lost connection without an SQLState (MariaDB's driver on a socket error, e.g. when setting
    // a savepoint): the class JDBC reserves for SQLState class 08.
    return e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || e instanceof SQLNonTransientConnectionException;
  }

  /**
   * The core exception for a failure.
   *
   * @param e the failure; never null
   * @param what what the adapter was doing, for the message
   * @return a {@link ConflictException} for a duplicate key, a {@link RetryableException} for a
   *     transient failure, else a {@link StorageException}
   */
  public static PartnerProgramException map(SQLException e, String what) {
    String detail = what + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")";
    if (isUniqueViolation(e)) {
      return new ConflictException(detail, e);
    }
    if (isRetryable(e)) {
      return new RetryableException(detail, e);
    }
    return new StorageException(detail, e);
  }
}
