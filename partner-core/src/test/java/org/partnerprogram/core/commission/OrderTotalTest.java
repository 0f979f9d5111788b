package org.partnerprogram.core.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.testkit.ProgramFixture;

/**
 * An order's lines may each be as large as money goes, but not their sum: an order whose total net
 * exceeds {@link Money#MAX_ABS_AMOUNT} could be recorded but never paid (its commission could not
 * be added up). Its commission is at most its net, line by line, so bounding the net bounds it.
 */
class OrderTotalTest {
  private static final Money MAX =
      Money.of(Money.MAX_ABS_AMOUNT, java.util.Currency.getInstance("EUR"));

  private final ProgramFixture f = ProgramFixture.inMemory();
  private final CustomerAccountId customer = f.referredCustomer("c-big");

  private static OrderLine vps(int number, Money net) {
    return new OrderLine(
        number,
        ProductId.of("vps-product"),
        Optional.of(ProductGroupId.of("vps")),
        net,
        Optional.empty());
  }

  @Test
  void anOrderWhoseLinesAddUpToMoreThanTheLargestAmountIsRefused() {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      lines.add(vps(i, MAX));
    }
    assertThatThrownBy(() -> new Order(OrderId.of("o-huge"), customer, f.clock.instant(), lines))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lines"))
        .hasMessageContaining(Money.MAX_ABS_AMOUNT.toPlainString());
    assertThatThrownBy(
            () ->
                new Order(
                    OrderId.of("o-huge"),
                    customer,
                    f.clock.instant(),
                    List.of(vps(1, MAX), vps(2, Money.of("0.01", "EUR")))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anOrderOfTheLargestTotalAtAFullRateIsRecordedAndPaid() {
    f.program
        .rates()
        .change(
            RateChange.forPartner(f.partner.id())
                .setAll(Map.of(RateTarget.group("vps"), Rate.percent("100")))
                .from(f.clock.instant()));
    Money half = MAX.multipliedBy(new BigDecimal("0.5"), java.math.RoundingMode.DOWN);
    Order order =
        new Order(
            OrderId.of("o-max"),
            customer,
            f.clock.instant(),
            List.of(vps(1, half), vps(2, MAX.minus(half))));
    f.program.commissions().recordOrder(new RecordOrderCommand(EventId.of("order-o-max"), order));
    PaymentResult paid =
        f.program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(
                    EventId.of("pay-o-max"), OrderId.of("o-max"), f.clock.instant()));
    Money earned = Money.zero(MAX.currency());
    for (LedgerEntry e : paid.entries()) {
      earned = earned.plus(e.amount());
    }
    assertThat(earned).isEqualTo(MAX);
  }
}
