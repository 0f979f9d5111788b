package org.partnerprogram.examples.spring;

import java.util.Objects;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.examples.ReadmeExamples.InvoiceEvent;
import org.partnerprogram.examples.ReadmeExamples.InvoiceLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host's billing: each invoice event updates the host's own invoice row and the partner
 * programme in one Spring transaction, so both commit or neither does.
 */
@Service
public class Billing {
  private final PartnerProgram program;
  private final JdbcTemplate jdbc;

  /**
   * The billing service.
   *
   * @param program the programme (its storage joins Spring's transaction)
   * @param jdbc the host's own data access
   */
  public Billing(PartnerProgram program, JdbcTemplate jdbc) {
    this.program = Objects.requireNonNull(program, "program");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  /**
   * Records an invoice event: the host's invoice row and the programme's order, payment or refund,
   * in one transaction. A redelivered event writes the same row again and has no second effect on
   * the programme.
   *
   * @param e the event; never null
   * @throws org.partnerprogram.core.domain.PartnerProgramException whose {@code isRetryable()} is
   *     true if it may succeed when delivered again, such as a payment before its order (nothing
   *     was written)
   * @throws org.partnerprogram.core.domain.InvalidInputException if it can never be recorded
   *     (nothing was written)
   */
  @Transactional // Spring's: the host's invoice row and the SDK's rows commit or roll back together
  public void record(InvoiceEvent e) {
    String status = e.type().name();
    if (jdbc.update("UPDATE host_invoice SET status = ? WHERE id = ?", status, e.invoiceId())
        == 0) {
      jdbc.update("INSERT INTO host_invoice (id, status) VALUES (?, ?)", e.invoiceId(), status);
    }
    ProgramTerms terms = program.terms();
    switch (e.type()) {
      case CREATED -> {
        RecordOrderCommand.Builder order =
            RecordOrderCommand.builder(e.eventId(), e.invoiceId())
                .customer(e.customerId())
                .placedAt(e.at());
        for (InvoiceLine l : e.lines()) {
          order.line(
              OrderLine.of(l.number(), l.productId(), terms.money(l.netExclVat()))
                  .inGroup(l.group()));
        }
        program.commissions().recordOrder(order.build());
      }
      case PAID ->
          program
              .commissions()
              .recordPayment(RecordPaymentCommand.of(e.eventId(), e.invoiceId(), e.at()));
      case REFUNDED ->
          program
              .commissions()
              .recordRefund(
                  RecordRefundCommand.wholeOrder(
                      e.eventId(), e.invoiceId(), e.at(), terms.money(e.amount())));
    }
  }
}
