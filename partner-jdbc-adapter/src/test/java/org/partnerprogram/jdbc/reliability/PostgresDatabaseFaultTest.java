package org.partnerprogram.jdbc.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Dropped connections, deadlocks and serialization failures on PostgreSQL. */
class PostgresDatabaseFaultTest extends AbstractDatabaseFaultTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("reliability");

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  long sessionId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  void kill(Connection admin, long session) throws SQLException {
    // Waits (up to 5 s) until the backend has exited.
    try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
      ps.setInt(1, Math.toIntExact(session));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  @Override
  boolean waitingForLock(Connection admin, long session) throws SQLException {
    try (PreparedStatement ps =
        admin.prepareStatement("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
      ps.setInt(1, Math.toIntExact(session));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && "Lock".equals(rs.getString(1));
      }
    }
  }

  @Override
  void preferHostInDeadlocks(Connection host) throws SQLException {
    // PostgreSQL aborts the transaction whose deadlock_timeout runs out first.
    try (Statement s = host.createStatement()) {
      s.execute("SET deadlock_timeout = '20s'");
    }
  }

  @Override
  boolean snapshotIsolation(Connection host) {
    return true; // REPEATABLE READ is snapshot isolation: 40001 on a concurrent update
  }

  @Override
  boolean isDeadlock(SQLException e) {
    return e != null && "40P01".equals(e.getSQLState());
  }

  @Override
  boolean isSerializationFailure(SQLException e) {
    return e != null && "40001".equals(e.getSQLState());
  }
}
