package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.event.PayoutCreated;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * Closing a month: one payout per partner's payable balance, or a carry-over with its reason, once
 * and in order.
 */
class PeriodCloseServiceTest extends ServiceTestWorld.EnrolledPartner {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");

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
              assertThat(p.transferAccount().iban().value()).isEqualTo("NL91ABNA0417164300");
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
    PeriodCloseResult result = small.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThat(small.payoutsOf(result.month())).isEmpty();
    assertThat(small.closeLinesOf(result.month()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.carriedOver()).contains(CarryOverReason.BELOW_MINIMUM);
              assertThat(l.amount()).isEqualTo(eur("10.00"));
            });

    paidOrder("o-2", "100.00");
    f.program.partners().suspend(f.partner.id(), Acts.because("fraud review"));
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

  /** Period closes, payouts, exports and statements at the edges the broader suites skip. */
  @Nested
  class Edges extends ServiceTestWorld.EnrolledPartner {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aCloseOfMorePartnersThanAPageCountsWhatStorageHolds() {
      // A page and a bit of partners, every 7th without a payout account (carried over).
      int partners = PeriodCloseService.PAGE + 20;
      for (int i = 0; i < partners; i++) {
        String code = "code-" + i;
        EnrollPartnerCommand enrol =
            i % 7 == 0
                ? EnrollPartnerCommand.of("cust-" + i)
                : EnrollPartnerCommand.of("cust-" + i)
                    .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Partner " + i));
        Partner partner = f.program.partners().enroll(enrol).partner();
        f.program.referrals().issueVanityCode(partner.id(), code);
        f.program.referrals().recordTouch(RecordTouchCommand.of(code, "v-" + i));
        f.program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("c-" + i)
                    .visitor("v-" + i)
                    .at(f.clock.instant()));
        paidOrderOf(f, "o-" + i, CustomerAccountId.of("c-" + i), (40 + i) + ".00");
      }
      f.clock.set(DECEMBER_FIRST);

      PeriodCloseResult fresh = close(f, NOVEMBER);
      PeriodCloseResult stored = close(f, NOVEMBER);

      assertThat(fresh.alreadyClosed()).isFalse();
      assertThat(stored.alreadyClosed()).isTrue();
      int carriedOver = (partners + 6) / 7;
      // The summary is counted page by page as the close writes; the lists are read from storage.
      List<Payout> made = f.payoutsOf(fresh.month());
      List<PeriodCloseLine> lines = f.closeLinesOf(fresh.month());
      assertThat(fresh.payoutCount()).isEqualTo(partners - carriedOver).isEqualTo(made.size());
      assertThat(fresh.carriedOverCount()).isEqualTo(carriedOver);
      assertThat(lines).hasSize(partners);
      assertThat(lines.stream().filter(l -> l.carriedOver().isPresent())).hasSize(carriedOver);
      assertThat(fresh.payoutTotal())
          .isEqualTo(made.stream().map(Payout::amount).reduce(eur("0.00"), Money::plus))
          .isEqualTo(
              lines.stream()
                  .filter(l -> l.payoutId().isPresent())
                  .map(PeriodCloseLine::amount)
                  .reduce(eur("0.00"), Money::plus));
      // A second close counts the same summary from storage's close lines.
      assertThat(stored.payoutCount()).isEqualTo(fresh.payoutCount());
      assertThat(stored.payoutTotal()).isEqualTo(fresh.payoutTotal());
      assertThat(stored.carriedOverCount()).isEqualTo(fresh.carriedOverCount());
      assertThat(stored.closedAt()).isEqualTo(fresh.closedAt());
      assertThat(stored).isNotEqualTo(fresh);
      assertThat(f.payoutsOf(stored.month())).isEqualTo(made);
      assertThat(f.closeLinesOf(stored.month())).isEqualTo(lines);
      assertThat(made).isSortedAccordingTo(Comparator.comparing(p -> p.payoutId().value()));
      assertThat(lines).isSortedAccordingTo(Comparator.comparing(l -> l.partnerId().value()));
      List<PeriodCloseLine> streamed = new ArrayList<>();
      f.program.payouts().forEachCloseLine(fresh.month(), streamed::add);
      assertThat(streamed).isEqualTo(lines);
    }

    @Test
    void aBalanceExactlyAtTheMinimumIsPaidOut() {
      ProgramFixture fx =
          ProgramFixture.on(new InMemoryStorage(), b -> b.minimumPayout(Money.of("25.00", "EUR")));
      paidOrder(fx, "o-1", "100.00");
      fx.clock.set(DECEMBER_FIRST);
      PeriodCloseResult result = close(fx, NOVEMBER);
      assertThat(fx.payoutsOf(result.month()))
          .singleElement()
          .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("25.00")));
      assertThat(fx.closeLinesOf(result.month()))
          .singleElement()
          .satisfies(l -> assertThat(l.carriedOver()).isEmpty());
    }

    @Test
    void aPartnerWithoutAPayoutAccountCarriesTheBalanceOver() {
      Partner partner =
          f.program.partners().enroll(EnrollPartnerCommand.of("cust-no-account")).partner();
      f.program.referrals().issueVanityCode(partner.id(), "no-acct");
      f.program.referrals().recordTouch(RecordTouchCommand.of("no-acct", "v-1"));
      f.program
          .referrals()
          .attributeSignup(
              AttributeSignupCommand.newCustomer("c-1").visitor("v-1").at(f.clock.instant()));
      f.record(f.order("o-1", CustomerAccountId.of("c-1"), line(1, "shared-hosting", "40.00")));
      f.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(EventId.of("p-1"), OrderId.of("o-1"), f.clock.instant()));
      f.clock.set(DECEMBER_FIRST);
      PeriodCloseResult result = close(f, NOVEMBER);
      assertThat(f.payoutsOf(result.month())).isEmpty();
      assertThat(f.closeLinesOf(result.month()))
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.partnerId()).isEqualTo(partner.id());
                assertThat(l.carriedOver()).contains(CarryOverReason.NO_PAYOUT_ACCOUNT);
                assertThat(l.amount()).isEqualTo(eur("10.00"));
              });
    }
  }
}
