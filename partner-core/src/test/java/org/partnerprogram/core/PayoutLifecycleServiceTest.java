package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutState;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.event.PayoutFailed;
import org.partnerprogram.core.domain.event.PayoutPaid;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.testkit.Acts;

/** A payout after the close: paid once the bank confirms it, or failed back into the balance. */
class PayoutLifecycleServiceTest extends ServiceTestWorld.EnrolledPartner {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  private List<Object> events(Class<?> type) {
    return ((InMemoryStorage) f.storage)
        .publishedEvents().stream().filter(type::isInstance).map(e -> (Object) e).toList();
  }

  private PartnerStatement statementOf(YearMonth month) {
    return f.program.payouts().statement(StatementQuery.of(f.partner.id(), month));
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
    var failed = f.program.payouts().markFailed(payout.payoutId(), Acts.because("account closed"));
    assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
    assertThat(failed.transferAccount().iban().value()).isEqualTo("NL91ABNA0417164300");
    assertThat(overview().balance().payable()).isEqualTo(eur("25.00"));
    assertThat(events(PayoutFailed.class)).hasSize(1);
    assertThatThrownBy(
            () -> f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST))
        .isInstanceOf(IllegalTransitionException.class);

    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    var retry = f.payoutsOf(close(DECEMBER).month()).get(0);
    assertThat(retry.amount()).isEqualTo(eur("25.00"));
    assertThat(retry.transferAccount().iban().value()).isEqualTo("DE89370400440532013000");
    var paid = f.program.payouts().markPaid(retry.payoutId(), f.clock.instant(), Acts.TEST);
    assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
    assertThatThrownBy(
            () -> f.program.payouts().markPaid(retry.payoutId(), f.clock.instant(), Acts.TEST))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(overview().balance().paid()).isEqualTo(eur("25.00"));
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::status)
        .containsExactly(PayoutStatus.PAID, PayoutStatus.FAILED);
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
                NOVEMBER,
                PainVersion.PAIN_001_001_03,
                DEBTOR,
                LocalDate.parse("2026-12-02"),
                Acts.TEST));
    assertThat(overview().balance().inPayout()).isEqualTo(eur("25.00"));
    assertThat(overview().balance().paid()).isEqualTo(eur("0.00"));
    String text = statementOf(NOVEMBER).toText();
    assertThat(text)
        .contains("Payout on 2026-12-01 09:00: on its way (in a payout, not yet confirmed paid)")
        .doesNotContain("EXPORTED")
        .doesNotContain("CREATED");

    // Confirmed by the host: paid.
    f.clock.advance(Duration.ofDays(2));
    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
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
                    .markPaid(payout.payoutId(), Instant.parse("2999-01-01T00:00:00Z"), Acts.TEST))
        .isInstanceOf(org.partnerprogram.core.domain.InvalidInputException.class)
        .hasMessageContaining("paidAt")
        .hasMessageContaining("future");
    assertThatThrownBy(
            () ->
                f.program
                    .payouts()
                    .markPaid(payout.payoutId(), DECEMBER_FIRST.minusSeconds(1), Acts.TEST))
        .isInstanceOf(org.partnerprogram.core.domain.InvalidInputException.class)
        .hasMessageContaining("before payout");
    assertThat(overview().recentPayouts())
        .extracting(PartnerOverview.PayoutSummary::status)
        .containsExactly(PayoutStatus.CREATED);
  }

  /** Period closes, payouts, exports and statements at the edges the broader suites skip. */
  @Nested
  class Edges extends ServiceTestWorld.EnrolledPartner {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void markingAPayoutPaidAnnouncesIt() {
      paidOrder(f, "o-1", "100.00");
      f.clock.set(DECEMBER_FIRST);
      Payout payout = f.payoutsOf(close(f, NOVEMBER).month()).get(0);
      Payout paid = f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
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
  }
}
