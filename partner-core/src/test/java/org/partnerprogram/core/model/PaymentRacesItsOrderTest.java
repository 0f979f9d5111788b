package org.partnerprogram.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * A payment whose order another transaction commits between the payment's "mark paid" (which finds
 * no row yet) and its read of the order (which finds it): the payment must still be recorded, not
 * taken for a second payment of a paid order. Storage here refuses the first mark as a database at
 * READ COMMITTED would in that interleaving.
 */
class PaymentRacesItsOrderTest {

  @Test
  void aPaymentWhoseOrderBecomesVisibleMidwayIsRecordedNotTakenForADuplicate() {
    InMemoryStorage memory = new InMemoryStorage();
    AtomicInteger marks = new AtomicInteger();
    OrderStore orders = memory.orders();
    OrderStore lateOrders =
        new OrderStore() {
          @Override
          public boolean insert(RecordedOrder order) {
            return orders.insert(order);
          }

          @Override
          public Optional<RecordedOrder> find(OrderId orderId) {
            return orders.find(orderId);
          }

          @Override
          public long countByCustomer(CustomerAccountId customer) {
            return orders.countByCustomer(customer);
          }

          @Override
          public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
            return orders.replaceCustomer(customer, replacement);
          }

          @Override
          public boolean markPaid(OrderId orderId, Instant paidAt) {
            // The first mark runs before the order's transaction committed: no row to update.
            return marks.incrementAndGet() > 1 && orders.markPaid(orderId, paidAt);
          }

          @Override
          public Optional<Instant> paidAt(OrderId orderId) {
            return orders.paidAt(orderId);
          }

          @Override
          public void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net) {
            orders.addRefund(orderId, lineNumber, eventId, net);
          }

          @Override
          public Map<Integer, Money> refundedByLine(OrderId orderId) {
            return orders.refundedByLine(orderId);
          }
        };
    ProgramFixture f =
        ProgramFixture.on(
            new BrokenStorages.Delegating(memory) {
              @Override
              public OrderStore orders() {
                return lateOrders;
              }
            },
            b -> b);
    CustomerAccountId customer = f.referredCustomer("cust-1");
    f.record(f.order("o-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));

    PaymentResult paid =
        f.program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(
                    EventId.of("pay-1"), OrderId.of("o-1"), f.clock.instant()));

    assertThat((paid instanceof PaymentResult.AlreadyPaid)).isFalse();
    assertThat(paid.entries()).extracting(LedgerEntry::kind).containsOnly(LedgerEntry.Kind.EARNED);
    assertThat(paid.entries()).isNotEmpty();
    assertThat(memory.transactions().execute(() -> orders.paidAt(OrderId.of("o-1")))).isPresent();
    assertThat(marks).hasValue(2);
  }
}
