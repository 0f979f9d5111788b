package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.core.ObservedProgramme.DECEMBER_FIRST;
import static org.partnerprogram.core.ObservedProgramme.NOVEMBER;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.core.port.out.UseCaseOutcome.Kind;
import org.partnerprogram.core.port.out.WorkProgress;
import org.partnerprogram.testkit.Acts;
import org.slf4j.MDC;

/** What a {@link ProgramObserver} hears around use cases, closes and exports. */
class ProgramObserverTest {

  @Test
  void everyUseCaseIsReportedOnceWithItsNameOutcomeDurationAndAttempts() {
    ObservedProgramme world = new ObservedProgramme();
    world.partnerWithBalance(1);
    ObservedProgramme.Recorder heard = world.recorder;

    assertThat(heard.started)
        .containsExactly(
            "rates.change",
            "partners.enroll",
            "referrals.issueVanityCode",
            "referrals.recordTouch",
            "referrals.attributeSignup",
            "commissions.recordOrder",
            "commissions.recordPayment");
    assertThat(heard.outcomes)
        .extracting(UseCaseOutcome::useCase)
        .containsExactlyElementsOf(heard.started);
    UseCaseOutcome payment = heard.last();
    assertThat(payment.kind()).isEqualTo(Kind.SUCCEEDED);
    assertThat(payment.reason()).isEmpty();
    assertThat(payment.attempts()).isEqualTo(1);
    // Two readings of the ticker, 5 ms apart: the duration is the ticker's, not the clock's
    // (which did not move at all).
    assertThat(payment.duration()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void aRedeliveryARefusalAndAnIdempotencyConflictAreToldApart() {
    ObservedProgramme world = new ObservedProgramme();
    world.partnerWithBalance(1);
    ObservedProgramme.Recorder heard = world.recorder;

    world.pay(1);
    assertThat(heard.last().kind()).isEqualTo(Kind.REDELIVERED);

    world.program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
    assertThat(heard.last().useCase()).isEqualTo("partners.enroll");
    assertThat(heard.last().kind()).isEqualTo(Kind.REDELIVERED);

    world.clock.advance(Duration.ofHours(1));
    RecordPaymentCommand otherPayload =
        new RecordPaymentCommand(EventId.of("pay-1"), OrderId.of("o-1"), world.clock.instant());
    assertThatThrownBy(() -> world.program.commissions().recordPayment(otherPayload))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(heard.last().kind()).isEqualTo(Kind.REFUSED);
    assertThat(heard.last().reason()).contains("IdempotencyConflictException");
    assertThat(heard.last().error()).containsInstanceOf(IdempotencyConflictException.class);

    assertThatThrownBy(() -> world.program.partners().leave(PartnerId.of("nobody")))
        .isInstanceOf(NotFoundException.class);
    assertThat(heard.last().useCase()).isEqualTo("partners.leave");
    assertThat(heard.last().reason()).contains("NotFoundException");

    assertThatThrownBy(() -> world.program.payouts().close(null, Acts.TEST))
        .isInstanceOf(InvalidInputException.class);
    assertThat(heard.last().kind()).isEqualTo(Kind.REFUSED);
    assertThat(heard.last().reason()).contains("InvalidInputException");
  }

  @Test
  void anUnexpectedExceptionIsAFailure() {
    ObservedProgramme world = new ObservedProgramme();
    PartnerId id = world.partnerWithBalance(1);

    world.clock.set(DECEMBER_FIRST);
    world.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThatThrownBy(
            () ->
                world
                    .program
                    .payouts()
                    .forEachPayout(
                        NOVEMBER,
                        p -> {
                          throw new IllegalStateException("the host's action broke on " + id);
                        }))
        .isInstanceOf(IllegalStateException.class);

    UseCaseOutcome failed = world.recorder.last();
    assertThat(failed.useCase()).isEqualTo("payouts.forEachPayout");
    assertThat(failed.kind()).isEqualTo(Kind.FAILED);
    assertThat(failed.reason()).contains("IllegalStateException");
  }

  @Test
  void aCloseReportsItsProgressPageByPageAndASecondCloseIsARedelivery() {
    ObservedProgramme world = new ObservedProgramme();
    int partners = PeriodCloseService.PAGE * 2 + 3;
    for (int n = 1; n <= partners; n++) {
      world.partnerWithBalance(n);
    }
    world.clock.set(DECEMBER_FIRST);

    PeriodCloseResult closed = world.program.payouts().close(NOVEMBER, Acts.TEST);

    assertThat(closed.payoutCount()).isEqualTo(partners);
    assertThat(world.recorder.progress)
        .containsExactly(
            new WorkProgress(WorkProgress.CLOSE, NOVEMBER, 0, OptionalLong.of(partners)),
            new WorkProgress(WorkProgress.CLOSE, NOVEMBER, 500, OptionalLong.of(partners)),
            new WorkProgress(WorkProgress.CLOSE, NOVEMBER, 1000, OptionalLong.of(partners)),
            new WorkProgress(WorkProgress.CLOSE, NOVEMBER, partners, OptionalLong.of(partners)));
    assertThat(world.recorder.progress.get(2).fraction().orElseThrow())
        .isEqualTo(1000.0 / partners);
    assertThat(world.recorder.last().kind()).isEqualTo(Kind.SUCCEEDED);

    world.program.payouts().close(NOVEMBER, Acts.TEST);
    assertThat(world.recorder.last().kind()).isEqualTo(Kind.REDELIVERED);
    assertThat(world.recorder.progress).hasSize(4);
  }

  @Test
  void anExportReportsItsPayoutsWritten() {
    ObservedProgramme world = new ObservedProgramme();
    world.partnerWithBalance(1);
    world.partnerWithBalance(2);
    world.clock.set(DECEMBER_FIRST);
    world.program.payouts().close(NOVEMBER, Acts.TEST);
    world.recorder.progress.clear();

    world.program.payouts().export(ObservedProgramme.export(NOVEMBER));

    assertThat(world.recorder.progress)
        .containsExactly(
            new WorkProgress(WorkProgress.EXPORT, NOVEMBER, 0, OptionalLong.of(2)),
            new WorkProgress(WorkProgress.EXPORT, NOVEMBER, 2, OptionalLong.of(2)));
    assertThat(world.recorder.last().useCase()).isEqualTo("payouts.export");
  }

  @Test
  void anObserverThatThrowsNeverBreaksAUseCase() {
    ObservedProgramme world = new ObservedProgramme(ObservedProgramme.throwing());
    PartnerId id = world.partnerWithBalance(1);
    world.clock.set(DECEMBER_FIRST);

    PeriodCloseResult closed = world.program.payouts().close(NOVEMBER, Acts.TEST);

    assertThat(closed.payoutCount()).isEqualTo(1);
    assertThat(world.program.partners().overview(id)).isPresent();
    assertThatThrownBy(() -> world.program.partners().leave(PartnerId.of("nobody")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anObserverThatThrowsWhenStartedOrReturnsNoScopeIsIgnoredToo() {
    ObservedProgramme failing =
        new ObservedProgramme(
            new ProgramObserver() {
              @Override
              public UseCaseScope started(String useCase) {
                throw new IllegalStateException("no span today");
              }
            });
    assertThat(failing.partnerWithBalance(1)).isNotNull();

    ObservedProgramme nullScope =
        new ObservedProgramme(
            new ProgramObserver() {
              @Override
              public UseCaseScope started(String useCase) {
                return null;
              }
            });
    assertThat(nullScope.partnerWithBalance(1)).isNotNull();
  }

  @Test
  void theMdcNamesTheProgrammeUseCaseMonthAndPartnerDuringTheCallAndIsRestoredAfter() {
    AtomicReference<Optional<String>> seen = new AtomicReference<>(Optional.empty());
    ObservedProgramme world =
        new ObservedProgramme(
            new ProgramObserver() {
              @Override
              public UseCaseScope started(String useCase) {
                if (useCase.equals("payouts.close") || useCase.equals("partners.leave")) {
                  seen.set(
                      Optional.of(
                          MDC.get("programme")
                              + " "
                              + MDC.get("useCase")
                              + " "
                              + MDC.get("month")
                              + " "
                              + MDC.get("partner")));
                }
                return UseCaseScope.NOTHING;
              }
            });
    PartnerId id = world.partnerWithBalance(1);
    world.clock.set(DECEMBER_FIRST);
    MDC.put("month", "the host's own");
    try {
      world.program.payouts().close(NOVEMBER, Acts.TEST);
      assertThat(seen.get()).contains("hosting-nl payouts.close 2026-11 null");
      assertThat(MDC.get("month")).isEqualTo("the host's own");
      assertThat(MDC.get("useCase")).isNull();
      assertThat(MDC.get("programme")).isNull();

      world.program.partners().leave(id);
      assertThat(seen.get()).contains("hosting-nl partners.leave the host's own " + id.value());
      assertThat(MDC.get("partner")).isNull();
    } finally {
      MDC.remove("month");
    }
  }

  @Test
  void theObserverDefaultsToNothingAndItsNamesAreChecked() {
    assertThat(ProgramObserver.none().started("x")).isSameAs(ProgramObserver.UseCaseScope.NOTHING);
    assertThatThrownBy(() -> PartnerProgram.builder().name("with space"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                new UseCaseOutcome(
                    "x", Kind.REFUSED, Optional.empty(), Optional.empty(), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkProgress(WorkProgress.CLOSE, NOVEMBER, 3, OptionalLong.of(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WorkProgress(WorkProgress.CLOSE, NOVEMBER, 0, OptionalLong.of(0)).fraction())
        .hasValue(1.0);
    assertThat(List.of(Kind.values())).hasSize(4);
  }
}
