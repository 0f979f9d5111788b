package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.SepaSchemas;

class PayoutProperties {
  private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  /**
   * Steps over three months: each step is (action, cents). Actions: 0 order+pay, 1 order unpaid, 2
   * refund half of the last paid order, 3 close the month that just ended and fail its first payout
   * when cents is odd.
   */
  @Test
  void payoutsPlusTheBalanceEqualEarnedMinusReversedAndNoEntryIsPaidTwice() {
    qt().withExamples(150)
        .forAll(
            lists()
                .of(
                    integers()
                        .between(0, 3)
                        .zip(integers().between(1, 40_000), (a, c) -> new int[] {a, c}))
                .ofSizeBetween(1, 25))
        .checkAssert(
            steps -> {
              ProgramFixture f =
                  ProgramFixture.on(
                      new InMemoryStorage(), b -> b.minimumPayout(Money.of("5.00", "EUR")));
              CustomerAccountId customer = f.referredCustomer("c");
              YearMonth nextToClose = YearMonth.of(2026, 11);
              String lastPaid = null;
              int n = 0;
              for (int[] step : steps) {
                n++;
                String order = "o-" + n;
                Money net =
                    Money.of(BigDecimal.valueOf(step[1], 2), Money.of("0", "EUR").currency());
                switch (step[0]) {
                  case 0, 1 -> {
                    f.record(
                        f.order(
                            order,
                            customer,
                            ProgramFixture.line(
                                1, "shared-hosting", net.amount().toPlainString())));
                    if (step[0] == 0) {
                      f.program
                          .commissions()
                          .recordPayment(
                              new RecordPaymentCommand(
                                  EventId.of("p-" + n), OrderId.of(order), f.clock.instant()));
                      lastPaid = order;
                    }
                  }
                  case 2 -> {
                    if (lastPaid != null) {
                      String target = lastPaid;
                      var recorded =
                          f.storage
                              .transactions()
                              .execute(() -> f.storage.orders().find(OrderId.of(target)))
                              .orElseThrow();
                      Money left =
                          recorded
                              .order()
                              .line(1)
                              .net()
                              .minus(
                                  f.storage
                                      .transactions()
                                      .execute(
                                          () ->
                                              f.storage.orders().refundedByLine(OrderId.of(target)))
                                      .getOrDefault(1, Money.of("0", "EUR")));
                      Money half = left.allocate(1, 1).get(0);
                      if (half.isPositive()) {
                        f.program
                            .commissions()
                            .recordRefund(
                                RecordRefundCommand.wholeOrder(
                                    EventId.of("r-" + n),
                                    OrderId.of(target),
                                    f.clock.instant(),
                                    half));
                      }
                    }
                  }
                  default -> {
                    f.clock.set(
                        nextToClose
                            .plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam"))
                            .toInstant()
                            .plus(Duration.ofHours(1)));
                    PeriodCloseResult closed = f.program.payouts().close(nextToClose, Acts.TEST);
                    if (!f.payoutsOf(closed.month()).isEmpty()) {
                      ExportPayoutsCommand exportCommand =
                          new ExportPayoutsCommand(
                              nextToClose,
                              PainVersion.PAIN_001_001_09,
                              DEBTOR,
                              LocalDate.of(2030, 1, 1),
                              Acts.TEST);
                      PayoutExport export = f.program.payouts().export(exportCommand);
                      SepaSchemas.validate(export.sepaXml(), PainVersion.PAIN_001_001_09);
                      assertThat(f.program.payouts().export(exportCommand).sepaXml())
                          .isEqualTo(export.sepaXml());
                      if (step[1] % 2 == 1) {
                        f.program
                            .payouts()
                            .markFailed(
                                f.payoutsOf(closed.month()).get(0).payoutId(),
                                Acts.because("rejected"));
                      }
                    }
                    nextToClose = nextToClose.plusMonths(1);
                  }
                }
              }
              Balance b = f.program.partners().overview(f.partner.id()).orElseThrow().balance();
              assertThat(b.held().plus(b.payable()).plus(b.inPayout()).plus(b.paid()))
                  .isEqualTo(b.earned().minus(b.reversed()));
              // every live payout's amount is exactly the sum of the entries it pays, and no entry
              // is in two
              Set<UUID> seen = new HashSet<>();
              Money live = Money.of("0", "EUR");
              for (YearMonth m = YearMonth.of(2026, 11);
                  m.isBefore(nextToClose);
                  m = m.plusMonths(1)) {
                YearMonth month = m;
                for (Payout p :
                    f.storage
                        .transactions()
                        .execute(() -> f.storage.payouts().payoutsOfPeriod(month))) {
                  List<LedgerEntry> paid =
                      f.storage
                          .transactions()
                          .execute(() -> f.storage.payouts().entriesOfPayout(p.payoutId()));
                  if (p.status() == PayoutStatus.FAILED) {
                    // A failed payout keeps the record of what it was made with, and pays none.
                    assertThat(paid.stream().map(PayoutProperties::signed).reduce(Money::plus))
                        .contains(p.amount());
                    continue;
                  }
                  Money sum = Money.of("0", "EUR");
                  for (LedgerEntry e : paid) {
                    assertThat(seen.add(e.entryId()))
                        .as("entry %s paid twice", e.entryId())
                        .isTrue();
                    sum =
                        e.kind() == LedgerEntry.Kind.REVERSED
                            ? sum.minus(e.amount())
                            : sum.plus(e.amount());
                  }
                  assertThat(sum).isEqualTo(p.amount());
                  live = live.plus(p.amount());
                }
              }
              assertThat(live).isEqualTo(b.inPayout().plus(b.paid()));
            });
  }

  private static Money signed(LedgerEntry e) {
    return e.kind() == LedgerEntry.Kind.REVERSED ? e.amount().negated() : e.amount();
  }
}
