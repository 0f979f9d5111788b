package org.partnerprogram.core.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.testkit.ProgramFixture.eur;
import static org.partnerprogram.core.testkit.ProgramFixture.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.testkit.ProgramFixture;

/**
 * The instants a host's billing reports: none may lie beyond the programme's clock by more than the
 * clock skew that clicks and signups already allow, and a payment or refund cannot come before its
 * order. A refused event writes nothing, so the same event can be delivered again once corrected.
 */
class EventTimesTest {
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

  private boolean orderRecorded(String orderId) {
    return f.storage
        .transactions()
        .execute(() -> f.storage.orders().find(OrderId.of(orderId)).isPresent());
  }

  private PaymentResult pay(String eventId, String orderId, Instant at) {
    return f.program
        .commissions()
        .recordPayment(new RecordPaymentCommand(EventId.of(eventId), OrderId.of(orderId), at));
  }

  @Test
  void anOrderPlacedBeyondTheClockSkewIsRefusedAndWritesNothing() {
    Instant now = f.clock.instant();
    for (Instant future :
        List.of(
            now.plus(Instants.MAX_CLOCK_SKEW).plusSeconds(1),
            now.plus(Duration.ofDays(1)),
            Instant.parse("2999-12-31T23:59:59Z"))) {
      assertThatThrownBy(() -> record("order-o-future", orderAt("o-future", future)))
          .as("%s", future)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("placedAt"))
          .hasMessageContaining("future");
      assertThat(processed("order-o-future")).isFalse();
      assertThat(orderRecorded("o-future")).isFalse();
    }
    // the same event, corrected, is recorded: the refusal claimed nothing
    record("order-o-future", orderAt("o-future", now));
    assertThat(orderRecorded("o-future")).isTrue();
  }

  @Test
  void anOrderPlacedWithinTheClockSkewIsRecorded() {
    record("order-o-skew", orderAt("o-skew", f.clock.instant().plus(Instants.MAX_CLOCK_SKEW)));
    assertThat(orderRecorded("o-skew")).isTrue();
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

  @Test
  void aRefundBeyondTheClockSkewOrBeforeItsOrderIsRefusedAndWritesNothing() {
    Instant placed = f.clock.instant();
    record("order-o-refund", orderAt("o-refund", placed));
    f.clock.advance(Duration.ofHours(1));
    for (Instant bad :
        List.of(f.clock.instant().plus(Duration.ofDays(2)), placed.minusSeconds(1))) {
      assertThatThrownBy(
              () ->
                  f.program
                      .commissions()
                      .recordRefund(
                          RecordRefundCommand.wholeOrder(
                              EventId.of("refund-o-refund"),
                              OrderId.of("o-refund"),
                              bad,
                              eur("10.00"))))
          .as("%s", bad)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("refundedAt"));
      assertThat(processed("refund-o-refund")).isFalse();
    }
  }
}
