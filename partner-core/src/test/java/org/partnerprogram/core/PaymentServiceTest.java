package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderNotRecordedException;
import org.partnerprogram.core.domain.event.CommissionEarned;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.testkit.ProgramFixture;

/** Recording payments: a paid order earns its pending commission, once. */
class PaymentServiceTest extends ServiceTestWorld.EnrolledPartner {
  @Test
  void aPaymentEarnsThePendingCommissionPayableAfterTheHoldingPeriod() {
    ProgramFixture held =
        ProgramFixture.on(new InMemoryStorage(), b -> b.holdingPeriod(Duration.ofDays(14)));
    CustomerAccountId customer = held.referredCustomer("new-1");
    held.record(held.order("order-1", customer, line(1, "shared-hosting", "40.00")));
    Instant paidAt = held.clock.instant();
    PaymentResult paid =
        held.program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(EventId.of("pay-1"), OrderId.of("order-1"), paidAt));

    assertThat(paid.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amount()).isEqualTo(eur("10.00"));
              assertThat(e.payableAt()).contains(paidAt.plus(Duration.ofDays(14)));
            });
    Balance before = held.program.partners().overview(held.partner.id()).orElseThrow().balance();
    assertThat(before.pending()).isEqualTo(eur("0.00"));
    assertThat(before.held()).isEqualTo(eur("10.00"));
    assertThat(before.payable()).isEqualTo(eur("0.00"));
    held.clock.advance(Duration.ofDays(14));
    Balance after = held.program.partners().overview(held.partner.id()).orElseThrow().balance();
    assertThat(after.held()).isEqualTo(eur("0.00"));
    assertThat(after.payable()).isEqualTo(eur("10.00"));
    assertThat(((InMemoryStorage) held.storage).publishedEvents())
        .filteredOn(CommissionEarned.class::isInstance)
        .hasSize(1);
  }

  @Test
  void aPaymentBeforeItsOrderIsARetryableErrorThatWritesNothing() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    assertThatThrownBy(() -> pay("pay-1", "order-1"))
        .isInstanceOfSatisfying(
            OrderNotRecordedException.class, e -> assertThat(e.isRetryable()).isTrue());

    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    PaymentResult redelivered = pay("pay-1", "order-1");

    assertThat(redelivered.redelivery()).isFalse();
    assertThat(redelivered.entries()).hasSize(1);
  }

  @Test
  void onlyAPaymentInFullEarnsAndASecondPaymentEarnsNothingMore() {
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, line(1, "vps", "80.00")));
    assertThat(balance().payable()).isEqualTo(eur("0.00"));
    pay("pay-1", "order-1");
    PaymentResult second = pay("pay-2", "order-1");

    assertThat((second instanceof PaymentResult.AlreadyPaid)).isTrue();
    assertThat(second.entries()).isEmpty();
    assertThat(balance().payable()).isEqualTo(eur("10.00"));
  }

  @Test
  void fiftyDeliveriesOfOnePaymentFromEightThreadsEarnOnce() throws Exception {
    CustomerAccountId customer = f.referredCustomer("new-1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int order = 0; order < 20; order++) {
        String id = "order-" + order;
        f.record(
            f.order(id, customer, line(1, "vps", "80.00"), line(2, "shared-hosting", "20.00")));
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<PaymentResult>> results = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
          boolean waits = d < 8;
          results.add(
              pool.submit(
                  () -> {
                    if (waits) {
                      start.await();
                    }
                    return pay("pay-" + id, id);
                  }));
        }
        int firsts = 0;
        for (Future<PaymentResult> r : results) {
          firsts += r.get().redelivery() ? 0 : 1;
        }
        assertThat(firsts).isEqualTo(1);
        assertThat(entries(id)).filteredOn(e -> e.kind() == LedgerEntry.Kind.EARNED).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(balance().payable()).isEqualTo(eur("300.00"));
  }

  /**
   * The instants a host's billing reports: none may lie beyond the programme's clock by more than
   * the clock skew that clicks and signups already allow, and a payment or refund cannot come
   * before its order. A refused event writes nothing, so the same event can be delivered again once
   * corrected.
   */
  @Nested
  class EventTimes {
    private final ProgramFixture f = ProgramFixture.inMemory();
    private final CustomerAccountId customer = f.referredCustomer("c-times");

    private Order orderAt(String id, Instant placedAt) {
      return new Order(OrderId.of(id), customer, placedAt, List.of(line(1, "vps", "100.00")));
    }

    private void record(String eventId, Order order) {
      f.program.commissions().recordOrder(new RecordOrderCommand(EventId.of(eventId), order));
    }

    private boolean processed(String eventId) {
      return !f.program.commissions().processed(List.of(eventId)).isEmpty();
    }

    private PaymentResult pay(String eventId, String orderId, Instant at) {
      return f.program
          .commissions()
          .recordPayment(new RecordPaymentCommand(EventId.of(eventId), OrderId.of(orderId), at));
    }

    @Test
    void aPaymentDatedBeforeItsOrderIsRefusedAndLeavesTheOrderUnpaid() {
      Instant placed = f.clock.instant();
      record("order-o-early", orderAt("o-early", placed));
      f.clock.advance(Duration.ofHours(1));
      assertThatThrownBy(() -> pay("pay-o-early", "o-early", placed.minusSeconds(1)))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("paidAt"))
          .hasMessageContaining("before the order");
      assertThat(processed("pay-o-early")).isFalse();
      assertThat(
              f.storage
                  .transactions()
                  .execute(() -> f.storage.orders().paidAt(OrderId.of("o-early"))))
          .isEmpty();
      // paid at the moment it was placed is fine, and earns
      PaymentResult paid = pay("pay-o-early", "o-early", placed);
      assertThat((paid instanceof PaymentResult.AlreadyPaid)).isFalse();
      assertThat(paid.entries()).isNotEmpty();
    }

    @Test
    void aPaymentBeyondTheClockSkewIsRefusedAndWritesNothing() {
      record("order-o-paid-later", orderAt("o-paid-later", f.clock.instant()));
      Instant future = f.clock.instant().plus(Duration.ofDays(30));
      assertThatThrownBy(() -> pay("pay-o-paid-later", "o-paid-later", future))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("paidAt"))
          .hasMessageContaining("future");
      assertThat(processed("pay-o-paid-later")).isFalse();
    }
  }
}
