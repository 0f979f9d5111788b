package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutState;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.LedgerEntries;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.SepaSchemas;

/**
 * The contract of {@link PayoutStore} that every {@link ProgramStorage} must pass, beside {@link
 * ProgramStorageContractTest} and {@link AttributionAndCommissionContractTest}: claims of a month
 * (once, also when racing), the storage-side aggregate and assignment of payable ledger entries (an
 * entry in at most one payout), releases, optimistic status updates, orderings, exact round trips
 * of payouts with their account snapshot, and one close-export-pay cycle through the facade.
 *
 * <p>Longer than 500 lines on purpose: one port's contract is one class an integrator extends once,
 * and its length is the number of cases it checks.
 *
 * @param <S> the storage type under test
 */
public abstract class PayoutContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  /** An instant with microseconds, the precision every adapter keeps. */
  protected static final Instant T0 = Instant.parse("2026-11-15T10:15:30.123456Z");

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Instant END = Instant.parse("2026-11-30T23:00:00Z");
  private static final PartnerId P1 = PartnerId.of("p-1");
  private static final PartnerId P2 = PartnerId.of("p-2");
  private static final PartnerId P3 = PartnerId.of("p-3");

  /** Ledger entries that occurred at {@link #T0}: each test names the parts it cares about. */
  private static final LedgerEntries ENTRIES = LedgerEntries.occurredAt(T0);

  private static final PayoutAccount ACCOUNT =
      PayoutAccount.of("NL91ABNA0417164300", "Émile d'Arçon-Brontë");

  // ---------------------------------------------------------------- helpers and fixtures

  private PayoutStore payouts() {
    return storage.payouts();
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static PayoutId payoutId(int n) {
    return PayoutId.of(String.format("PO%024d", n));
  }

  private static Payout payout(PayoutId id, PartnerId partner, YearMonth period, String amount) {
    return new Payout(
        id,
        partner,
        period,
        eur(amount),
        Optional.of(ACCOUNT),
        PayoutStatus.CREATED,
        T0,
        T0,
        Optional.empty());
  }

  /** Appends the entry in a unit of its own. */
  private LedgerEntry append(LedgerEntries.Builder entry) {
    LedgerEntry e = entry.build();
    tx(() -> storage.ledger().append(e));
    return e;
  }

  private List<PartnerAmount> page(Optional<PartnerId> after, int limit) {
    return tx(() -> payouts().unassignedPayable(END, EUR, after, limit));
  }

  // ---------------------------------------------------------------- closes

  @Test
  void aMonthIsClaimedOnceAndASecondClaimWritesNothing() {
    assertThat(tx(() -> payouts().findClose(NOVEMBER))).isEmpty();
    PeriodClose first = new PeriodClose(NOVEMBER, T0);

    assertThat(tx(() -> payouts().claimPeriod(first))).isTrue();
    assertThat(tx(() -> payouts().claimPeriod(new PeriodClose(NOVEMBER, T0.plusSeconds(60)))))
        .isFalse();

    assertThat(tx(() -> payouts().findClose(NOVEMBER))).contains(first);
    assertThat(tx(() -> payouts().findClose(DECEMBER))).isEmpty();
  }

  @Test
  void aClaimRolledBackWithItsCloseLeavesTheMonthOpen() {
    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      payouts().claimPeriod(new PeriodClose(NOVEMBER, T0));
                      throw new IllegalStateException("the close failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(tx(() -> payouts().findClose(NOVEMBER))).isEmpty();
    assertThat(tx(() -> payouts().claimPeriod(new PeriodClose(NOVEMBER, T0)))).isTrue();
  }

  @Test
  void theLatestCloseIsTheLatestMonthNotTheLatestClaim() {
    assertThat(tx(() -> payouts().latestClose())).isEmpty();
    tx(() -> payouts().claimPeriod(new PeriodClose(DECEMBER, T0)));
    tx(() -> payouts().claimPeriod(new PeriodClose(OCTOBER, T0.plusSeconds(1))));
    assertThat(tx(() -> payouts().latestClose())).contains(new PeriodClose(DECEMBER, T0));

    PeriodClose january = new PeriodClose(YearMonth.of(2027, 1), T0.plusSeconds(2));
    tx(() -> payouts().claimPeriod(january));
    assertThat(tx(() -> payouts().latestClose())).contains(january);
  }

  @Test
  void concurrentClaimsOfOneMonthSucceedOnceWithoutFailing() throws Exception {
    for (int round = 0; round < 5; round++) {
      YearMonth month = NOVEMBER.plusMonths(round);
      List<Boolean> results = race(2, i -> () -> payouts().claimPeriod(new PeriodClose(month, T0)));
      assertThat(results).containsExactlyInAnyOrder(true, false);
      assertThat(tx(() -> payouts().findClose(month))).contains(new PeriodClose(month, T0));
    }
  }

  // ---------------------------------------------------------------- the aggregate

  @Test
  void nothingIsPayableWithoutEntries() {
    assertThat(page(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void unassignedPayableSumsEarnedMinusReversedBeforeTheBoundPerPartnerInIdOrder() {
    Instant before = END.minus(1, ChronoUnit.MICROS);
    append(ENTRIES.earned(P3).order("o-31").amount(eur("4.00")).payableAt(before));
    append(ENTRIES.reversed(P3).order("o-32").amount(eur("4.00")));
    append(ENTRIES.earned(P1).order("o-11").amount(eur("10.01")));
    append(ENTRIES.reversed(P1).order("o-12").amount(eur("3.00")).payableAt(before));
    append(
        ENTRIES
            .earned(P1)
            .order("o-13")
            .amount(eur("5.00"))
            .payableAt(END)); // not before the bound
    append(ENTRIES.reversed(P1).order("o-14").amount(eur("1.00")).payableAt(END.plusSeconds(1)));
    append(ENTRIES.accrued(P1).order("o-15").amount(eur("7.00"))); // neither earned nor reversed
    append(ENTRIES.cancelled(P1).order("o-16").amount(eur("2.00")));
    append(ENTRIES.earned(P2).order("o-21").amount(eur("2.00")));
    append(ENTRIES.reversed(P2).order("o-22").amount(eur("5.50")));
    LedgerEntry dollars =
        ENTRIES.earned(PartnerId.of("p-0")).order("o-01").amount(Money.of("9.00", "USD")).build();
    tx(() -> storage.ledger().append(dollars)); // another currency

    assertThat(page(Optional.empty(), 10))
        .containsExactly(
            new PartnerAmount(P1, eur("7.01")),
            new PartnerAmount(P2, eur("-3.50")),
            new PartnerAmount(P3, eur("0.00")));
    // The close's progress total: never fewer than the pages hold (an adapter may not know).
    OptionalLong counted = tx(() -> payouts().countUnassignedPayable(END, EUR));
    if (counted.isPresent()) {
      assertThat(counted.getAsLong()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void unassignedPayableKeepsTheScaleOfAZeroDecimalCurrency() {
    Currency yen = Currency.getInstance("JPY");
    LedgerEntry e = ENTRIES.earned(P1).order("o-1").amount(Money.of("1250", "JPY")).build();
    tx(() -> storage.ledger().append(e));

    List<PartnerAmount> page =
        tx(() -> payouts().unassignedPayable(END, yen, Optional.empty(), 10));

    assertThat(page).containsExactly(new PartnerAmount(P1, Money.of("1250", "JPY")));
    Money yenSum = page.get(0).amount();
    assertThat(yenSum.amount().scale()).isZero();
  }

  @Test
  void unassignedPayablePagesByPartnerIdAfterTheLastOne() {
    for (int i = 1; i <= 5; i++) {
      append(ENTRIES.earned(PartnerId.of("p-" + i)).order("o-" + i).amount(eur(i + ".00")));
    }

    assertThat(page(Optional.empty(), 2))
        .extracting(PartnerAmount::partnerId)
        .containsExactly(P1, P2);
    assertThat(page(Optional.of(P2), 2))
        .containsExactly(
            new PartnerAmount(P3, eur("3.00")),
            new PartnerAmount(PartnerId.of("p-4"), eur("4.00")));
    assertThat(page(Optional.of(PartnerId.of("p-4")), 2))
        .containsExactly(new PartnerAmount(PartnerId.of("p-5"), eur("5.00")));
    assertThat(page(Optional.of(PartnerId.of("p-5")), 2)).isEmpty();
    assertThat(page(Optional.of(PartnerId.of("p-10")), 1))
        .extracting(PartnerAmount::partnerId)
        .containsExactly(P2);
  }

  // ---------------------------------------------------------------- assignment

  @Test
  void assignPaysEveryUnassignedEntryBeforeTheBoundOnceAndReturnsTheirSum() {
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    append(ENTRIES.reversed(P1).order("o-2").amount(eur("2.50")));
    LedgerEntry later = append(ENTRIES.earned(P1).order("o-3").amount(eur("4.00")).payableAt(END));
    append(ENTRIES.earned(P2).order("o-4").amount(eur("1.00")));
    PayoutId first = payoutId(1);
    PayoutId second = payoutId(2);

    Money assigned =
        tx(
            () -> {
              payouts().claimPeriod(new PeriodClose(NOVEMBER, T0));
              payouts().insertPayout(payout(first, P1, NOVEMBER, "7.50"));
              return payouts().assign(first, P1, END, EUR);
            });

    assertThat(assigned).isEqualTo(eur("7.50"));
    assertThat(page(Optional.empty(), 10)).containsExactly(new PartnerAmount(P2, eur("1.00")));
    Money again =
        tx(
            () -> {
              payouts().insertPayout(payout(second, P1, NOVEMBER, "1.00"));
              return payouts().assign(second, P1, END, EUR);
            });
    assertThat(again).isEqualTo(eur("0.00"));
    assertThat(tx(() -> payouts().assign(first, P1, END, EUR))).isEqualTo(eur("0.00"));
    assertThat(tx(() -> payouts().entriesOfPayout(second))).isEmpty();
    assertThat(tx(() -> payouts().entriesOfPayout(first)))
        .extracting(e -> e.orderId().orElseThrow().value())
        .containsExactly("o-1", "o-2");

    // A later bound assigns only what the first one left.
    Money next = tx(() -> payouts().assign(second, P1, END.plusSeconds(1), EUR));
    assertThat(next).isEqualTo(eur("4.00"));
    assertThat(tx(() -> payouts().entriesOfPayout(second))).containsExactly(later);
  }

  @Test
  void insertAndAssignStoresNewPayoutsAndAssignsEachItsPartnersUnassignedEntries() {
    // P2's o-5 is paid by an October payout already: the batch must leave it there.
    append(ENTRIES.earned(P2).order("o-5").amount(eur("6.00")));
    PayoutId october = payoutId(9);
    tx(
        () -> {
          payouts().insertPayout(payout(october, P2, OCTOBER, "6.00"));
          return payouts().assign(october, P2, END, EUR);
        });
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    append(ENTRIES.reversed(P1).order("o-2").amount(eur("2.50")));
    LedgerEntry later = append(ENTRIES.earned(P1).order("o-3").amount(eur("4.00")).payableAt(END));
    append(ENTRIES.earned(P2).order("o-4").amount(eur("1.00")));
    append(ENTRIES.accrued(P3).order("o-6").amount(eur("9.00"))); // not payable
    Payout first = payout(payoutId(1), P1, NOVEMBER, "7.50");
    Payout second = payout(payoutId(2), P2, NOVEMBER, "1.00");
    Payout third = payout(payoutId(3), P3, NOVEMBER, "9.00");

    Map<PayoutId, Money> assigned =
        tx(() -> payouts().insertAndAssign(List.of(first, second, third), END, EUR));

    assertThat(assigned)
        .containsOnly(
            Map.entry(first.payoutId(), eur("7.50")),
            Map.entry(second.payoutId(), eur("1.00")),
            Map.entry(third.payoutId(), eur("0.00")));
    assertThat(tx(() -> payouts().find(first.payoutId()))).contains(first);
    assertThat(tx(() -> payouts().find(third.payoutId()))).contains(third);
    assertThat(tx(() -> payouts().entriesOfPayout(first.payoutId())))
        .extracting(e -> e.orderId().orElseThrow().value())
        .containsExactly("o-1", "o-2");
    assertThat(tx(() -> payouts().entriesOfPayout(second.payoutId())))
        .extracting(e -> e.orderId().orElseThrow().value())
        .containsExactly("o-4");
    assertThat(tx(() -> payouts().entriesOfPayout(october)))
        .extracting(e -> e.orderId().orElseThrow().value())
        .containsExactly("o-5");
    assertThat(page(Optional.empty(), 10)).isEmpty();
    assertThat(
            tx(() -> payouts().recordCarriedOver(DECEMBER, List.of(P1), END.plusSeconds(1), EUR)))
        .containsOnly(Map.entry(P1, later.amount()));
    assertThat(tx(() -> payouts().carriedOverEntries(DECEMBER, P1))).containsExactly(later);

    // Nothing left to assign: a later batch gets zeros, and an empty batch does nothing.
    Payout again = payout(payoutId(4), P2, DECEMBER, "1.00");
    assertThat(tx(() -> payouts().insertAndAssign(List.of(again), END, EUR)))
        .containsOnly(Map.entry(again.payoutId(), eur("0.00")));
    assertThat(tx(() -> payouts().insertAndAssign(List.of(), END, EUR))).isEmpty();
  }

  @Test
  void insertAndAssignWithAnExistingPayoutIdIsAConflict() {
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    append(ENTRIES.earned(P2).order("o-2").amount(eur("3.00")));
    Payout stored = payout(payoutId(7), P3, OCTOBER, "1.00");
    tx(
        () -> {
          payouts().insertPayout(stored);
          return null;
        });
    Payout fresh = payout(payoutId(1), P1, NOVEMBER, "10.00");
    Payout clash = payout(payoutId(7), P2, NOVEMBER, "3.00");

    assertThatThrownBy(() -> tx(() -> payouts().insertAndAssign(List.of(fresh, clash), END, EUR)))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> payouts().find(fresh.payoutId()))).isEmpty();
    assertThat(tx(() -> payouts().find(stored.payoutId()))).contains(stored);
    assertThat(page(Optional.empty(), 10))
        .containsExactly(new PartnerAmount(P1, eur("10.00")), new PartnerAmount(P2, eur("3.00")));
  }

  @Test
  void unassignedPayablePagesPastManyPartnersWithNothingPayable() {
    // More partners than any adapter reads in one go, almost all with nothing payable: a page
    // must still be full when payable partners exist beyond them.
    List<LedgerEntry> noise = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      noise.add(
          ENTRIES
              .accrued(PartnerId.of(String.format("q-%04d", i)))
              .order("o-q" + i)
              .amount(eur("1.00"))
              .build());
    }
    tx(
        () -> {
          noise.forEach(storage.ledger()::append);
          return null;
        });
    append(ENTRIES.earned(PartnerId.of("q-0000")).order("o-a").amount(eur("1.00")));
    append(ENTRIES.earned(PartnerId.of("q-0700")).order("o-b").amount(eur("2.00")));
    append(ENTRIES.earned(PartnerId.of("q-1199")).order("o-c").amount(eur("3.00")));
    append(ENTRIES.reversed(PartnerId.of("r")).order("o-d").amount(eur("4.00")));

    assertThat(page(Optional.empty(), 2))
        .containsExactly(
            new PartnerAmount(PartnerId.of("q-0000"), eur("1.00")),
            new PartnerAmount(PartnerId.of("q-0700"), eur("2.00")));
    assertThat(page(Optional.of(PartnerId.of("q-0700")), 2))
        .containsExactly(
            new PartnerAmount(PartnerId.of("q-1199"), eur("3.00")),
            new PartnerAmount(PartnerId.of("r"), eur("-4.00")));
    assertThat(page(Optional.of(PartnerId.of("r")), 2)).isEmpty();
  }

  @Test
  void releasedEntriesArePayableAgainAndTheEmptyPayoutCanBeDeleted() {
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    PayoutId id = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(id, P1, NOVEMBER, "10.00"));
          return payouts().assign(id, P1, END, EUR);
        });
    assertThat(page(Optional.empty(), 10)).isEmpty();

    tx(
        () -> {
          payouts().release(id);
          payouts().deletePayout(id);
          return null;
        });

    assertThat(tx(() -> payouts().find(id))).isEmpty();
    assertThat(tx(() -> payouts().entriesOfPayout(id))).isEmpty();
    assertThat(page(Optional.empty(), 10)).containsExactly(new PartnerAmount(P1, eur("10.00")));
    PayoutId retry = payoutId(2);
    Money assigned =
        tx(
            () -> {
              payouts().insertPayout(payout(retry, P1, DECEMBER, "10.00"));
              return payouts().assign(retry, P1, END, EUR);
            });
    assertThat(assigned).isEqualTo(eur("10.00"));
  }

  @Test
  void aReleasedPayoutKeepsItsRowAndTheRecordOfItsEntriesButPaysNothing() {
    LedgerEntry earned = append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    PayoutId id = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(id, P1, NOVEMBER, "10.00"));
          payouts().assign(id, P1, END, EUR);
          payouts().release(id);
          payouts().release(id); // twice changes nothing
          return null;
        });

    assertThat(tx(() -> payouts().find(id))).isPresent();
    assertThat(tx(() -> payouts().entriesOfPayout(id))).containsExactly(earned);
    assertThat(page(Optional.empty(), 10)).containsExactly(new PartnerAmount(P1, eur("10.00")));

    // Paid again by a later payout: both payouts name the entry, the failed one as what it was.
    PayoutId again = payoutId(2);
    assertThat(
            tx(
                () -> {
                  payouts().insertPayout(payout(again, P1, DECEMBER, "10.00"));
                  return payouts().assign(again, P1, END, EUR);
                }))
        .isEqualTo(eur("10.00"));
    assertThat(tx(() -> payouts().entriesOfPayout(again))).containsExactly(earned);
    assertThat(tx(() -> payouts().entriesOfPayout(id))).containsExactly(earned);
    assertThat(page(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void aDeletedPayoutLeavesNoRecordAndItsEntriesUnassigned() {
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    PayoutId id = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(id, P1, NOVEMBER, "10.00"));
          payouts().assign(id, P1, END, EUR);
          payouts().deletePayout(id);
          return null;
        });

    assertThat(tx(() -> payouts().find(id))).isEmpty();
    assertThat(tx(() -> payouts().entriesOfPayout(id))).isEmpty();
    assertThat(page(Optional.empty(), 10)).containsExactly(new PartnerAmount(P1, eur("10.00")));
  }

  @Test
  void aFailedPayoutThatIsDeletedInItsOwnTransactionLeavesNoRecordEither() {
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    PayoutId id = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(id, P1, NOVEMBER, "10.00"));
          payouts().assign(id, P1, END, EUR);
          payouts().release(id);
          payouts().deletePayout(id);
          return null;
        });

    assertThat(tx(() -> payouts().find(id))).isEmpty();
    assertThat(tx(() -> payouts().entriesOfPayout(id))).isEmpty();
  }

  @Test
  void carriedOverEntriesAreRecordedPerPartnerAndMonthAndStayUnassigned() {
    LedgerEntry first = append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")));
    LedgerEntry refund = append(ENTRIES.reversed(P1).order("o-2").amount(eur("2.50")));
    append(
        ENTRIES
            .earned(P1)
            .order("o-3")
            .amount(eur("7.00"))
            .payableAt(END)); // payable after the month
    append(ENTRIES.accrued(P1).order("o-4").amount(eur("7.00"))); // never payable
    LedgerEntry other = append(ENTRIES.earned(P2).order("o-5").amount(eur("1.00")));
    PayoutId paid = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(paid, P3, NOVEMBER, "4.00"));
          return null;
        });
    append(ENTRIES.earned(P3).order("o-6").amount(eur("4.00")));
    tx(() -> payouts().assign(paid, P3, END, EUR));

    Map<PartnerId, Money> recorded =
        tx(() -> payouts().recordCarriedOver(NOVEMBER, List.of(P1, P2, P3), END, EUR));

    assertThat(recorded)
        .containsOnly(
            Map.entry(P1, eur("7.50")), Map.entry(P2, eur("1.00")), Map.entry(P3, eur("0.00")));
    assertThat(tx(() -> payouts().carriedOverEntries(NOVEMBER, P1))).containsExactly(first, refund);
    assertThat(tx(() -> payouts().carriedOverEntries(NOVEMBER, P2))).containsExactly(other);
    assertThat(tx(() -> payouts().carriedOverEntries(NOVEMBER, P3))).isEmpty();
    assertThat(tx(() -> payouts().carriedOverEntries(DECEMBER, P1))).isEmpty();
    assertThat(tx(() -> payouts().recordCarriedOver(DECEMBER, List.of(), END, EUR))).isEmpty();
    // Still unassigned: the next close pays them; the record of November stays.
    PayoutId december = payoutId(2);
    assertThat(
            tx(
                () -> {
                  payouts().insertPayout(payout(december, P1, DECEMBER, "7.50"));
                  return payouts().assign(december, P1, END, EUR);
                }))
        .isEqualTo(eur("7.50"));
    assertThat(tx(() -> payouts().carriedOverEntries(NOVEMBER, P1))).containsExactly(first, refund);
  }

  @Test
  void entriesOfAPayoutAndUnassignedEntriesComeByOrderLineThenRecordingTime() {
    List<LedgerEntry> expected =
        List.of(
            ENTRIES.earned(P1).order("o-1").amount(eur("5.00")).build(),
            ENTRIES
                .reversed(P1)
                .order("o-1")
                .amount(eur("1.00"))
                .recordedAt(T0.plusSeconds(5))
                .build(),
            ENTRIES
                .earned(P1)
                .order("o-1")
                .line(2)
                .amount(eur("2.00"))
                .recordedAt(T0.minusSeconds(9))
                .build(),
            ENTRIES
                .earned(P1)
                .order("o-2")
                .amount(eur("3.00"))
                .recordedAt(T0.minusSeconds(60))
                .build());
    tx(
        () -> {
          for (int i = expected.size() - 1; i >= 0; i--) {
            storage.ledger().append(expected.get(i));
          }
          storage.ledger().append(ENTRIES.accrued(P1).order("o-0").amount(eur("9.00")).build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .earned(P1)
                      .order("o-0")
                      .line(2)
                      .amount(eur("9.00"))
                      .payableAt(END)
                      .build());
          storage
              .ledger()
              .append(ENTRIES.earned(P2).order("o-0").line(3).amount(eur("9.00")).build());
          return null;
        });

    tx(() -> payouts().recordCarriedOver(OCTOBER, List.of(P1, P3), END, EUR));
    assertThat(tx(() -> payouts().carriedOverEntries(OCTOBER, P1)))
        .containsExactlyElementsOf(expected);
    PayoutId id = payoutId(1);
    tx(
        () -> {
          payouts().insertPayout(payout(id, P1, NOVEMBER, "9.00"));
          return payouts().assign(id, P1, END, EUR);
        });
    assertThat(tx(() -> payouts().entriesOfPayout(id))).containsExactlyElementsOf(expected);
    assertThat(tx(() -> payouts().carriedOverEntries(OCTOBER, P3))).isEmpty();
  }

  // ---------------------------------------------------------------- payouts

  @Test
  void aPayoutRoundTripsWithItsAccountSnapshot() {
    Payout stored = payout(payoutId(7), P1, NOVEMBER, "1234567.89");
    assertThat(tx(() -> payouts().find(stored.payoutId()))).isEmpty();

    tx(
        () -> {
          payouts().insertPayout(stored);
          return null;
        });

    Payout read = tx(() -> payouts().find(stored.payoutId())).orElseThrow();
    assertThat(read).isEqualTo(stored);
    assertThat(read.transferAccount().holderName()).isEqualTo("Émile d'Arçon-Brontë");
    assertThat(read.transferAccount().iban().value()).isEqualTo("NL91ABNA0417164300");
  }

  @Test
  void aSecondPayoutWithTheSameIdIsAConflictAndWritesNothing() {
    Payout stored = payout(payoutId(7), P1, NOVEMBER, "10.00");
    tx(
        () -> {
          payouts().insertPayout(stored);
          return null;
        });

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      payouts().insertPayout(payout(payoutId(7), P2, DECEMBER, "99.00"));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> payouts().find(stored.payoutId()))).contains(stored);
    assertThat(tx(() -> payouts().payoutsOfPeriod(DECEMBER))).isEmpty();
  }

  @Test
  void anUpdateAppliesOnlyOverTheExpectedStatus() {
    Payout created = payout(payoutId(1), P1, NOVEMBER, "10.00");
    tx(
        () -> {
          payouts().insertPayout(created);
          return null;
        });
    Payout exported = created.exported(T0.plusSeconds(10));
    Payout failed = created.failed(T0.plusSeconds(20), "AC04 rekening opgeheven");

    assertThat(tx(() -> payouts().update(exported, PayoutStatus.EXPORTED))).isFalse();
    assertThat(tx(() -> payouts().find(created.payoutId()))).contains(created);
    assertThat(tx(() -> payouts().update(exported, PayoutStatus.CREATED))).isTrue();
    assertThat(tx(() -> payouts().find(created.payoutId()))).contains(exported);
    assertThat(tx(() -> payouts().update(failed, PayoutStatus.CREATED))).isFalse();
    assertThat(tx(() -> payouts().update(failed, PayoutStatus.EXPORTED))).isTrue();
    assertThat(tx(() -> payouts().find(created.payoutId()))).contains(failed);
    assertThat(
            tx(
                () ->
                    payouts()
                        .update(payout(payoutId(9), P1, NOVEMBER, "1.00"), PayoutStatus.CREATED)))
        .isFalse();
    assertThat(tx(() -> payouts().find(payoutId(9)))).isEmpty();
  }

  @Test
  void markingAMonthExportedChangesOnlyItsCreatedPayouts() {
    Payout first = payout(payoutId(1), P1, NOVEMBER, "10.00");
    Payout second = payout(payoutId(2), P2, NOVEMBER, "20.00");
    Payout paid = payout(payoutId(3), P3, NOVEMBER, "30.00").paid(T0.plusSeconds(5));
    Payout failed =
        payout(payoutId(4), PartnerId.of("p-4"), NOVEMBER, "40.00")
            .failed(T0.plusSeconds(6), "AC04 rekening opgeheven");
    Payout alreadyExported =
        payout(payoutId(5), PartnerId.of("p-5"), NOVEMBER, "50.00").exported(T0.plusSeconds(7));
    Payout december = payout(payoutId(6), P1, DECEMBER, "60.00");
    List<Payout> all = List.of(first, second, paid, failed, alreadyExported, december);
    tx(
        () -> {
          all.forEach(p -> payouts().insertPayout(p));
          return null;
        });
    Instant at = T0.plusSeconds(60);

    assertThat(tx(() -> payouts().markExported(NOVEMBER, at))).isEqualTo(2);

    assertThat(tx(() -> payouts().payoutsOfPeriod(NOVEMBER)))
        .containsExactly(first.exported(at), second.exported(at), paid, failed, alreadyExported);
    assertThat(tx(() -> payouts().payoutsOfPeriod(DECEMBER))).containsExactly(december);
    assertThat(tx(() -> payouts().markExported(NOVEMBER, at.plusSeconds(60)))).isZero();
    assertThat(tx(() -> payouts().find(first.payoutId()))).contains(first.exported(at));
    assertThat(tx(() -> payouts().markExported(YearMonth.of(2027, 1), at))).isZero();
  }

  @Test
  void anUpdateCanCorrectTheAmount() {
    Payout created = payout(payoutId(1), P1, NOVEMBER, "10.00");
    Payout corrected =
        new Payout(
            created.payoutId(),
            P1,
            NOVEMBER,
            eur("8.25"),
            Optional.of(ACCOUNT),
            PayoutStatus.CREATED,
            T0,
            T0,
            Optional.empty());
    tx(
        () -> {
          payouts().insertPayout(created);
          return payouts().update(corrected, PayoutStatus.CREATED);
        });
    assertThat(tx(() -> payouts().find(created.payoutId()))).contains(corrected);
  }

  @Test
  void payoutsOfAMonthComeByPayoutIdAndRecentPayoutsNewestMonthFirst() {
    List<Payout> all =
        List.of(
            payout(payoutId(3), P1, NOVEMBER, "3.00"),
            payout(payoutId(1), P2, NOVEMBER, "1.00"),
            payout(payoutId(2), P1, NOVEMBER, "2.00"),
            payout(payoutId(9), P1, OCTOBER, "9.00"),
            payout(payoutId(5), P1, DECEMBER, "5.00"));
    tx(
        () -> {
          all.forEach(p -> payouts().insertPayout(p));
          return null;
        });

    assertThat(tx(() -> payouts().payoutsOfPeriod(NOVEMBER)))
        .containsExactly(all.get(1), all.get(2), all.get(0));
    assertThat(tx(() -> payouts().payoutsOfPeriod(YearMonth.of(2027, 1)))).isEmpty();
    assertThat(tx(() -> payouts().recentPayouts(P1, 10)))
        .containsExactly(all.get(4), all.get(2), all.get(0), all.get(3));
    assertThat(tx(() -> payouts().recentPayouts(P1, 2))).containsExactly(all.get(4), all.get(2));
    assertThat(tx(() -> payouts().recentPayouts(P3, 10))).isEmpty();
  }

  @Test
  void payoutTotalsSeparatePayoutsOnTheirWayFromPaidOnesAndLeaveOutFailedOnes() {
    assertThat(tx(() -> payouts().payoutTotals(P1, EUR))).isEqualTo(PayoutTotals.zero(EUR));
    Payout created = payout(payoutId(1), P1, OCTOBER, "1.10");
    Payout paid = payout(payoutId(2), P1, NOVEMBER, "2.20").paid(T0.plusSeconds(1));
    Payout exported = payout(payoutId(3), P1, NOVEMBER, "3.30").exported(T0.plusSeconds(1));
    Payout failed = payout(payoutId(4), P1, NOVEMBER, "40.00").failed(T0, "AC01");
    Payout other = payout(payoutId(5), P2, NOVEMBER, "500.00");
    tx(
        () -> {
          List.of(created, paid, exported, failed, other).forEach(p -> payouts().insertPayout(p));
          return null;
        });

    assertThat(tx(() -> payouts().payoutTotals(P1, EUR)))
        .isEqualTo(new PayoutTotals(eur("4.40"), eur("2.20")));
    assertThat(tx(() -> payouts().payoutTotals(P2, EUR)))
        .isEqualTo(new PayoutTotals(eur("500.00"), eur("0.00")));
    assertThat(tx(() -> payouts().payoutTotals(P3, EUR))).isEqualTo(PayoutTotals.zero(EUR));
  }

  @Test
  void theBalanceNetOfPayoutsIsTheLedgersBalanceLessThePaidTotal() {
    append(ENTRIES.accrued(P1).order("o-1").amount(eur("10.00")));
    append(ENTRIES.earned(P1).order("o-1").amount(eur("10.00")).payableAt(T0.minusSeconds(60)));
    append(ENTRIES.accrued(P1).order("o-2").amount(eur("4.00")));
    append(ENTRIES.earned(P1).order("o-2").amount(eur("4.00")).payableAt(T0.plusSeconds(60)));
    append(ENTRIES.reversed(P1).order("o-3").amount(eur("1.50")));
    append(ENTRIES.accrued(P1).order("o-4").amount(eur("7.00")));
    append(ENTRIES.earned(P2).order("o-5").amount(eur("90.00")).payableAt(T0.minusSeconds(60)));
    Payout created = payout(payoutId(1), P1, OCTOBER, "3.00");
    Payout failed = payout(payoutId(2), P1, NOVEMBER, "40.00").failed(T0, "AC01");
    Payout other = payout(payoutId(3), P2, NOVEMBER, "500.00");
    Payout paid = payout(payoutId(4), P1, SEPTEMBER, "1.25").paid(T0);
    tx(
        () -> {
          List.of(created, failed, other, paid).forEach(p -> payouts().insertPayout(p));
          return null;
        });

    Balance netted = tx(() -> storage.balanceNetOfPayouts(P1, EUR, T0));
    Balance ledger = tx(() -> storage.ledger().balance(P1, EUR, T0));

    assertThat(netted)
        .isEqualTo(
            new Balance(
                eur("7.00"),
                eur("4.00"),
                eur("4.25"),
                eur("3.00"),
                eur("1.25"),
                eur("14.00"),
                eur("1.50"),
                eur("0.00")));
    assertThat(netted)
        .isEqualTo(
            new Balance(
                ledger.pending(),
                ledger.held(),
                ledger.payable().minus(tx(() -> payouts().payoutTotals(P1, EUR)).total()),
                eur("3.00"),
                eur("1.25"),
                ledger.earned(),
                ledger.reversed(),
                ledger.adjusted()));
    assertThat(tx(() -> storage.balanceNetOfPayouts(P2, EUR, T0)).payable())
        .isEqualTo(eur("-410.00"));
    assertThat(tx(() -> storage.balanceNetOfPayouts(P3, EUR, T0))).isEqualTo(Balance.zero(EUR));
  }

  @Test
  void closeLinesComeBackByPartnerIdPerMonth() {
    PayoutId id = payoutId(1);
    PeriodCloseLine paid =
        new PeriodCloseLine(NOVEMBER, P2, eur("12.00"), Optional.of(id), Optional.empty());
    PeriodCloseLine negative =
        new PeriodCloseLine(
            NOVEMBER,
            P3,
            eur("-3.50"),
            Optional.empty(),
            Optional.of(CarryOverReason.NOT_POSITIVE));
    PeriodCloseLine small =
        new PeriodCloseLine(
            NOVEMBER,
            P1,
            eur("0.00"),
            Optional.empty(),
            Optional.of(CarryOverReason.BELOW_MINIMUM));
    PeriodCloseLine december =
        new PeriodCloseLine(
            DECEMBER,
            P1,
            eur("4.00"),
            Optional.empty(),
            Optional.of(CarryOverReason.NO_PAYOUT_ACCOUNT));
    assertThat(tx(() -> payouts().closeLines(NOVEMBER))).isEmpty();
    tx(
        () -> {
          payouts().claimPeriod(new PeriodClose(NOVEMBER, T0));
          payouts().insertPayout(payout(id, P2, NOVEMBER, "12.00"));
          payouts().insertCloseLine(negative);
          payouts().insertCloseLines(List.of(paid, small));
          payouts().insertCloseLines(List.of());
          payouts().claimPeriod(new PeriodClose(DECEMBER, T0));
          payouts().insertCloseLine(december);
          return null;
        });

    assertThat(tx(() -> payouts().closeLines(NOVEMBER))).containsExactly(small, paid, negative);
    assertThat(tx(() -> payouts().closeLines(DECEMBER))).containsExactly(december);
    // One partner's line of one month, by key.
    assertThat(tx(() -> payouts().closeLine(NOVEMBER, P2))).contains(paid);
    assertThat(tx(() -> payouts().closeLine(NOVEMBER, P3))).contains(negative);
    assertThat(tx(() -> payouts().closeLine(DECEMBER, P1))).contains(december);
    assertThat(tx(() -> payouts().closeLine(DECEMBER, P2))).isEmpty();
    assertThat(tx(() -> payouts().closeLine(OCTOBER, P1))).isEmpty();
  }

  @Test
  void aCarriedBalanceAboveWhatOneAmountColumnHoldsIsKeptOnItsCloseLine() {
    PeriodCloseLine huge =
        new PeriodCloseLine(
            NOVEMBER,
            P1,
            Money.total(new BigDecimal("123456789012345678.25"), EUR),
            Optional.empty(),
            Optional.of(CarryOverReason.ABOVE_MAXIMUM_PAYOUT));
    tx(
        () -> {
          payouts().claimPeriod(new PeriodClose(NOVEMBER, T0));
          payouts().insertCloseLine(huge);
          return null;
        });

    assertThat(tx(() -> payouts().closeLine(NOVEMBER, P1))).contains(huge);
  }

  @Test
  void theFirstPayableInstantIsTheEarliestEarnedOrReversedEntrysPayableTime() {
    assertThat(tx(() -> storage.ledger().firstPayableAt())).isEmpty();
    append(ENTRIES.accrued(P1).order("o-1").amount(eur("1.00")));
    assertThat(tx(() -> storage.ledger().firstPayableAt())).isEmpty();
    append(ENTRIES.earned(P1).order("o-2").amount(eur("1.00")));
    append(ENTRIES.reversed(P2).order("o-3").amount(eur("1.00")).payableAt(T0.minusSeconds(60)));
    append(ENTRIES.earned(P2).order("o-4").amount(eur("1.00")).payableAt(T0.plusSeconds(60)));

    assertThat(tx(() -> storage.ledger().firstPayableAt())).contains(T0.minusSeconds(60));
  }

  @Test
  void aMonthsCloseLinesAndPayoutsStreamInTheOrderOfTheirLists() {
    // More rows than an adapter fetches per round trip, with ids whose byte order differs from a
    // case-insensitive collation's ("P-…" sorts before "a-…" and "p-…" as String.compareTo does).
    int partners = 1_234;
    List<PeriodCloseLine> lines = new ArrayList<>();
    List<Payout> made = new ArrayList<>();
    for (int i = 0; i < partners; i++) {
      PartnerId partner = PartnerId.of((i % 3 == 0 ? "P-" : i % 3 == 1 ? "a-" : "p-") + (i * 7919));
      if (i % 4 == 0) {
        lines.add(
            new PeriodCloseLine(
                NOVEMBER,
                partner,
                eur("0.0" + (i % 10)),
                Optional.empty(),
                Optional.of(CarryOverReason.BELOW_MINIMUM)));
        continue;
      }
      PayoutId id = payoutId(partners - i);
      Payout payout = payout(id, partner, NOVEMBER, (i + 50) + ".25");
      made.add(payout);
      lines.add(
          new PeriodCloseLine(
              NOVEMBER, partner, payout.amount(), Optional.of(id), Optional.empty()));
    }
    tx(
        () -> {
          payouts().claimPeriod(new PeriodClose(NOVEMBER, T0));
          made.forEach(p -> payouts().insertPayout(p));
          payouts().insertCloseLines(lines);
          return null;
        });

    List<PeriodCloseLine> streamedLines = new ArrayList<>();
    tx(
        () -> {
          payouts().forEachCloseLine(NOVEMBER, streamedLines::add);
          return null;
        });
    List<Payout> streamedPayouts = new ArrayList<>();
    tx(
        () -> {
          payouts().forEachPayoutOfPeriod(NOVEMBER, streamedPayouts::add);
          return null;
        });

    List<PeriodCloseLine> byPartner = new ArrayList<>(lines);
    byPartner.sort(Comparator.comparing(l -> l.partnerId().value()));
    List<Payout> byPayout = new ArrayList<>(made);
    byPayout.sort(Comparator.comparing(p -> p.payoutId().value()));
    assertThat(streamedLines).containsExactlyElementsOf(byPartner);
    assertThat(tx(() -> payouts().closeLines(NOVEMBER))).containsExactlyElementsOf(byPartner);
    assertThat(streamedPayouts).containsExactlyElementsOf(byPayout);
    assertThat(tx(() -> payouts().payoutsOfPeriod(NOVEMBER))).containsExactlyElementsOf(byPayout);
    List<PeriodCloseLine> december = new ArrayList<>();
    tx(
        () -> {
          payouts().forEachCloseLine(DECEMBER, december::add);
          return null;
        });
    assertThat(december).isEmpty();
  }

  // ---------------------------------------------------------------- through the facade

  @Test
  void aMonthIsClosedExportedAndPaidThroughTheProgramme() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-1"), OrderId.of("order-1"), f.clock.instant()));
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));

    PeriodCloseResult closed = f.program.payouts().close(NOVEMBER, Acts.TEST);

    assertThat(closed.alreadyClosed()).isFalse();
    Payout payout = f.payoutsOf(closed.month()).get(0);
    assertThat(f.payoutsOf(closed.month())).hasSize(1);
    assertThat(payout.amount()).isEqualTo(eur("25.00"));
    assertThat(payout.partnerId()).isEqualTo(f.partner.id());
    assertThat(tx(() -> payouts().entriesOfPayout(payout.payoutId())))
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.EARNED));
    assertThat(closed.payoutCount()).isEqualTo(1);
    assertThat(closed.payoutTotal()).isEqualTo(eur("25.00"));
    assertThat(closed.carriedOverCount()).isZero();
    assertThat(f.closeLinesOf(closed.month()))
        .singleElement()
        .satisfies(l -> assertThat(l.payoutId()).contains(payout.payoutId()));
    // A second close reports the first one's summary, counted from what storage holds.
    PeriodCloseResult again = f.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThat(again.alreadyClosed()).isTrue();
    assertThat(again.closedAt()).isEqualTo(closed.closedAt());
    assertThat(again.payoutCount()).isEqualTo(closed.payoutCount());
    assertThat(again.payoutTotal()).isEqualTo(closed.payoutTotal());
    assertThat(again.carriedOverCount()).isEqualTo(closed.carriedOverCount());
    assertThat(f.payoutsOf(again.month())).containsExactly(payout);
    assertThat(f.closeLinesOf(again.month())).isEqualTo(f.closeLinesOf(closed.month()));

    SepaDebtor debtor = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");
    for (PainVersion version : PainVersion.values()) {
      PayoutExport export =
          f.program
              .payouts()
              .export(
                  new ExportPayoutsCommand(
                      NOVEMBER, version, debtor, LocalDate.of(2026, 12, 2), Acts.TEST));
      SepaSchemas.validate(export.sepaXml(), version);
      assertThat(export.count()).isEqualTo(1);
      assertThat(export.total()).isEqualTo(eur("25.00"));
      // The streamed export (the adapter's forEachPayoutOfPeriod) writes the same bytes.
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      PayoutExportSummary streamed =
          f.program
              .payouts()
              .exportTo(
                  new ExportPayoutsCommand(
                      NOVEMBER, version, debtor, LocalDate.of(2026, 12, 2), Acts.TEST),
                  xml,
                  csv);
      assertThat(xml.toByteArray()).isEqualTo(export.sepaXml());
      assertThat(csv.toByteArray()).isEqualTo(export.csv());
      assertThat(streamed.count()).isEqualTo(1);
      assertThat(streamed.total()).isEqualTo(eur("25.00"));
    }
    assertThat(tx(() -> payouts().find(payout.payoutId())).orElseThrow().status())
        .isEqualTo(PayoutStatus.EXPORTED);

    f.clock.set(f.clock.instant().plus(Duration.ofDays(2)));
    Payout paid = f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
    assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
    assertThat(tx(() -> payouts().find(payout.payoutId()))).contains(paid);
    // The close's result reads its payouts when asked, so they come as they are now.
    assertThat(f.payoutsOf(closed.month())).containsExactly(paid);
    List<Payout> streamed = new ArrayList<>();
    f.program.payouts().forEachPayout(closed.month(), streamed::add);
    assertThat(streamed).containsExactly(paid);
    var overview = f.program.partners().overview(f.partner.id()).orElseThrow();
    assertThat(overview.balance().paid()).isEqualTo(eur("25.00"));
    assertThat(overview.balance().payable()).isEqualTo(eur("0.00"));
    assertThat(overview.recentPayouts()).hasSize(1);
  }

  // ---------------------------------------------------------------- statements, for good

  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant JANUARY_FIRST = Instant.parse("2027-01-01T08:00:00Z");

  private static void paidOrder(
      ProgramFixture f, CustomerAccountId customer, String id, String net) {
    f.record(f.order(id, customer, ProgramFixture.line(1, "shared-hosting", net)));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(EventId.of("pay-" + id), OrderId.of(id), f.clock.instant()));
  }

  private static PartnerStatement statement(ProgramFixture f, YearMonth month, Instant asOf) {
    return f.program.payouts().statement(StatementQuery.of(f.partner.id(), month).asOf(asOf));
  }

  private static PartnerStatement statementNow(ProgramFixture f, YearMonth month) {
    return f.program.payouts().statement(StatementQuery.of(f.partner.id(), month));
  }

  @Test
  void aCarriedOverMonthsStatementIsTheSameAfterTheNextMonthIsClosed() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b.minimumPayout(eur("20.00")));
    CustomerAccountId customer = f.referredCustomer("new-1");
    // 10.00 on the hosting, below the minimum; the domain does not participate
    f.record(
        f.order(
            "order-1",
            customer,
            ProgramFixture.line(1, "shared-hosting", "40.00"),
            ProgramFixture.line(2, "domain", "9.99")));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-order-1"), OrderId.of("order-1"), f.clock.instant()));
    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    Instant asOf = DECEMBER_FIRST.plusSeconds(60);
    f.clock.set(asOf);
    PartnerStatement before = statement(f, NOVEMBER, asOf);
    assertThat(before.lines())
        .extracting(l -> l.lineNumber() + " " + l.kind() + " " + l.amount())
        .containsExactly("1 EARNED EUR 10.00", "2 NOT_PARTICIPATING EUR 0.00");
    assertThat(before.total()).isEqualTo(eur("10.00"));
    assertThat(before.settlement())
        .isEqualTo(
            new PartnerStatement.Settlement.CarriedOver(
                eur("10.00"), CarryOverReason.BELOW_MINIMUM));

    f.clock.set(DECEMBER_FIRST.plus(Duration.ofDays(3)));
    paidOrder(f, customer, "order-2", "60.00"); // 15.00 more: 25.00 in December
    f.clock.set(JANUARY_FIRST);
    Payout december = f.payoutsOf(f.program.payouts().close(DECEMBER, Acts.TEST).month()).get(0);

    // As of the same instant: the same statement, byte for byte.
    PartnerStatement again = statement(f, NOVEMBER, asOf);
    assertThat(again.toText()).isEqualTo(before.toText());
    assertThat(again.toJson()).isEqualTo(before.toJson());
    // As of now: the same lines and total, and where the carried balance went.
    PartnerStatement now = statementNow(f, NOVEMBER);
    assertThat(now.lines()).isEqualTo(before.lines());
    assertThat(now.total()).isEqualTo(before.total());
    assertThat(now.since())
        .containsExactly(
            new PartnerStatement.LaterEvent.CarriedInto(
                JANUARY_FIRST,
                DECEMBER,
                Optional.of(december.payoutId()),
                eur("25.00"),
                Optional.empty()));
    // December's statement pays both orders (and shows the domain again with order-1).
    assertThat(statementNow(f, DECEMBER).lines())
        .extracting(l -> l.orderId().value() + "/" + l.lineNumber())
        .containsExactly("order-1/1", "order-1/2", "order-2/1");
  }

  @Test
  void aFailedPayoutsStatementKeepsItsLinesAndSaysItFailed() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    paidOrder(f, customer, "order-1", "200.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(f.program.payouts().close(NOVEMBER, Acts.TEST).month()).get(0);
    Instant asOf = DECEMBER_FIRST.plusSeconds(60);
    f.clock.set(asOf);
    PartnerStatement before = statement(f, NOVEMBER, asOf);
    assertThat(before.total()).isEqualTo(eur("50.00"));
    assertThat(before.payoutState()).contains(PayoutState.ON_ITS_WAY);

    Instant failedAt = DECEMBER_FIRST.plus(Duration.ofDays(4));
    f.clock.set(failedAt);
    f.program.payouts().markFailed(payout.payoutId(), Acts.because("AC04 account closed"));

    assertThat(statement(f, NOVEMBER, asOf).toText()).isEqualTo(before.toText());
    assertThat(statement(f, NOVEMBER, asOf).toJson()).isEqualTo(before.toJson());
    PartnerStatement now = statementNow(f, NOVEMBER);
    assertThat(now.lines()).isEqualTo(before.lines());
    assertThat(now.total()).isEqualTo(eur("50.00"));
    assertThat(now.payoutState()).contains(PayoutState.FAILED);
    assertThat(now.since())
        .containsExactly(
            new PartnerStatement.LaterEvent.PayoutFailed(failedAt, "AC04 account closed"));
    assertThat(now.toText()).contains("the payout failed (AC04 account closed)");

    // The money went back to the balance: December pays it again, and says so.
    f.clock.set(JANUARY_FIRST);
    Payout again = f.payoutsOf(f.program.payouts().close(DECEMBER, Acts.TEST).month()).get(0);
    assertThat(again.amount()).isEqualTo(eur("50.00"));
    assertThat(statementNow(f, DECEMBER).lines()).isEqualTo(before.lines());
    assertThat(statementNow(f, NOVEMBER).lines()).isEqualTo(before.lines());
  }

  @Test
  void aRefundAfterTheCloseIsListedSinceTheCloseAndOnTheLaterMonth() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    paidOrder(f, customer, "order-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    Instant refundedAt = DECEMBER_FIRST.plus(Duration.ofDays(2));
    f.clock.set(refundedAt);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of("refund-1"), OrderId.of("order-1"), refundedAt, eur("40.00")));

    PartnerStatement november = statementNow(f, NOVEMBER);
    assertThat(november.total()).isEqualTo(eur("25.00"));
    assertThat(november.since())
        .containsExactly(
            new PartnerStatement.LaterEvent.LineReversed(
                refundedAt,
                OrderId.of("order-1"),
                1,
                ProductId.of("shared-hosting-product"),
                eur("-10.00")));
    f.clock.set(JANUARY_FIRST);
    f.program.payouts().close(DECEMBER, Acts.TEST);
    PartnerStatement december = statementNow(f, DECEMBER);
    assertThat(december.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(PartnerStatement.LineKind.REVERSED);
              assertThat(l.amount()).isEqualTo(eur("-10.00"));
            });
    assertThat(december.partialOrders()).containsOnlyKeys(OrderId.of("order-1"));
  }

  @Test
  void aStatementIsProducedOnlyAsOfAnInstantBetweenTheCloseAndNow() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    paidOrder(f, f.referredCustomer("new-1"), "order-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    f.clock.set(DECEMBER_FIRST.plusSeconds(60));

    assertThatThrownBy(() -> statement(f, NOVEMBER, DECEMBER_FIRST.minusSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("before the close");
    assertThatThrownBy(() -> statement(f, NOVEMBER, DECEMBER_FIRST.plusSeconds(61)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after now");
    assertThat(statement(f, NOVEMBER, DECEMBER_FIRST).header().producedAt())
        .isEqualTo(DECEMBER_FIRST);
  }

  @Test
  void theStatementHeaderNamesThePartnerAsOnTheAccountTheProgrammeAndThePeriod() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b.programName("Partnerprogramma Hosting"));
    paidOrder(f, f.referredCustomer("new-1"), "order-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    f.program
        .partners()
        .updatePayoutAccount(
            f.partner.id(), PayoutAccount.of("DE89370400440532013000", "J. de Vries-Bakker"));

    PartnerStatement statement = statementNow(f, NOVEMBER);
    // The name on the account the payout went to, not the one on file now.
    assertThat(statement.header().holderName()).contains("Jan de Vries");
    assertThat(statement.header().programName()).isEqualTo("Partnerprogramma Hosting");
    assertThat(statement.toText())
        .startsWith(
            "Partnerprogramma Hosting: statement 2026-11\n"
                + "Partner:   Jan de Vries (partner "
                + f.partner.id()
                + ")\n"
                + "Period:    2026-11-01 00:00 to 2026-12-01 00:00 (end not included),"
                + " Europe/Amsterdam\n"
                + "Closed:    2026-12-01 09:00\n"
                + "Produced:  2026-12-01 09:00\n");
  }

  @Test
  void theSepaFileTheCsvAndTheStatementCarryTheSameReferenceAndRemittance() {
    ProgramFixture f =
        ProgramFixture.on(storage, b -> b.remittanceTemplate("Commissie {month} ref {payout}"));
    paidOrder(f, f.referredCustomer("new-1"), "order-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    Payout payout = f.payoutsOf(f.program.payouts().close(NOVEMBER, Acts.TEST).month()).get(0);
    PayoutExport export =
        f.program
            .payouts()
            .export(
                new ExportPayoutsCommand(
                    NOVEMBER,
                    PainVersion.PAIN_001_001_03,
                    SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
                    LocalDate.of(2026, 12, 2),
                    Acts.TEST));
    String remittance = "Commissie 2026-11 ref " + payout.payoutId();
    String xml = new String(export.sepaXml(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<EndToEndId>" + payout.payoutId() + "</EndToEndId>")
        .contains("<Ustrd>" + remittance + "</Ustrd>");
    assertThat(export.csvText().lines().skip(1))
        .singleElement()
        .asString()
        .startsWith(payout.payoutId() + ",")
        .contains("," + remittance + ",");
    PartnerStatement.Settlement.PaidOut paidOut =
        (PartnerStatement.Settlement.PaidOut) statementNow(f, NOVEMBER).settlement();
    assertThat(paidOut.payoutId()).isEqualTo(payout.payoutId());
    assertThat(paidOut.remittance()).isEqualTo(remittance);
    assertThat(statementNow(f, NOVEMBER).toText())
        .contains(
            "Bank statement reference: " + payout.payoutId() + "; description: " + remittance);
  }

  @Test
  void theFirstCloseIsTheMonthOfTheFirstPayableCommissionAndMonthsFollowInOrder() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    assertThat(f.program.payouts().nextMonthToClose()).isEmpty();
    paidOrder(f, f.referredCustomer("new-1"), "order-1", "100.00");
    f.clock.set(JANUARY_FIRST);
    assertThat(f.program.payouts().nextMonthToClose()).contains(NOVEMBER);

    assertThatThrownBy(() -> f.program.payouts().close(DECEMBER, Acts.TEST))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("first month to close is 2026-11");
    assertThat(tx(() -> payouts().latestClose())).isEmpty();

    f.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThat(f.program.payouts().nextMonthToClose()).contains(DECEMBER);
    f.program.payouts().close(DECEMBER, Acts.TEST);
    assertThat(f.program.payouts().nextMonthToClose()).contains(YearMonth.of(2027, 1));
  }

  @Test
  void onePartnerAboveTheMaximumPayoutCarriesOverAndEveryoneElseIsPaid() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    // Five orders of 900 billion euros each: a balance past what one amount column holds.
    CustomerAccountId whale = f.referredCustomer("whale");
    for (int i = 1; i <= 5; i++) {
      paidOrder(f, whale, "big-" + i, "900000000000000.00");
    }
    PartnerId other =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-other")
                    .withPayoutAccount(PayoutAccount.of("DE89370400440532013000", "Eva Other")))
            .partner()
            .id();
    f.program.referrals().issueVanityCode(other, "eva-hosting");
    f.program.referrals().recordTouch(RecordTouchCommand.of("eva-hosting", "v-small"));
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("small").visitor("v-small").at(f.clock.instant()));
    paidOrder(f, CustomerAccountId.of("small"), "small-1", "100.00");

    Money huge = Money.total(new BigDecimal("1125000000000000.00"), EUR);
    assertThat(f.program.partners().overview(f.partner.id()).orElseThrow().balance().payable())
        .isEqualTo(huge);

    f.clock.set(DECEMBER_FIRST);
    PeriodCloseResult closed = f.program.payouts().close(NOVEMBER, Acts.TEST);

    assertThat(f.payoutsOf(closed.month())).extracting(Payout::partnerId).containsExactly(other);
    assertThat(closed.payoutTotal()).isEqualTo(eur("25.00"));
    assertThat(closed.carriedOver())
        .containsExactly(Map.entry(CarryOverReason.ABOVE_MAXIMUM_PAYOUT, 1));
    assertThat(tx(() -> payouts().closeLine(NOVEMBER, f.partner.id())))
        .contains(
            new PeriodCloseLine(
                NOVEMBER,
                f.partner.id(),
                huge,
                Optional.empty(),
                Optional.of(CarryOverReason.ABOVE_MAXIMUM_PAYOUT)));
    assertThat(statementNow(f, NOVEMBER).total()).isEqualTo(huge);
  }
}
