package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.WriteOffRefusedException;
import org.partnerprogram.core.domain.WriteOffRefusedException.Reason;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.in.WriteOffCommand;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of an operator's corrections ({@code program.corrections()}: adjustments and
 * write-offs) and the ledger store methods behind them ({@code insertAdjustment}, {@code
 * findAdjustment}, {@code adjustmentsOfEntries}), which every {@link ProgramStorage} must pass: an
 * adjustment is payable at once and paid, or netted, by the next close and listed on the statement
 * with its reason; a redelivery returns the first result; bad input and refusals change nothing; a
 * write-off closes the books of a partner who left owing money, and only then.
 *
 * @param <S> the storage type under test
 */
public abstract class CorrectionsContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final Act ALICE = Act.by("alice@host.example", "bonus for the webinar");

  /** A partner who earned 25.00 on a paid order of 100.00 (shared hosting at 25 %). */
  private static ProgramFixture earned(ProgramStorage storage) {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("c-1");
    f.record(f.order("order-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-1", "order-1", f.clock.instant()));
    return f;
  }

  private Balance balance(ProgramFixture f) {
    return tx(
        () -> storage.balanceNetOfPayouts(f.partner.id(), eur("0").currency(), f.clock.instant()));
  }

  private List<LedgerEntry> entries(ProgramFixture f) {
    return tx(() -> storage.ledger().recentEntries(f.partner.id(), 1_000));
  }

  @Test
  void anAdjustmentIsPayableAtOnceAndPaidByTheNextCloseWithItsReasonOnTheStatement() {
    ProgramFixture f = earned(storage);
    PartnerId jan = f.partner.id();
    Adjustment bonus =
        f.program
            .corrections()
            .adjust(AdjustCommand.of("adj-1", jan, eur("10.00"), ALICE).refersTo("order-1", 1));
    f.clock.advance(java.time.Duration.ofMinutes(1));
    Adjustment correction =
        f.program
            .corrections()
            .adjust(
                AdjustCommand.of(
                    "adj-2", jan, eur("-2.50"), Act.by("bob", "double-counted upgrade")));

    assertThat(bonus.type()).isEqualTo(Adjustment.Type.ADJUSTMENT);
    assertThat(bonus.entryKind()).isEqualTo(LedgerEntry.Kind.CREDITED);
    assertThat(correction.entryKind()).isEqualTo(LedgerEntry.Kind.DEBITED);
    Balance balance = balance(f);
    assertThat(balance.payable()).isEqualTo(eur("32.50"));
    assertThat(balance.adjusted()).isEqualTo(eur("7.50"));
    assertThat(balance.earned()).isEqualTo(eur("25.00"));
    assertThat(balance.held().plus(balance.payable()).plus(balance.inPayout()).plus(balance.paid()))
        .isEqualTo(balance.earned().minus(balance.reversed()).plus(balance.adjusted()));
    List<LedgerEntry> adjusting = entries(f).stream().filter(e -> e.kind().adjustment()).toList();
    assertThat(adjusting)
        .extracting(LedgerEntry::kind, LedgerEntry::orderId, LedgerEntry::amount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                LedgerEntry.Kind.CREDITED, Optional.empty(), eur("10.00")),
            org.assertj.core.groups.Tuple.tuple(
                LedgerEntry.Kind.DEBITED, Optional.empty(), eur("2.50")));

    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    List<Payout> payouts = f.payoutsOf(NOVEMBER);
    assertThat(payouts).singleElement().extracting(Payout::amount).isEqualTo(eur("32.50"));
    assertThat(tx(() -> storage.payouts().entriesOfPayout(payouts.get(0).payoutId())))
        .extracting(LedgerEntry::kind)
        .containsExactly(
            LedgerEntry.Kind.EARNED, LedgerEntry.Kind.CREDITED, LedgerEntry.Kind.DEBITED);

    PartnerStatement statement = f.program.payouts().statement(StatementQuery.of(jan, NOVEMBER));
    assertThat(statement.total()).isEqualTo(eur("32.50"));
    assertThat(statement.adjustments())
        .extracting(
            PartnerStatement.AdjustmentLine::adjustmentId,
            PartnerStatement.AdjustmentLine::reason,
            PartnerStatement.AdjustmentLine::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EventId.of("adj-1"), "bonus for the webinar", eur("10.00")),
            org.assertj.core.groups.Tuple.tuple(
                EventId.of("adj-2"), "double-counted upgrade", eur("-2.50")));
    assertThat(statement.adjustments().get(0).refersTo())
        .contains(new Adjustment.OrderLineRef(OrderId.of("order-1"), 1));
    assertThat(statement.toText())
        .contains("adjustment adj-1")
        .contains("bonus for the webinar")
        .contains("double-counted upgrade");
    assertThat(statement.toJson()).contains("\"adjustments\":[{\"adjustmentId\":\"adj-1\"");
    assertThat(
            f.program.audit().records(AuditQuery.ofPartner(jan)).items().stream()
                .filter(r -> r.action() == AuditAction.ADJUSTMENT_BOOKED))
        .extracting(AuditRecord::subject, AuditRecord::actor, AuditRecord::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "adj-1", "alice@host.example", "bonus for the webinar"),
            org.assertj.core.groups.Tuple.tuple("adj-2", "bob", "double-counted upgrade"));
    assertThat(balance(f).payable()).isEqualTo(eur("0.00"));
  }

  @Test
  void aRedeliveryReturnsTheFirstAdjustmentAndTheSameIdWithAnotherAdjustmentIsRefused() {
    ProgramFixture f = earned(storage);
    AdjustCommand command = AdjustCommand.of("adj-1", f.partner.id(), eur("10.00"), ALICE);
    Adjustment first = f.program.corrections().adjust(command);
    f.clock.advance(java.time.Duration.ofHours(1));

    assertThat(f.program.corrections().adjust(command)).isEqualTo(first);
    assertThatThrownBy(
            () ->
                f.program
                    .corrections()
                    .adjust(AdjustCommand.of("adj-1", f.partner.id(), eur("11.00"), ALICE)))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .corrections()
                    .writeOff(WriteOffCommand.of("adj-1", f.partner.id(), ALICE)))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(entries(f).stream().filter(e -> e.kind().adjustment())).hasSize(1);
    assertThat(balance(f).adjusted()).isEqualTo(eur("10.00"));
  }

  @Test
  void badAdjustmentsAreTypedRefusalsThatChangeNothing() {
    ProgramFixture f = earned(storage);
    PartnerId jan = f.partner.id();
    Balance before = balance(f);
    int entriesBefore = entries(f).size();

    refusedWith(
        () ->
            f.program
                .corrections()
                .adjust(AdjustCommand.of("adj-1", PartnerId.of("p-nobody"), eur("1.00"), ALICE)),
        NotFoundException.class);
    refusedWith(
        () ->
            f.program
                .corrections()
                .adjust(AdjustCommand.of("adj-2", jan, Money.of("1.00", "USD"), ALICE)),
        CurrencyMismatchException.class);
    refusedWith(
        () ->
            f.program
                .corrections()
                .adjust(AdjustCommand.of("adj-3", jan, eur("1.00"), ALICE).refersTo("order-1", 2)),
        InvalidInputException.class);
    refusedWith(
        () ->
            f.program
                .corrections()
                .adjust(AdjustCommand.of("adj-4", jan, eur("1.00"), ALICE).refersTo("order-9", 1)),
        InvalidInputException.class);
    refusedWith(
        () -> AdjustCommand.of("adj-5", jan, eur("0.00"), ALICE), InvalidInputException.class);
    refusedWith(() -> Act.by("alice", "x".repeat(201)), InvalidInputException.class);
    refusedWith(() -> Act.by("alice", "bonus\u0000"), InvalidInputException.class);
    refusedWith(() -> Act.by("alice smith", "bonus"), InvalidInputException.class);
    refusedWith(() -> f.program.corrections().adjust(null), InvalidInputException.class);

    assertThat(balance(f)).isEqualTo(before);
    assertThat(entries(f)).hasSize(entriesBefore);
    // a refused adjustment claimed nothing: its id is free for a good one
    assertThat(f.program.corrections().adjust(AdjustCommand.of("adj-3", jan, eur("1.00"), ALICE)))
        .extracting(Adjustment::amount)
        .isEqualTo(eur("1.00"));
  }

  @Test
  void aDebitBeyondTheEarningsCarriesTheNegativeBalanceOver() {
    ProgramFixture f = earned(storage);
    f.program
        .corrections()
        .adjust(
            AdjustCommand.of(
                "adj-1", f.partner.id(), eur("-40.00"), Act.by("bob", "clawback of a fraud")));
    assertThat(balance(f).payable()).isEqualTo(eur("-15.00"));

    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThat(f.payoutsOf(NOVEMBER)).isEmpty();
    assertThat(f.closeLinesOf(NOVEMBER))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.amount()).isEqualTo(eur("-15.00"));
              assertThat(l.carriedOver()).contains(PeriodCloseLine.CarryOverReason.NOT_POSITIVE);
            });
  }

  @Test
  void aWriteOffClosesTheBooksOfAPartnerWhoLeftOwingMoneyAndOnlyThen() {
    ProgramFixture f = earned(storage);
    PartnerId jan = f.partner.id();
    Act finance = Act.by("finance@host.example", "uncollectable after the refund of order-1");

    writeOffRefused(f, "wo-1", finance, Reason.STILL_A_PARTNER);
    f.program.partners().leave(jan);
    writeOffRefused(f, "wo-1", finance, Reason.NOTHING_OWED); // 25.00 payable

    f.clock.set(DECEMBER_FIRST);
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    Payout payout = f.payoutsOf(NOVEMBER).get(0);
    writeOffRefused(f, "wo-1", finance, Reason.PAYOUT_IN_PROGRESS);
    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder("ref-1", "order-1", f.clock.instant(), eur("100.00")));
    Balance owing = balance(f);
    assertThat(owing.payable()).isEqualTo(eur("-25.00"));

    Adjustment writeOff =
        f.program.corrections().writeOff(WriteOffCommand.of("wo-1", jan, finance));
    assertThat(writeOff.type()).isEqualTo(Adjustment.Type.WRITE_OFF);
    assertThat(writeOff.amount()).isEqualTo(eur("25.00"));
    assertThat(writeOff.act()).isEqualTo(finance);
    assertThat(f.program.audit().records(AuditQuery.ofActor("finance@host.example")).items())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(AuditAction.BALANCE_WRITTEN_OFF);
              assertThat(r.partnerId()).contains(jan);
              assertThat(r.subject()).isEqualTo("wo-1");
            });
    Balance closed = balance(f);
    assertThat(closed.payable()).isEqualTo(eur("0.00"));
    assertThat(closed.adjusted()).isEqualTo(eur("25.00"));
    assertThat(f.program.corrections().writeOff(WriteOffCommand.of("wo-1", jan, finance)))
        .isEqualTo(writeOff);
    writeOffRefused(f, "wo-2", finance, Reason.NOTHING_OWED);
    assertThat(balance(f)).isEqualTo(closed);
    // the books are closed: only the bookkeeping retention still keeps the partner from erasure
    assertThatThrownBy(() -> f.program.privacy().erasePartner(jan))
        .isInstanceOfSatisfying(
            org.partnerprogram.core.domain.PartnerErasureRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        org.partnerprogram.core.domain.PartnerErasureRefusedException.Reason
                            .WITHIN_RETENTION));
  }

  @Test
  void aWriteOffWaitsUntilPendingCommissionIsSettled() {
    ProgramFixture f = earned(storage);
    PartnerId jan = f.partner.id();
    f.program
        .corrections()
        .adjust(AdjustCommand.of("adj-1", jan, eur("-40.00"), Act.by("bob", "clawback")));
    f.record(
        f.order("order-2", CustomerAccountId.of("c-1"), ProgramFixture.line(1, "vps", "10.00")));
    f.program.partners().leave(jan);
    Act finance = Act.by("finance", "left owing");
    writeOffRefused(f, "wo-1", finance, Reason.BALANCE_NOT_SETTLED);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder("ref-2", "order-2", f.clock.instant(), eur("10.00")));
    assertThat(f.program.corrections().writeOff(WriteOffCommand.of("wo-1", jan, finance)).amount())
        .isEqualTo(eur("15.00"));
    assertThat(balance(f).payable()).isEqualTo(eur("0.00"));
  }

  @Test
  void theStoreKeepsAdjustmentsByIdAndByEntryAndRefusesADuplicate() {
    ProgramFixture f = earned(storage);
    Instant at = f.clock.instant();
    Adjustment a =
        new Adjustment(
            EventId.of("store-adj-1"),
            UUID.randomUUID(),
            f.partner.id(),
            Adjustment.Type.ADJUSTMENT,
            eur("-3.00"),
            Optional.of(new Adjustment.OrderLineRef(OrderId.of("order-1"), 1)),
            Act.by("carol", "Korrektur für Bestellung order-1 \u2013 €"),
            at);
    Adjustment b =
        new Adjustment(
            EventId.of("store-adj-0"),
            UUID.randomUUID(),
            f.partner.id(),
            Adjustment.Type.WRITE_OFF,
            eur("3.00"),
            Optional.empty(),
            Act.by("carol", "left owing"),
            at);
    tx(
        () -> {
          storage.ledger().append(a.toEntry(at));
          storage.ledger().insertAdjustment(a);
          storage.ledger().append(b.toEntry(at));
          storage.ledger().insertAdjustment(b);
          return null;
        });

    assertThat(tx(() -> storage.ledger().findAdjustment(EventId.of("store-adj-1")))).contains(a);
    assertThat(tx(() -> storage.ledger().findAdjustment(EventId.of("store-adj-9")))).isEmpty();
    assertThat(
            tx(
                () ->
                    storage
                        .ledger()
                        .adjustmentsOfEntries(
                            List.of(a.entryId(), UUID.randomUUID(), b.entryId(), a.entryId()))))
        .containsExactly(b, a); // booked at the same instant: by adjustment id
    assertThat(tx(() -> storage.ledger().adjustmentsOfEntries(List.of()))).isEmpty();
    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      storage.ledger().insertAdjustment(a);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThat(tx(() -> storage.ledger().entriesOfOrder(OrderId.of("order-1"))))
        .noneMatch(e -> e.kind().adjustment());
  }

  private void writeOffRefused(ProgramFixture f, String id, Act act, Reason reason) {
    Balance before = balance(f);
    assertThatThrownBy(
            () -> f.program.corrections().writeOff(WriteOffCommand.of(id, f.partner.id(), act)))
        .isInstanceOfSatisfying(
            WriteOffRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    assertThat(balance(f)).isEqualTo(before);
  }

  private static void refusedWith(ThrowingCallable call, Class<? extends Throwable> type) {
    assertThatThrownBy(call).isInstanceOf(type);
  }
}
