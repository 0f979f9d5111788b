package org.partnerprogram.core.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.testkit.ProgramFixture.eur;
import static org.partnerprogram.core.testkit.ProgramFixture.line;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutState;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.event.PayoutCreated;
import org.partnerprogram.core.domain.event.PayoutFailed;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.testkit.ProgramFixture;
import org.partnerprogram.core.testkit.SepaSchemas;

class PayoutTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  private final ProgramFixture f = ProgramFixture.inMemory();

  /** A referred customer's paid order in November; returns the commission (25 % of net). */
  private void paidOrder(String id, String net) {
    CustomerAccountId c = f.referredCustomer("c-" + id);
    f.record(f.order(id, c, line(1, "shared-hosting", net)));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("pay-" + id), OrderId.of(id), f.clock.instant()));
  }

  private PeriodCloseResult close(YearMonth month) {
    return f.program.payouts().close(month);
  }

  private PartnerOverview overview() {
    return f.program.partners().overview(f.partner.id()).orElseThrow();
  }

  private List<Object> events(Class<?> type) {
    return ((InMemoryStorage) f.storage)
        .publishedEvents().stream().filter(type::isInstance).map(e -> (Object) e).toList();
  }

  @Test
  void closingAMonthPaysEachPartnersPayableBalanceOnce() {
    paidOrder("o-1", "100.00");
    paidOrder("o-2", "40.00");
    f.clock.set(DECEMBER_FIRST);

    PeriodCloseResult result = close(NOVEMBER);

    assertThat(result.alreadyClosed()).isFalse();
    assertThat(f.payoutsOf(result.month()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.amount()).isEqualTo(eur("35.00"));
              assertThat(p.status()).isEqualTo(PayoutStatus.CREATED);
              assertThat(p.account().iban().value()).isEqualTo("NL91ABNA0417164300");
            });
    Balance balance = overview().balance();
    assertThat(balance.inPayout()).isEqualTo(eur("35.00"));
    assertThat(balance.paid()).isEqualTo(eur("0.00"));
    assertThat(balance.payable()).isEqualTo(eur("0.00"));
    assertThat(balance.held().plus(balance.payable()).plus(balance.inPayout()))
        .isEqualTo(balance.earned().minus(balance.reversed()));
    assertThat(events(PayoutCreated.class)).hasSize(1);

    PeriodCloseResult again = close(NOVEMBER);
    assertThat(again.alreadyClosed()).isTrue();
    assertThat(f.payoutsOf(again.month())).isEqualTo(f.payoutsOf(result.month()));
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    assertThat(f.payoutsOf(close(DECEMBER).month())).isEmpty();
  }

  @Test
  void monthsCloseOnlyAfterTheyEndedAndInOrder() {
    paidOrder("o-1", "100.00");
    assertThatThrownBy(() -> close(NOVEMBER))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("not ended");
    f.clock.set(Instant.parse("2027-01-05T08:00:00Z"));
    close(NOVEMBER);
    assertThatThrownBy(() -> close(YearMonth.of(2027, 1)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> close(YearMonth.of(2027, 2)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(close(DECEMBER).alreadyClosed()).isFalse();
  }

  @Test
  void balancesBelowTheMinimumOrOfSuspendedPartnersOrWithoutAccountCarryOver() {
    ProgramFixture small =
        ProgramFixture.on(new InMemoryStorage(), b -> b.minimumPayout(Money.of("25.00", "EUR")));
    CustomerAccountId c = small.referredCustomer("c-1");
    small.record(small.order("o-1", c, line(1, "shared-hosting", "40.00")));
    small
        .program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("p-1"), OrderId.of("o-1"), small.clock.instant()));
    small.clock.set(DECEMBER_FIRST);
    PeriodCloseResult result = small.program.payouts().close(NOVEMBER);
    assertThat(small.payoutsOf(result.month())).isEmpty();
    assertThat(small.closeLinesOf(result.month()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.carriedOver()).contains(CarryOverReason.BELOW_MINIMUM);
              assertThat(l.amount()).isEqualTo(eur("10.00"));
            });

    paidOrder("o-2", "100.00");
    f.program.partners().suspend(f.partner.id(), "fraud review");
    f.clock.set(DECEMBER_FIRST);
    assertThat(f.closeLinesOf(close(NOVEMBER).month()))
        .singleElement()
        .satisfies(l -> assertThat(l.carriedOver()).contains(CarryOverReason.PARTNER_SUSPENDED));
    assertThat(overview().balance().payable()).isEqualTo(eur("25.00"));

    ProgramFixture noAccount = ProgramFixture.on(new InMemoryStorage(), b -> b);
    var partner = noAccount.program.partners().enroll(EnrollPartnerCommand.of("cust-2")).partner();
    assertThat(partner.payoutAccount()).isEmpty();
  }

  @Test
  void aRefundAfterThePayoutIsNettedAgainstTheNextPayout() {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of("r-1"), OrderId.of("o-1"), f.clock.instant(), eur("100.00")));
    assertThat(overview().balance().payable()).isEqualTo(eur("-25.00"));
    paidOrder("o-2", "160.00");
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));

    PeriodCloseResult december = close(DECEMBER);

    assertThat(f.payoutsOf(december.month()))
        .singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("15.00")));
    assertThat(overview().balance().payable()).isEqualTo(eur("0.00"));
  }

  @Test
  void aNegativeBalanceCarriesOverWithoutAPayout() {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of("r-1"), OrderId.of("o-1"), f.clock.instant(), eur("40.00")));
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    assertThat(f.closeLinesOf(close(DECEMBER).month()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.carriedOver()).contains(CarryOverReason.NOT_POSITIVE);
              assertThat(l.amount()).isEqualTo(eur("-10.00"));
            });
  }

  @Test
  void commissionArrivingAfterItsMonthClosedCountsInTheNextMonth() {
    CustomerAccountId c = f.referredCustomer("c-late");
    f.record(f.order("late", c, line(1, "shared-hosting", "80.00")));
    Instant paidInNovember = f.clock.instant();
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("pay-late"), OrderId.of("late"), paidInNovember));
    assertThat(f.payoutsOf(close(NOVEMBER).month())).isEmpty();
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    assertThat(f.payoutsOf(close(DECEMBER).month()))
        .singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("20.00")));
  }

  @Test
  void aPayoutIsPaidOnceAndAFailedPayoutReturnsToTheBalance() {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    var payout = f.payoutsOf(close(NOVEMBER).month()).get(0);
    // the snapshot stays when the partner changes the account afterwards
    f.program
        .partners()
        .updatePayoutAccount(f.partner.id(), PayoutAccount.of("DE89370400440532013000", "Jan"));
    var failed = f.program.payouts().markFailed(payout.payoutId(), "account closed");
    assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
    assertThat(failed.account().iban().value()).isEqualTo("NL91ABNA0417164300");
    assertThat(overview().balance().payable()).isEqualTo(eur("25.00"));
    assertThat(events(PayoutFailed.class)).hasSize(1);
    assertThatThrownBy(() -> f.program.payouts().markPaid(payout.payoutId(), f.clock.instant()))
        .isInstanceOf(IllegalTransitionException.class);

    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    var retry = f.payoutsOf(close(DECEMBER).month()).get(0);
    assertThat(retry.amount()).isEqualTo(eur("25.00"));
    assertThat(retry.account().iban().value()).isEqualTo("DE89370400440532013000");
    var paid = f.program.payouts().markPaid(retry.payoutId(), f.clock.instant());
    assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
    assertThatThrownBy(() -> f.program.payouts().markPaid(retry.payoutId(), f.clock.instant()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(overview().balance().paid()).isEqualTo(eur("25.00"));
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::status)
        .containsExactly(PayoutStatus.PAID, PayoutStatus.FAILED);
  }

  @Test
  void theBankFilesValidateAndAReexportIsByteIdentical() throws Exception {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);
    ExportPayoutsCommand command =
        new ExportPayoutsCommand(
            NOVEMBER, PainVersion.PAIN_001_001_03, DEBTOR, LocalDate.parse("2026-12-02"));

    PayoutExport first = f.program.payouts().export(command);
    PayoutExport second = f.program.payouts().export(command);

    SepaSchemas.validate(first.sepaXml(), PainVersion.PAIN_001_001_03);
    assertThat(second.sepaXml()).isEqualTo(first.sepaXml());
    assertThat(new String(first.sepaXml(), StandardCharsets.UTF_8))
        .contains("<CtrlSum>25.00</CtrlSum>")
        .contains("<MsgId>PP-2026-11</MsgId>");
    assertThat(first.csvText().lines())
        .hasSize(2)
        .element(1)
        .asString()
        .contains("25.00,EUR,NL91ABNA0417164300,Jan de Vries,Partnerprogramma 2026-11 ")
        .endsWith(",EXPORTED");
    assertThat(f.payoutsOf(close(NOVEMBER).month()))
        .extracting(p -> p.status())
        .containsExactly(PayoutStatus.EXPORTED);
    PayoutExport v09 =
        f.program
            .payouts()
            .export(
                new ExportPayoutsCommand(
                    NOVEMBER, PainVersion.PAIN_001_001_09, DEBTOR, LocalDate.parse("2026-12-02")));
    SepaSchemas.validate(v09.sepaXml(), PainVersion.PAIN_001_001_09);
  }

  @Test
  void exportingAMonthWithoutPayoutsOrNotClosedIsRefused() {
    f.clock.set(DECEMBER_FIRST);
    ExportPayoutsCommand november =
        new ExportPayoutsCommand(
            NOVEMBER, PainVersion.PAIN_001_001_03, DEBTOR, LocalDate.parse("2026-12-02"));
    assertThatThrownBy(() -> f.program.payouts().export(november))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("not closed");
    close(NOVEMBER);
    assertThatThrownBy(() -> f.program.payouts().export(november))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("no payout");
    assertThatThrownBy(() -> SepaDebtor.of("Hosting B.V.", "NL00ABNA0417164300"))
        .isInstanceOf(InvalidIbanException.class);
  }

  @Test
  void theStatementExplainsEveryLineWithoutCustomerData() {
    CustomerAccountId c = f.referredCustomer("customer-secret-42");
    f.record(
        f.order(
            "order-7",
            c,
            line(1, "shared-hosting", "100.00"),
            line(2, "vps", "40.00"),
            line(3, "domain", "9.99")));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-7"), OrderId.of("order-7"), f.clock.instant()));
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                EventId.of("r-7"),
                OrderId.of("order-7"),
                f.clock.instant(),
                java.util.Map.of(2, eur("20.00"))));
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);

    PartnerStatement statement =
        f.program.payouts().statement(StatementQuery.of(f.partner.id(), NOVEMBER));

    assertThat(statement.total()).isEqualTo(eur("27.50"));
    assertThat(statement.settlement()).isInstanceOf(PartnerStatement.Settlement.PaidOut.class);
    assertThat(statement.lines())
        .extracting(PartnerStatement.Line::amount)
        .containsExactly(eur("25.00"), eur("5.00"), eur("-2.50"), eur("0.00"));
    assertThat(statement.lines().get(1).rateVersion()).contains("v1");
    // The domain does not participate: listed with nothing earned, so the partner sees why.
    assertThat(statement.lines().get(3))
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(PartnerStatement.LineKind.NOT_PARTICIPATING);
              assertThat(l.productId().value()).isEqualTo("domain-product");
              assertThat(l.base()).isEqualTo(eur("9.99"));
              assertThat(l.rate()).isEmpty();
            });
    assertThat(statement.toText()).containsPattern("not participating +order-7 +3 domain-product");
    assertThat(statement.toText())
        .contains("order-7")
        .contains("vps-product")
        .contains("12.5 %")
        .contains("-2.50")
        .doesNotContain("customer-secret-42");
    assertThat(statement.toJson())
        .startsWith("{\"programName\":\"Partner programme\",\"partnerId\"")
        .contains("\"total\":\"27.50\"")
        .doesNotContain("customer-secret-42");
    assertThatThrownBy(
            () -> f.program.payouts().statement(StatementQuery.of(f.partner.id(), DECEMBER)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aPayoutIsOnItsWayUntilTheBankConfirmsItAndOnlyThenPaid() {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(close(NOVEMBER).month()).get(0);

    // Created, then exported: on its way, not paid.
    assertThat(overview().balance().inPayout()).isEqualTo(eur("25.00"));
    assertThat(overview().balance().paid()).isEqualTo(eur("0.00"));
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::state)
        .containsExactly(PayoutState.ON_ITS_WAY);
    f.program
        .payouts()
        .export(
            new ExportPayoutsCommand(
                NOVEMBER, PainVersion.PAIN_001_001_03, DEBTOR, LocalDate.parse("2026-12-02")));
    assertThat(overview().balance().inPayout()).isEqualTo(eur("25.00"));
    assertThat(overview().balance().paid()).isEqualTo(eur("0.00"));
    String text = statementOf(NOVEMBER).toText();
    assertThat(text)
        .contains("Payout on 2026-12-01 09:00: on its way (in a payout, not yet confirmed paid)")
        .doesNotContain("EXPORTED")
        .doesNotContain("CREATED");

    // Confirmed by the host: paid.
    f.clock.advance(Duration.ofDays(2));
    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant());
    assertThat(overview().balance().inPayout()).isEqualTo(eur("0.00"));
    assertThat(overview().balance().paid()).isEqualTo(eur("25.00"));
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::state)
        .containsExactly(PayoutState.PAID);
    assertThat(statementOf(NOVEMBER).toText()).contains(": paid (confirmed)");
  }

  @Test
  void aPayoutCannotBeMarkedPaidInTheFutureOrBeforeItWasMade() {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(close(NOVEMBER).month()).get(0);

    assertThatThrownBy(
            () ->
                f.program
                    .payouts()
                    .markPaid(payout.payoutId(), Instant.parse("2999-01-01T00:00:00Z")))
        .isInstanceOf(org.partnerprogram.core.domain.InvalidInputException.class)
        .hasMessageContaining("paidAt")
        .hasMessageContaining("future");
    assertThatThrownBy(
            () -> f.program.payouts().markPaid(payout.payoutId(), DECEMBER_FIRST.minusSeconds(1)))
        .isInstanceOf(org.partnerprogram.core.domain.InvalidInputException.class)
        .hasMessageContaining("before payout");
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::status)
        .containsExactly(PayoutStatus.CREATED);
  }

  private PartnerStatement statementOf(YearMonth month) {
    return f.program.payouts().statement(StatementQuery.of(f.partner.id(), month));
  }

  @Test
  void theOverviewShowsTheNextPayoutDate() {
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    f.clock.set(Instant.parse("2026-11-30T22:59:59Z")); // 23:59:59 in Amsterdam
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2027-01-01"));
  }

  @Test
  void twoThreadsClosingOneMonthMakeOneClose() throws Exception {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<PeriodCloseResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return close(NOVEMBER);
                }));
      }
      int fresh = 0;
      for (Future<PeriodCloseResult> r : results) {
        fresh += r.get().alreadyClosed() ? 0 : 1;
        assertThat(f.payoutsOf(r.get().month())).hasSize(1);
      }
      assertThat(fresh).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(events(PayoutCreated.class)).hasSize(1);
  }
}
