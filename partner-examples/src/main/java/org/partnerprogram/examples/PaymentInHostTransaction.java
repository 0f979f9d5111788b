package org.partnerprogram.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * Wiring example: the host records a payment in the <em>same</em> database transaction as its own
 * invoice update, so either both happen or neither does. The SDK joins the host's transaction
 * through {@link JdbcProgramStorage#joining}; it never commits, rolls back or closes the host's
 * connection, and it refuses a call outside the host's transaction (joins, never owns).
 */
public final class PaymentInHostTransaction {
  /** The connection of the transaction running on this thread (a framework keeps this for you). */
  private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

  private final DataSource dataSource;
  private final PartnerProgram program;

  /**
   * Wires the programme to join the host's transactions.
   *
   * @param dataSource the host's database, with the SDK's tables migrated into it
   * @param terms the programme's terms
   */
  public PaymentInHostTransaction(DataSource dataSource, ProgramTerms terms) {
    this.dataSource = dataSource;
    this.program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.fromBase64(QuickStart.DEMO_PSEUDONYM_KEY))
            .terms(terms)
            .storage(JdbcProgramStorage.joining(() -> Optional.ofNullable(CURRENT.get())))
            .build();
  }

  /**
   * The programme, for the host's other calls (they join the host's transaction too when one runs
   * on the thread).
   *
   * @return the programme
   */
  public PartnerProgram program() {
    return program;
  }

  /**
   * The host's "invoice paid" handler: marks its invoice paid and records the payment for the
   * partner programme in one transaction.
   *
   * @param invoiceId the host's invoice (also the order id it reported to the programme)
   * @param paymentEventId the payment provider's event id (the idempotency key)
   * @param paidAt when it was paid
   * @param afterBoth a step of the host's that runs after both writes, before the commit (for the
   *     test: throwing here rolls both back)
   * @throws SQLException if the host's own statements fail (everything is rolled back)
   */
  public void invoicePaid(
      String invoiceId, String paymentEventId, Instant paidAt, Runnable afterBoth)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CURRENT.set(connection);
      try {
        try (PreparedStatement update =
            connection.prepareStatement("UPDATE host_invoice SET status = 'PAID' WHERE id = ?")) {
          update.setString(1, invoiceId);
          update.executeUpdate();
        }
        program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(
                    EventId.of(paymentEventId), OrderId.of(invoiceId), paidAt));
        afterBoth.run();
        connection.commit();
      } catch (RuntimeException | SQLException e) {
        connection.rollback(); // the invoice update and the commission, together
        throw e;
      } finally {
        CURRENT.remove();
      }
    }
  }

  /**
   * Runs work in a host transaction (for the host's other writes).
   *
   * @param work the work
   * @throws SQLException if the transaction fails
   */
  public void inTransaction(Runnable work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CURRENT.set(connection);
      try {
        work.run();
        connection.commit();
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        CURRENT.remove();
      }
    }
  }
}
