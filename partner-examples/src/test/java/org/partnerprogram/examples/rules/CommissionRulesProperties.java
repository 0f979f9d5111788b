package org.partnerprogram.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.AddRateVersionCommand;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PartnerOverviewQuery;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.testkit.Gens;
import org.partnerprogram.core.testkit.ProgramFixture;
import org.quicktheories.core.Gen;

/**
 * Three properties a finance-minded test author writes about their programme's commission rules,
 * using only the SDK's public API and its test kit (the README's "Property-test your commission
 * rules" guide quotes this class).
 */
class CommissionRulesProperties {
  private static final String[] GROUPS = {"shared-hosting", "vps", "domain"};

  /** A year of orders of one referred customer: each order 1 to 3 lines of (group, net cents). */
  private static Gen<List<List<int[]>>> aYearOfOrders() {
    Gen<int[]> line =
        integers().between(0, 2).zip(integers().between(0, 100_000), (g, c) -> new int[] {g, c});
    return lists().of(lists().of(line).ofSizeBetween(1, 3)).ofSizeBetween(1, 12);
  }

  private static Order order(
      ProgramFixture f, CustomerAccountId customer, int n, List<int[]> lines) {
    List<OrderLine> orderLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int[] l = lines.get(i);
      orderLines.add(
          ProgramFixture.line(i + 1, GROUPS[l[0]], BigDecimal.valueOf(l[1], 2).toPlainString()));
    }
    return new Order(OrderId.of("order-" + n), customer, f.clock.instant(), orderLines);
  }

  /**
   * Rule 1: no partner earns more than 25 % of what a referred customer spends in a year. The first
   * version of this property (a plain 25 % bound) failed on two lines of EUR 0.02: each earns EUR
   * 0.01 after rounding, EUR 0.02 in all, against 25 % of EUR 0.04. The rule a finance team can
   * sign allows the rounding the programme promises: half a cent per line.
   */
  @Test
  void noPartnerEarnsMoreThanAQuarterOfACustomersFirstYearSpend() {
    qt().forAll(aYearOfOrders())
        .checkAssert(
            orders -> {
              ProgramFixture f = ProgramFixture.on(new InMemoryStorage(), terms -> terms);
              CustomerAccountId customer = f.referredCustomer("customer");
              Money spend = Money.of("0", "EUR");
              int lineCount = 0;
              for (int n = 0; n < orders.size(); n++) {
                Order order = order(f, customer, n, orders.get(n));
                f.program
                    .recordOrder()
                    .recordOrder(new RecordOrderCommand(EventId.of("o-" + n), order));
                f.program
                    .recordPayment()
                    .recordPayment(
                        new RecordPaymentCommand(
                            EventId.of("p-" + n), order.orderId(), f.clock.instant()));
                for (OrderLine line : order.lines()) {
                  spend = spend.plus(line.net());
                  lineCount++;
                }
                f.clock.advance(Duration.ofDays(30));
              }
              Money earned =
                  f.program
                      .partnerOverview()
                      .overview(PartnerOverviewQuery.byPartner(f.partner.id()))
                      .orElseThrow()
                      .balance()
                      .earned();
              // Each line is rounded once, half up, so a line may earn up to half a cent more than
              // its exact 25 %: the bound a finance team can sign is 25 % plus half a cent per
              // line.
              BigDecimal bound =
                  spend
                      .amount()
                      .multiply(new BigDecimal("0.25"))
                      .add(new BigDecimal("0.005").multiply(BigDecimal.valueOf(lineCount)));
              assertThat(earned.amount()).isLessThanOrEqualTo(bound);
            });
  }

  /** Rule 2: a rate change never alters commission already recorded or earned. */
  @Test
  void aRateChangeNeverAltersCommissionsAlreadyEarned() {
    qt().forAll(aYearOfOrders(), Gens.percentages())
        .checkAssert(
            (orders, newRate) -> {
              ProgramFixture f = ProgramFixture.on(new InMemoryStorage(), terms -> terms);
              CustomerAccountId customer = f.referredCustomer("customer");
              List<RecordOrderCommand> commands = new ArrayList<>();
              List<OrderResult> before = new ArrayList<>();
              for (int n = 0; n < orders.size(); n++) {
                commands.add(
                    new RecordOrderCommand(
                        EventId.of("o-" + n), order(f, customer, n, orders.get(n))));
                before.add(f.program.recordOrder().recordOrder(commands.get(n)));
              }
              f.clock.advance(Duration.ofMinutes(1));
              f.program
                  .addRateVersion()
                  .addRateVersion(
                      AddRateVersionCommand.programmeWide(
                          Map.of(
                              RateTarget.group("shared-hosting"),
                              newRate,
                              RateTarget.group("vps"),
                              newRate)));
              for (int n = 0; n < orders.size(); n++) {
                // paid after the change, each order earns what it was priced at before the change
                Money priced = Money.of("0", "EUR");
                for (CommissionLine line : before.get(n).lines()) {
                  priced = priced.plus(line.commission());
                }
                Money earned = Money.of("0", "EUR");
                for (var entry :
                    f.program
                        .recordPayment()
                        .recordPayment(
                            new RecordPaymentCommand(
                                EventId.of("p-" + n),
                                commands.get(n).order().orderId(),
                                f.clock.instant()))
                        .earned()) {
                  earned = earned.plus(entry.amount());
                }
                assertThat(earned).isEqualTo(priced);
              }
            });
  }

  /**
   * Rule 3: a line's commission is exactly its net amount times its rate, rounded once, half up.
   */
  @Test
  void everyLineEarnsItsNetTimesItsRateRoundedOnce() {
    qt().forAll(Gens.euros(), Gens.percentages())
        .checkAssert(
            (net, rate) -> {
              Money commission = rate.commissionOn(net, java.math.RoundingMode.HALF_UP);
              BigDecimal exact = net.amount().multiply(rate.percent()).movePointLeft(2);
              assertThat(commission.amount())
                  .isEqualTo(exact.setScale(2, java.math.RoundingMode.HALF_UP));
              assertThat(commission).isLessThanOrEqualTo(net);
              assertThat(
                      Rate.percent("0").commissionOn(net, java.math.RoundingMode.HALF_UP).isZero())
                  .isTrue();
            });
  }
}
