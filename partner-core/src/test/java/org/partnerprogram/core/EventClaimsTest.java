package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;

/**
 * Host events have effect once: a redelivery writes nothing, a reused id with another payload is
 * refused.
 */
class EventClaimsTest extends ServiceTestWorld.EnrolledPartner {
  private int eventCount() {
    return ((InMemoryStorage) f.storage).publishedEvents().size();
  }

  @Test
  void aRedeliveredEventReturnsTheOriginalResultAndWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    RecordOrderCommand command = f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    int events = eventCount();

    OrderResult again = f.program.commissions().recordOrder(command);
    PaymentResult paid = pay("pay-1", "order-1");
    PaymentResult paidAgain = pay("pay-1", "order-1");

    assertThat(again.redelivery()).isTrue();
    assertThat(again.lines()).extracting(CommissionLine::commission).containsExactly(eur("10.00"));
    assertThat(paidAgain.redelivery()).isTrue();
    assertThat(paidAgain.entries()).isEqualTo(paid.entries());
    assertThat(entries("order-1")).hasSize(2);
    assertThat(eventCount()).isEqualTo(events + 1);
  }

  @Test
  void theSameEventIdWithADifferentPayloadIsRefusedAndWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));

    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("order-order-1"),
                            f.order("order-1", customer, line(1, "vps", "81.00")))))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("another-event"),
                            f.order("order-1", customer, line(1, "vps", "81.00")))))
        .isInstanceOf(IdempotencyConflictException.class);
    pay("pay-1", "order-1");
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .recordPayment(
                        new RecordPaymentCommand(
                            EventId.of("pay-1"),
                            OrderId.of("order-1"),
                            f.clock.instant().plusSeconds(1))))
        .isInstanceOf(IdempotencyConflictException.class);

    assertThat(entries("order-1"))
        .extracting(LedgerEntry::kind)
        .containsExactly(LedgerEntry.Kind.ACCRUED, LedgerEntry.Kind.EARNED);
    // the refused event id was not claimed: the same id with the original content still works
    OrderResult sameOrderOtherEvent =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("another-event"),
                    f.order("order-1", customer, line(1, "vps", "80.00"))));
    assertThat(sameOrderOtherEvent.redelivery()).isTrue();
  }

  @Test
  void aHostCanAskWhichOfItsEventsWereProcessed() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    assertThatThrownBy(() -> pay("pay-lost", "order-404"))
        .isInstanceOf(OrderNotRecordedException.class);

    var processed =
        f.program.commissions().processed(List.of("order-order-1", "pay-lost", "never-sent"));

    assertThat(processed).containsExactly(EventId.of("order-order-1"));
    assertThatThrownBy(() -> org.partnerprogram.core.port.in.ProcessedEventsQuery.of(List.of()))
        .isInstanceOf(InvalidInputException.class);
  }
}
