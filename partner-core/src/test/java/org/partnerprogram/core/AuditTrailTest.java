package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.event.MonthClosed;
import org.partnerprogram.core.domain.event.PayoutFailed;
import org.partnerprogram.core.domain.event.PayoutsExported;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.testkit.Acts;

/**
 * Every administrative act writes exactly one audit record, with its action, partner and subject,
 * in its own unit of work; a refused act, a repeated close or export, and bad input write none.
 */
class AuditTrailTest extends ServiceTestWorld.EnrolledPartner {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Act ALICE = Act.by("alice@host.example", "fraud review #4711");

  private List<AuditRecord> trail() {
    return f.storage.transactions().execute(() -> f.storage.audit().chain(0, 1000));
  }

  private AuditRecord last() {
    List<AuditRecord> all = trail();
    return all.get(all.size() - 1);
  }

  private <E extends ProgramEvent> List<E> events(Class<E> type) {
    return ((org.partnerprogram.core.adapter.memory.InMemoryStorage) f.storage)
        .publishedEvents().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Runs an act and checks that it appended exactly one record, which it returns. */
  private AuditRecord oneRecord(Runnable act) {
    int before = trail().size();
    act.run();
    List<AuditRecord> after = trail();
    assertThat(after).hasSize(before + 1);
    return after.get(after.size() - 1);
  }

  /** Runs a call that must be refused and checks that it appended nothing. */
  private void noRecord(ThrowingCallable call, Class<? extends Throwable> refusal) {
    List<AuditRecord> before = trail();
    assertThatThrownBy(call).isInstanceOf(refusal);
    assertThat(trail()).isEqualTo(before);
  }

  private static void is(
      AuditRecord r, AuditAction action, Optional<PartnerId> partner, String subject, Act act) {
    assertThat(r.action()).isEqualTo(action);
    assertThat(r.partnerId()).isEqualTo(partner);
    assertThat(r.subject()).isEqualTo(subject);
    assertThat(r.actor()).isEqualTo(act.actor());
    assertThat(r.reason()).isEqualTo(act.reason());
  }

  private ExportPayoutsCommand export(Act act) {
    return new ExportPayoutsCommand(
        NOVEMBER,
        PainVersion.PAIN_001_001_03,
        SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
        LocalDate.parse("2026-12-02"),
        act);
  }

  private void closeNovember() {
    paidOrder("order-1", "100.00");
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    oneRecord(() -> f.program.payouts().close(NOVEMBER, ALICE));
  }

  @Test
  void suspendReinstateAndRemoveEachWriteOneRecordOfThePartner() {
    Optional<PartnerId> jan = Optional.of(f.partner.id());
    is(
        oneRecord(() -> f.program.partners().suspend(f.partner.id(), ALICE)),
        AuditAction.PARTNER_SUSPENDED,
        jan,
        "",
        ALICE);
    is(
        oneRecord(() -> f.program.partners().reinstate(f.partner.id(), ALICE)),
        AuditAction.PARTNER_REINSTATED,
        jan,
        "",
        ALICE);
    is(
        oneRecord(() -> f.program.partners().leave(f.partner.id(), ALICE)),
        AuditAction.PARTNER_REMOVED,
        jan,
        "",
        ALICE);
    assertThat(f.program.partners().find(f.partner.id()).orElseThrow().status())
        .isEqualTo(PartnerStatus.TERMINATED);
  }

  @Test
  void aPartnerLeavingByItsOwnDecisionIsNotAnOperatorsActAndWritesNothing() {
    List<AuditRecord> before = trail();
    f.program.partners().leave(f.partner.id());
    assertThat(trail()).isEqualTo(before);
  }

  @Test
  void aRateVersionRecordsItsNumberAndItsPartner() {
    f.clock.advance(java.time.Duration.ofMinutes(1));
    is(
        oneRecord(
            () ->
                f.program
                    .rates()
                    .change(
                        RateChange.programmeWide(ALICE)
                            .set(RateTarget.group("vps"), Rate.percent("10")))),
        AuditAction.RATE_VERSION_ADDED,
        Optional.empty(),
        "2",
        ALICE);
    is(
        oneRecord(
            () ->
                f.program
                    .rates()
                    .change(
                        RateChange.forPartner(f.partner.id(), ALICE)
                            .set(RateTarget.group("vps"), Rate.percent("20")))),
        AuditAction.RATE_VERSION_ADDED,
        Optional.of(f.partner.id()),
        "1",
        ALICE);
  }

  @Test
  void aCloseRecordsItsMonthAndPublishesMonthClosedOnceOnly() {
    closeNovember();
    is(last(), AuditAction.MONTH_CLOSED, Optional.empty(), "2026-11", ALICE);
    List<AuditRecord> before = trail();
    assertThat(f.program.payouts().close(NOVEMBER, Acts.TEST).alreadyClosed()).isTrue();
    assertThat(trail()).isEqualTo(before);
    assertThat(events(MonthClosed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.month()).isEqualTo(NOVEMBER);
              assertThat(e.payoutCount()).isEqualTo(1);
              assertThat(e.payoutTotal()).isEqualTo(f.eur("25.00"));
              assertThat(e.carriedOverCount()).isZero();
            });
  }

  @Test
  void theFirstExportRecordsTheMonthAndTheSameExportAgainNothing() {
    closeNovember();
    is(
        oneRecord(() -> f.program.payouts().export(export(ALICE))),
        AuditAction.PAYOUTS_EXPORTED,
        Optional.empty(),
        "2026-11",
        ALICE);
    List<AuditRecord> before = trail();
    f.program.payouts().export(export(Acts.TEST));
    assertThat(trail()).isEqualTo(before);
    assertThat(events(PayoutsExported.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.count()).isEqualTo(1);
              assertThat(e.total()).isEqualTo(f.eur("25.00"));
            });
  }

  @Test
  void markingAPayoutPaidOrFailedRecordsThePayoutAndItsPartner() {
    closeNovember();
    Payout payout = f.payoutsOf(NOVEMBER).get(0);
    Act bank = Act.by("finance@host.example", "AC04 account closed");
    is(
        oneRecord(() -> f.program.payouts().markFailed(payout.payoutId(), bank)),
        AuditAction.PAYOUT_FAILED,
        Optional.of(f.partner.id()),
        payout.payoutId().value(),
        bank);
    assertThat(
            f.program
                .payouts()
                .ofPartner(org.partnerprogram.core.port.in.PayoutQuery.ofPartner(f.partner.id()))
                .items()
                .get(0)
                .failureReason())
        .contains("AC04 account closed");
    assertThat(events(PayoutFailed.class))
        .singleElement()
        .extracting(PayoutFailed::reason)
        .isEqualTo("AC04 account closed");
    // a refused act writes nothing
    noRecord(
        () -> f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), ALICE),
        IllegalTransitionException.class);
  }

  @Test
  void markingPaidRecordsOnceAndARepeatIsRefusedWithoutARecord() {
    closeNovember();
    Payout payout = f.payoutsOf(NOVEMBER).get(0);
    is(
        oneRecord(() -> f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), ALICE)),
        AuditAction.PAYOUT_PAID,
        Optional.of(f.partner.id()),
        payout.payoutId().value(),
        ALICE);
    noRecord(
        () -> f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), ALICE),
        IllegalTransitionException.class);
  }

  @Test
  void refusedActsWriteNoRecord() {
    noRecord(
        () -> f.program.partners().reinstate(f.partner.id(), ALICE),
        IllegalTransitionException.class);
    noRecord(() -> f.program.payouts().close(NOVEMBER, ALICE), IllegalTransitionException.class);
    noRecord(() -> f.program.payouts().export(export(ALICE)), IllegalTransitionException.class);
  }

  @Test
  void badInputIsATypedErrorThatChangesNothing() {
    PartnerId jan = f.partner.id();
    List<AuditRecord> before = trail();
    int events =
        ((org.partnerprogram.core.adapter.memory.InMemoryStorage) f.storage)
            .publishedEvents()
            .size();
    List<ThrowingCallable> bad =
        List.of(
            () -> f.program.partners().suspend(jan, null),
            () -> f.program.partners().reinstate(jan, null),
            () -> f.program.partners().leave(jan, null),
            () -> f.program.payouts().close(NOVEMBER, null),
            () -> f.program.payouts().markFailed(null, ALICE),
            () -> RateChange.programmeWide(null),
            () -> RateChange.forPartner(jan, null),
            () -> export(null),
            () -> f.program.partners().suspend(jan, Act.by("alice smith", "fraud review")),
            () -> f.program.partners().suspend(jan, Act.by("alice", "r".repeat(201))),
            () -> f.program.partners().suspend(jan, Act.by("alice", "fraud\nreview")),
            () -> f.program.partners().suspend(jan, Act.by("alice", "fraud\u0007review")),
            () -> f.program.partners().suspend(jan, Act.by("alice", " ")),
            () -> f.program.partners().suspend(jan, Act.by("", "fraud review")),
            () -> f.program.partners().suspend(jan, Act.by("a".repeat(101), "fraud review")));
    for (ThrowingCallable call : bad) {
      assertThatThrownBy(call).isInstanceOf(InvalidInputException.class);
    }
    assertThat(trail()).isEqualTo(before);
    assertThat(
            ((org.partnerprogram.core.adapter.memory.InMemoryStorage) f.storage).publishedEvents())
        .hasSize(events);
    assertThat(f.program.partners().find(jan).orElseThrow().status())
        .isEqualTo(PartnerStatus.ACTIVE);
    // the longest reason is taken
    is(
        oneRecord(() -> f.program.partners().suspend(jan, Act.by("alice", "r".repeat(200)))),
        AuditAction.PARTNER_SUSPENDED,
        Optional.of(jan),
        "",
        Act.by("alice", "r".repeat(200)));
  }

  @Test
  void aMonthsRecordsAreThoseOfTheMonthInTheProgrammesZone() {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam
    f.clock.set(Instant.parse("2026-11-30T23:30:00Z"));
    f.program.partners().suspend(f.partner.id(), ALICE);
    assertThat(f.program.audit().records(AuditQuery.ofMonth(YearMonth.of(2026, 12))).items())
        .extracting(AuditRecord::action)
        .containsExactly(AuditAction.PARTNER_SUSPENDED);
    assertThat(f.program.audit().records(AuditQuery.ofMonth(NOVEMBER)).items())
        .extracting(AuditRecord::action)
        .containsExactly(AuditAction.RATE_VERSION_ADDED); // the fixture's own card
  }

  @Test
  void pagesFollowTheirPositionsAndAPositionOfAnotherKindIsRefused() {
    PartnerId jan = f.partner.id();
    for (int i = 0; i < 3; i++) {
      f.program.partners().suspend(jan, ALICE);
      f.program.partners().reinstate(jan, ALICE);
    }
    Page<AuditRecord> first = f.program.audit().records(AuditQuery.ofPartner(jan).pageSize(4));
    assertThat(first.items()).extracting(AuditRecord::sequence).containsExactly(7L, 6L, 5L, 4L);
    PagePosition next = first.next().orElseThrow();
    Page<AuditRecord> second =
        f.program.audit().records(AuditQuery.ofPartner(jan).pageSize(4).after(next));
    assertThat(second.items()).extracting(AuditRecord::sequence).containsExactly(3L, 2L);
    assertThat(second.next()).isEmpty();
    assertThatThrownBy(
            () -> f.program.audit().records(AuditQuery.ofActor(ALICE.actor()).after(next)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.program.audit().records(AuditQuery.ofMonth(NOVEMBER).after(next)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AuditQuery.ofPartner(jan).pageSize(201))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AuditQuery.ofActor("alice smith"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.program.audit().records(null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(f.program.audit().verify().recordsChecked()).isEqualTo(7);
  }
}
