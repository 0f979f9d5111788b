package org.partnerprogram.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.testkit.ProgramFixture.eur;
import static org.partnerprogram.core.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.event.PayoutPaid;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.testkit.ProgramFixture;

/** Period closes, payouts, exports and statements at the edges the broader suites skip. */
class PayoutServiceTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  private final ProgramFixture f = ProgramFixture.inMemory();

  private void paidOrder(ProgramFixture fx, String id, String net) {
    paidOrderOf(fx, id, fx.referredCustomer("c-" + id), net);
  }

  private PeriodCloseResult close(ProgramFixture fx, YearMonth month) {
    return fx.program.payouts().close(month);
  }

  private PartnerStatement statement(Partner partner) {
    return f.program.payouts().statement(StatementQuery.of(partner.id(), NOVEMBER));
  }

  @Test
  void aCloseOfMorePartnersThanAPageCountsWhatStorageHolds() {
    // A page and a bit of partners, every 7th without a payout account (carried over).
    int partners = PayoutService.PAGE + 20;
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
              AttributeSignupCommand.newCustomer("c-" + i).visitor("v-" + i).at(f.clock.instant()));
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

  private static void paidOrderOf(
      ProgramFixture fx, String id, CustomerAccountId customer, String net) {
    fx.record(fx.order(id, customer, line(1, "shared-hosting", net)));
    fx.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("pay-" + id), OrderId.of(id), fx.clock.instant()));
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

  @Test
  void markingAPayoutPaidAnnouncesIt() {
    paidOrder(f, "o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(close(f, NOVEMBER).month()).get(0);
    Payout paid = f.program.payouts().markPaid(payout.payoutId(), f.clock.instant());
    assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
    assertThat(paid.statusChangedAt()).isEqualTo(f.clock.instant());
    assertThat(((InMemoryStorage) f.storage).publishedEvents())
        .filteredOn(PayoutPaid.class::isInstance)
        .map(PayoutPaid.class::cast)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.payoutId()).isEqualTo(payout.payoutId());
              assertThat(e.amount()).isEqualTo(eur("25.00"));
            });
  }

  @Test
  void aFailedPayoutIsLeftOutOfTheExport() {
    paidOrder(f, "o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(close(f, NOVEMBER).month()).get(0);
    f.program.payouts().markFailed(payout.payoutId(), "account closed");
    assertThatThrownBy(
            () ->
                f.program
                    .payouts()
                    .export(
                        new ExportPayoutsCommand(
                            NOVEMBER,
                            PainVersion.PAIN_001_001_03,
                            DEBTOR,
                            LocalDate.parse("2026-12-02"))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("no payout");
  }

  @Test
  void aCarriedOverStatementListsTheEntriesKnownAtTheCloseInOrderAndNamesTheRateVersion() {
    f.program
        .rates()
        .change(
            RateChange.forPartner(f.partner.id())
                .setAll(Map.of(RateTarget.group("vps"), Rate.percent("20")))
                .from(f.clock.instant().plusSeconds(1)));
    f.clock.advance(java.time.Duration.ofSeconds(2));
    CustomerAccountId c = f.referredCustomer("c-1");
    // recorded b before a, and line 2 before line 1 within a: the statement sorts them
    f.record(f.order("o-b", c, line(1, "shared-hosting", "40.00")));
    f.record(f.order("o-a", c, line(2, "vps", "10.00"), line(1, "shared-hosting", "4.00")));
    for (String id : List.of("o-b", "o-a")) {
      f.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(EventId.of("pay-" + id), OrderId.of(id), f.clock.instant()));
    }
    // placed in November, paid in November, but only reported after the close: not part of
    // November's statement
    f.record(f.order("o-c", c, line(1, "shared-hosting", "8.00")));
    Instant paidInNovember = f.clock.instant();
    f.program.partners().suspend(f.partner.id(), "fraud review");
    f.clock.set(DECEMBER_FIRST);
    close(f, NOVEMBER);
    f.clock.advance(java.time.Duration.ofMinutes(1));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("pay-o-c"), OrderId.of("o-c"), paidInNovember));

    PartnerStatement s = statement(f.partner);
    assertThat(s.settlement())
        .isEqualTo(
            new PartnerStatement.Settlement.CarriedOver(
                eur("13.00"), CarryOverReason.PARTNER_SUSPENDED));
    assertThat(s.lines())
        .extracting(l -> l.orderId().value() + "/" + l.lineNumber() + "/" + l.kind())
        .containsExactly("o-a/1/EARNED", "o-a/2/EARNED", "o-b/1/EARNED");
    assertThat(s.lines())
        .extracting(l -> l.rateVersion().orElseThrow())
        .containsExactly("v1", "override v1", "v1");
    assertThat(s.total()).isEqualTo(eur("13.00"));
    assertThat(s.lines())
        .allSatisfy(l -> assertThat(l.kind()).isEqualTo(PartnerStatement.LineKind.EARNED));
  }
}
