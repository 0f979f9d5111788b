package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.testkit.Acts;

/** The opt-in automatic retry of use cases that failed transiently. */
class RetryPolicyTest {

  /**
   * In-memory storage whose units of work fail, after doing their work, with a retryable error the
   * first {@code failures} times (so the in-memory adapter undoes them, as a database would).
   */
  static final class FlakyStorage implements ProgramStorage {
    final InMemoryStorage target = new InMemoryStorage();
    final AtomicInteger failuresLeft;
    final AtomicInteger units = new AtomicInteger();
    // Per unit, as a join-or-own storage answers: the host may open a transaction between units.
    volatile boolean owns;

    FlakyStorage(int failures, boolean owns) {
      this.failuresLeft = new AtomicInteger(failures);
      this.owns = owns;
    }

    @Override
    public TransactionBoundary transactions() {
      return new TransactionBoundary() {
        @Override
        public <T> T execute(Supplier<T> work) {
          return target
              .transactions()
              .execute(
                  () -> {
                    units.incrementAndGet();
                    T result = work.get();
                    if (failuresLeft.getAndDecrement() > 0) {
                      throw new RetryableException("injected deadlock", null);
                    }
                    return result;
                  });
        }

        @Override
        public boolean ownsTransactions() {
          return owns;
        }
      };
    }

    @Override
    public PartnerStore partners() {
      return target.partners();
    }

    @Override
    public ReferralCodeStore codes() {
      return target.codes();
    }

    @Override
    public RateStore rates() {
      return target.rates();
    }

    @Override
    public TouchStore touches() {
      return target.touches();
    }

    @Override
    public AttributionStore attributions() {
      return target.attributions();
    }

    @Override
    public OrderStore orders() {
      return target.orders();
    }

    @Override
    public LedgerStore ledger() {
      return target.ledger();
    }

    @Override
    public ProcessedEventStore processedEvents() {
      return target.processedEvents();
    }

    @Override
    public PayoutStore payouts() {
      return target.payouts();
    }

    @Override
    public org.partnerprogram.core.port.out.ErasureStore erasures() {
      return target.erasures();
    }

    @Override
    public org.partnerprogram.core.port.out.ReportStore reports() {
      return target.reports();
    }

    @Override
    public org.partnerprogram.core.port.out.AuditStore audit() {
      return target.audit();
    }

    @Override
    public Optional<EventPublisher> outbox() {
      return target.outbox();
    }
  }

  private static PartnerProgram program(ProgramStorage storage, RetryPolicy retry) {
    return program(storage, retry, ProgramObserver.none());
  }

  private static PartnerProgram program(
      ProgramStorage storage, RetryPolicy retry, ProgramObserver observer) {
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .observer(observer)
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .random(new SplittableRandom(1))
        .retry(retry)
        .build();
  }

  private static final RetryPolicy THREE = RetryPolicy.of(3, Duration.ZERO, Duration.ZERO);

  private static long partners(FlakyStorage storage) {
    return storage
        .target
        .transactions()
        .execute(
            () ->
                storage
                    .target
                    .partners()
                    .findByCustomerAccount(
                        org.partnerprogram.core.domain.CustomerAccountId.of("cust-1"))
                    .stream()
                    .count());
  }

  @Test
  void aUseCaseThatFailedTransientlyIsRepeatedAndTakesEffectOnce() {
    FlakyStorage storage = new FlakyStorage(2, true);
    PartnerProgram program = program(storage, THREE);

    PartnerId id = program.partners().enroll(EnrollPartnerCommand.of("cust-1")).partner().id();

    assertThat(storage.units.get()).isEqualTo(3);
    assertThat(partners(storage)).isEqualTo(1);
    assertThat(program.partners().overview(id)).isPresent();
  }

  @Test
  void theObserverHearsTheAttemptsOfARepeatedUseCase() {
    ObservedProgramme.Recorder heard = new ObservedProgramme.Recorder();
    PartnerProgram program = program(new FlakyStorage(2, true), THREE, heard);

    program.partners().enroll(EnrollPartnerCommand.of("cust-1"));

    assertThat(heard.last().kind()).isEqualTo(UseCaseOutcome.Kind.SUCCEEDED);
    assertThat(heard.last().attempts()).isEqualTo(3);

    PartnerProgram failing = program(new FlakyStorage(5, true), THREE, heard);
    assertThatThrownBy(() -> failing.partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(RetryableException.class);
    assertThat(heard.last().kind()).isEqualTo(UseCaseOutcome.Kind.FAILED);
    assertThat(heard.last().reason()).contains("RetryableException");
    assertThat(heard.last().attempts()).isEqualTo(3);
  }

  @Test
  void afterTheLastAttemptTheRetryableErrorReachesTheHostAndNothingWasWritten() {
    FlakyStorage storage = new FlakyStorage(5, true);
    PartnerProgram program = program(storage, THREE);

    assertThatThrownBy(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(RetryableException.class);
    assertThat(storage.units.get()).isEqualTo(3);
    assertThat(partners(storage)).isZero();
  }

  @Test
  void withoutAPolicyAFailureIsNotRepeated() {
    FlakyStorage storage = new FlakyStorage(1, true);
    PartnerProgram program = program(storage, RetryPolicy.none());

    assertThatThrownBy(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(RetryableException.class);
    assertThat(storage.units.get()).isEqualTo(1);
  }

  @Test
  void aUnitInTheHostsTransactionIsNeverRepeated() {
    FlakyStorage storage = new FlakyStorage(1, false);
    PartnerProgram program = program(storage, THREE);

    assertThatThrownBy(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(RetryableException.class);
    assertThat(storage.units.get()).isEqualTo(1);
  }

  @Test
  void whetherTheStorageOwnsTheUnitIsAskedPerUnitSoOnlyOwnedUnitsAreRepeated() {
    FlakyStorage storage = new FlakyStorage(1, false);
    PartnerProgram program = program(storage, THREE);

    // The host has a transaction open: the unit joins it and is not repeated.
    assertThatThrownBy(() -> program.partners().enroll(EnrollPartnerCommand.of("cust-1")))
        .isInstanceOf(RetryableException.class);
    assertThat(storage.units.get()).isEqualTo(1);

    // No host transaction now: the storage owns the unit, which is repeated and takes effect.
    storage.owns = true;
    storage.failuresLeft.set(1);
    program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
    assertThat(storage.units.get()).isEqualTo(3);
    assertThat(partners(storage)).isEqualTo(1);
  }

  @Test
  void errorsThatAreNotTransientAreNeverRepeated() {
    FlakyStorage storage = new FlakyStorage(0, true);
    PartnerProgram program = program(storage, THREE);

    assertThatThrownBy(
            () ->
                program.partners().suspend(PartnerId.of("p-unknown"), Acts.because("fraud review")))
        .isInstanceOf(NotFoundException.class);
    assertThat(storage.units.get()).isEqualTo(1);
  }

  @Test
  void backoffGrowsExponentiallyUpToItsCapWithFullJitter() {
    RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(10), Duration.ofMillis(100));
    SplittableRandom random = new SplittableRandom(5);
    long[] caps = {10, 20, 40, 80, 100, 100};
    for (int attempt = 1; attempt <= caps.length; attempt++) {
      long max = 0;
      for (int i = 0; i < 2_000; i++) {
        Duration wait = policy.backoff(attempt, random);
        assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(caps[attempt - 1]));
        max = Math.max(max, wait.toNanos());
      }
      // The jitter spreads over the whole range: some wait lands in its top tenth.
      assertThat(max).isGreaterThan(Duration.ofMillis(caps[attempt - 1]).toNanos() * 9 / 10);
    }
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.none().backoff(1, random)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aPolicyOutOfRangeIsRefused() {
    assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RetryPolicy.of(21, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofMillis(-1), Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofMillis(5)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ZERO, Duration.ofMinutes(2)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RetryPolicy.of(3, null, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
  }
}
