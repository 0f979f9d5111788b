package org.partnerprogram.jdbc.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** Dropped connections, deadlocks and snapshot-isolation conflicts (1020) on MariaDB. */
class MariaDbDatabaseFaultTest extends AbstractDatabaseFaultTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  long sessionId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  void kill(Connection admin, long session) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement("KILL CONNECTION ?")) {
      ps.setLong(1, session);
      ps.execute();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Also true once the session's statement is executing on the server ({@code Update} in the
   * process list): MariaDB 10.11 showed the host's insert there, its transaction {@code RUNNING}
   * and not {@code LOCK WAIT}, for as long as the deadlock test waited (20 s every run), entering
   * the lock wait only after the payment went on. The deadlock the test needs forms either way once
   * the insert is on the server, as the payment holds the row it wants until it ends.
   */
  @Override
  boolean waitingForLock(Connection admin, long session) throws SQLException {
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT (SELECT COUNT(*) FROM information_schema.innodb_trx"
                + " WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT')"
                + " + (SELECT COUNT(*) FROM information_schema.processlist"
                + " WHERE id = ? AND command = 'Query' AND state = 'Update')")) {
      ps.setLong(1, session);
      ps.setLong(2, session);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  @Override
  void preferHostInDeadlocks(Connection host) throws SQLException {
    // InnoDB rolls back the lighter transaction: make the host's heavier.
    try (PreparedStatement ps =
        host.prepareStatement("INSERT INTO host_audit (message) VALUES (?)")) {
      for (int i = 0; i < 50; i++) {
        ps.setString(1, "host work " + i);
        ps.executeUpdate();
      }
    }
  }

  @Override
  boolean snapshotIsolation(Connection host) throws SQLException {
    try (Statement s = host.createStatement()) {
      s.execute("SET SESSION innodb_snapshot_isolation = ON");
      return true;
    } catch (SQLException unknownVariable) {
      return false; // before MariaDB 10.6.18 / 10.11.8 / 11.4.2
    }
  }

  @Override
  boolean isDeadlock(SQLException e) {
    return e != null && e.getErrorCode() == 1213;
  }

  @Override
  boolean isSerializationFailure(SQLException e) {
    return e != null && e.getErrorCode() == 1020;
  }
}
