package org.partnerprogram.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.port.in.Commissions;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.ProcessedEventsQuery;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RefundResult;

/** The facade's {@link Commissions}: orders, payments and refunds from the host's billing. */
final class CommissionsGroup implements Commissions {
  private final OrderService orders;
  private final PaymentService payments;
  private final RefundService refunds;
  private final EventClaims claims;
  private final QueryService queries;

  CommissionsGroup(
      OrderService orders,
      PaymentService payments,
      RefundService refunds,
      EventClaims claims,
      QueryService queries) {
    this.orders = orders;
    this.payments = payments;
    this.refunds = refunds;
    this.claims = claims;
    this.queries = queries;
  }

  @Override
  public Page<LedgerLine> ledger(LedgerQuery query) {
    return queries.ledger(query);
  }

  @Override
  public OrderResult recordOrder(RecordOrderCommand command) {
    return orders.recordOrder(command);
  }

  @Override
  public PaymentResult recordPayment(RecordPaymentCommand command) {
    return payments.recordPayment(command);
  }

  @Override
  public RefundResult recordRefund(RecordRefundCommand command) {
    return refunds.recordRefund(command);
  }

  @Override
  public Set<EventId> processed(Collection<String> eventIds) {
    if (eventIds == null || eventIds.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("eventIds", "must not be or contain null");
    }
    return claims.processed(ProcessedEventsQuery.of(List.copyOf(eventIds)));
  }
}
