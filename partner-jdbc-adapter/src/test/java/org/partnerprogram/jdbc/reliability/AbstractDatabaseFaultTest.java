package org.partnerprogram.jdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.RetryPolicy;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.jdbc.support.TableChecksums;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * Issue 10, database faults on a real database, each while a payment is being recorded (a use case
 * of several statements: claim the event, mark the order paid, append ledger entries, write the
 * outbox): the connection dropped before each of its statements in turn, a real deadlock with a
 * host transaction, and a serialization failure (PostgreSQL 40001, MariaDB 1020 under {@code
 * innodb_snapshot_isolation}) in a host transaction the SDK joined. Each time the use case throws a
 * {@link RetryableException} and a checksum of every table shows nothing half-written, or it
 * succeeds whole; delivering the payment again then books it exactly once.
 */
abstract class AbstractDatabaseFaultTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  private DataSource database;
  private HikariDataSource pool;
  private FaultInjectingDataSource faults;
  private PartnerProgram program;
  private List<String> tables;

  /** The database of the subclass. */
  abstract TestDatabase database();

  /** The server's id of a connection (PostgreSQL backend pid, MariaDB connection id). */
  abstract long sessionId(Connection c) throws SQLException;

  /** Drops the session from another connection, and waits until it is gone. */
  abstract void kill(Connection admin, long session) throws SQLException;

  /** Whether the session is waiting for a lock. */
  abstract boolean waitingForLock(Connection admin, long session) throws SQLException;

  /**
   * Makes a host transaction the one the database keeps when it breaks a deadlock with the SDK's
   * (so the SDK's side is the one that fails, which is the case under test).
   */
  abstract void preferHostInDeadlocks(Connection host) throws SQLException;

  /** Sets up a host transaction for a snapshot conflict; false if the server cannot. */
  abstract boolean snapshotIsolation(Connection host) throws SQLException;

  /** The vendor code or SQLState of a deadlock. */
  abstract boolean isDeadlock(SQLException e);

  /** The vendor code or SQLState of a serialization failure / snapshot conflict. */
  abstract boolean isSerializationFailure(SQLException e);

  @BeforeEach
  void setUp() throws SQLException {
    database = database().emptied();
    pool = ReliabilityWorld.pool(database, "faults", 2);
    faults = new FaultInjectingDataSource(pool, (n, sql, c) -> {});
    program =
        ReliabilityWorld.program(
            JdbcProgramStorage.create(faults.dataSource()), Clock.fixed(NOW, ZoneOffset.UTC), 3);
    ReliabilityWorld.populate(program, 1, 1, NOW);
    tables = TableChecksums.tables(database);
  }

  @AfterEach
  void tearDown() throws SQLException {
    pool.close();
    ReliabilityWorld.emptyAndVacuum(database());
  }

  private void recordOrder(String orderId) {
    ReliabilityWorld.orderEvents(
            orderId,
            ReliabilityWorld.customer(0, 0),
            NOW,
            ReliabilityWorld.eur("100.00"),
            ReliabilityWorld.eur("40.00"),
            null)
        .get(0)
        .deliverTo(program);
  }

  private static RecordPaymentCommand payment(String orderId) {
    return new RecordPaymentCommand(EventId.of("pay-" + orderId), OrderId.of(orderId), NOW);
  }

  private long earnedEntries(String orderId) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM pp_ledger_entry WHERE kind = 'EARNED' AND order_id = ?")) {
      ps.setString(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static SQLException sqlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  /** Redelivers the payment without faults: earned once, then a duplicate. */
  private void redeliveredPaymentEarnsOnce(String orderId) throws SQLException {
    faults.reset((n, sql, c) -> {});
    PaymentResult first = program.commissions().recordPayment(payment(orderId));
    PaymentResult again = program.commissions().recordPayment(payment(orderId));
    assertThat(again.redelivery()).isTrue();
    assertThat(first.entries()).hasSize(2);
    assertThat(earnedEntries(orderId)).isEqualTo(2);
  }

  /** How many statements recording a payment takes. */
  private int paymentStatements() {
    recordOrder("count");
    faults.reset((n, sql, c) -> {});
    program.commissions().recordPayment(payment("count"));
    int statements = faults.executed();
    assertThat(statements).isGreaterThanOrEqualTo(5);
    return statements;
  }

  /** Drops the connection just before statement {@code k} (counted from the next reset). */
  private FaultInjectingDataSource.Hook dropBefore(int k) {
    return (n, sql, c) -> {
      if (n == k) {
        try (Connection admin = database.getConnection()) {
          kill(admin, sessionId(c));
        }
      }
    };
  }

  @Test
  void withARetryPolicyAPaymentWhoseConnectionDropsIsRepeatedAndEarnsOnce() throws Exception {
    int statements = paymentStatements();
    PartnerProgram retrying =
        ReliabilityWorld.builder(
                JdbcProgramStorage.create(faults.dataSource()), Clock.fixed(NOW, ZoneOffset.UTC))
            .random(new SplittableRandom(8))
            .retry(RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(10)))
            .build();
    for (int k = 1; k <= statements; k++) {
      String orderId = "retry-" + k;
      recordOrder(orderId);
      faults.reset(dropBefore(k));

      PaymentResult result = retrying.commissions().recordPayment(payment(orderId));

      assertThat(result.redelivery()).as("k=%d", k).isFalse();
      assertThat(result.entries()).as("k=%d", k).hasSize(2);
      assertThat(earnedEntries(orderId)).as("k=%d", k).isEqualTo(2);
      assertThat(faults.executed()).as("k=%d: a second attempt ran", k).isGreaterThan(statements);
    }
  }

  @Test
  void aConnectionDroppedBeforeAnyStatementOfAPaymentLeavesNothingHalfWritten() throws Exception {
    int statements = paymentStatements();

    int retryable = 0;
    for (int k = 1; k <= statements; k++) {
      String orderId = "drop-" + k;
      recordOrder(orderId);
      Map<String, TableChecksums.Sum> before = TableChecksums.of(database, tables);
      faults.reset(dropBefore(k));

      Throwable failure =
          catchThrowable(() -> program.commissions().recordPayment(payment(orderId)));

      assertThat(failure)
          .as("connection dropped before statement %d of %d", k, statements)
          .isInstanceOf(RetryableException.class);
      retryable++;
      assertThat(TableChecksums.of(database, tables)).as("k=%d", k).isEqualTo(before);
      redeliveredPaymentEarnsOnce(orderId);
    }
    System.out.printf(
        "%s: connection dropped before each of the %d statements of a payment: %d retryable,"
            + " nothing half-written%n",
        getClass().getSimpleName(), statements, retryable);
  }

  @Test
  void aDeadlockWithAHostTransactionIsRetryableAndLeavesNothingHalfWritten() throws Exception {
    recordOrder("deadlock");
    Map<String, TableChecksums.Sum> before = TableChecksums.of(database, tables);
    try (Connection host = database.getConnection();
        Connection admin = database.getConnection()) {
      host.setAutoCommit(false);
      preferHostInDeadlocks(host);
      // The host locks the order row the payment will update.
      try (PreparedStatement ps =
          host.prepareStatement("UPDATE pp_order SET paid_at = paid_at WHERE order_id = ?")) {
        ps.setString(1, "deadlock");
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      long hostSession = sessionId(host);
      List<CompletableFuture<Void>> hostInsert = new ArrayList<>();
      faults.reset(
          (n, sql, c) -> {
            if (sql.startsWith("UPDATE pp_order SET paid_at")) {
              // The payment has claimed its event id; the host now wants the same id.
              hostInsert.add(
                  CompletableFuture.runAsync(
                      () -> {
                        try (PreparedStatement ps =
                            host.prepareStatement(
                                "INSERT INTO pp_processed_event (event_id, kind, fingerprint,"
                                    + " processed_at) VALUES (?, 'host', 'host',"
                                    + " CURRENT_TIMESTAMP)")) {
                          ps.setString(1, "pay-deadlock");
                          ps.executeUpdate();
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      }));
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
              while (!waitingForLock(admin, hostSession) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
              }
            }
          });

      Throwable sdkFailure =
          catchThrowable(() -> program.commissions().recordPayment(payment("deadlock")));
      Throwable hostFailure = catchThrowable(() -> hostInsert.get(0).get(30, TimeUnit.SECONDS));
      host.rollback();

      boolean sdkDeadlocked = sdkFailure != null && isDeadlock(sqlCause(sdkFailure));
      boolean hostDeadlocked = hostFailure != null && isDeadlock(sqlCause(hostFailure));
      System.out.printf(
          "%s: deadlock between a payment and a host transaction: the %s was chosen as victim%n",
          getClass().getSimpleName(), sdkDeadlocked ? "payment" : "host");
      assertThat(sdkDeadlocked ^ hostDeadlocked).as("exactly one side deadlocked").isTrue();
      if (sdkDeadlocked) {
        assertThat(sdkFailure).isInstanceOf(RetryableException.class);
        assertThat(TableChecksums.of(database, tables)).isEqualTo(before);
        redeliveredPaymentEarnsOnce("deadlock");
      } else {
        assertThat(sdkFailure).isNull();
        assertThat(earnedEntries("deadlock")).isEqualTo(2);
      }
    }
  }

  @Test
  void aSnapshotConflictInAJoinedHostTransactionIsRetryableAndPaysOnce() throws Exception {
    recordOrder("snapshot");
    try (Connection host = database.getConnection()) {
      host.setAutoCommit(false);
      host.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Assumptions.assumeTrue(
          snapshotIsolation(host), "the server has no snapshot-isolation conflict error");
      // A retry policy is set, but a unit in the host's transaction is never repeated by the SDK.
      PartnerProgram joined =
          ReliabilityWorld.builder(
                  JdbcProgramStorage.joining(() -> Optional.of(host)),
                  Clock.fixed(NOW, ZoneOffset.UTC))
              .random(new SplittableRandom(4))
              .retry(RetryPolicy.of(5, Duration.ZERO, Duration.ZERO))
              .build();
      // The host's transaction reads first: its snapshot is taken now.
      try (Statement s = host.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pp_order")) {
        assertThat(rs.next()).isTrue();
      }
      // Meanwhile another instance records a payment of the same order under another event id.
      PaymentResult other =
          program
              .commissions()
              .recordPayment(
                  new RecordPaymentCommand(
                      EventId.of("pay-snapshot-other"), OrderId.of("snapshot"), NOW));
      assertThat(other.entries()).hasSize(2);
      Map<String, TableChecksums.Sum> before = TableChecksums.of(database, tables);

      assertThatThrownBy(() -> joined.commissions().recordPayment(payment("snapshot")))
          .isInstanceOf(RetryableException.class)
          .satisfies(e -> assertThat(isSerializationFailure(sqlCause(e))).isTrue());
      host.rollback();
      assertThat(TableChecksums.of(database, tables)).isEqualTo(before);

      // The host retries its transaction: the order is already paid, nothing more is earned.
      PaymentResult retried = joined.commissions().recordPayment(payment("snapshot"));
      host.commit();
      assertThat(retried.entries()).isEmpty();
      assertThat(earnedEntries("snapshot")).isEqualTo(2);
      System.out.printf(
          "%s: snapshot conflict in a joined host transaction surfaced as RetryableException%n",
          getClass().getSimpleName());
    }
  }
}
