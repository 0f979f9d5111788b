package org.partnerprogram.examples.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.testkit.Acts;

/** The meters the Micrometer binding records over a month of a programme. */
class MicrometerProgramObserverTest {
  private final MockClock time = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, time);
  private final ObservedMonth month = new ObservedMonth(new MicrometerProgramObserver(registry));

  @Test
  void timesEachUseCaseByOutcomeAndCountsRefusalsByReason() {
    month.partnerWithBalance(1);
    month.partnerWithBalance(2);
    month.pay(1);
    assertThatThrownBy(() -> month.program.partners().leave(PartnerId.of("nobody")))
        .isInstanceOf(NotFoundException.class);

    assertThat(timer("commissions.recordPayment", "succeeded").count()).isEqualTo(2);
    assertThat(timer("commissions.recordPayment", "redelivered").count()).isEqualTo(1);
    assertThat(timer("partners.enroll", "succeeded").count()).isEqualTo(2);
    assertThat(timer("partners.leave", "refused").count()).isEqualTo(1);
    assertThat(timer("partners.enroll", "succeeded").totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(
            registry
                .get(MicrometerProgramObserver.REFUSALS)
                .tag("use_case", "partners.leave")
                .tag("reason", "NotFoundException")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.find(MicrometerProgramObserver.RETRIES).counters()).isEmpty();
  }

  @Test
  void gaugesTheLastCloseItsPartnersAndItsProgress() {
    assertThat(gauge(MicrometerProgramObserver.CLOSE_LAST_SUCCESS)).isZero();
    month.partnerWithBalance(1);
    month.partnerWithBalance(2);
    month.partnerWithBalance(3);
    time.add(Duration.ofSeconds(1_800_000_000L));

    month.closeNovember();

    assertThat(gauge(MicrometerProgramObserver.CLOSE_PROGRESS)).isEqualTo(1.0);
    assertThat(gauge(MicrometerProgramObserver.CLOSE_PARTNERS)).isEqualTo(3.0);
    assertThat(gauge(MicrometerProgramObserver.CLOSE_LAST_SUCCESS))
        .isEqualTo(time.wallTime() / 1000.0);
    assertThat(timer("payouts.close", "succeeded").count()).isEqualTo(1);

    // Closing again is a redelivery: it does not move the gauge of the last success.
    double closedAt = gauge(MicrometerProgramObserver.CLOSE_LAST_SUCCESS);
    time.add(Duration.ofHours(1));
    month.program.payouts().close(ObservedMonth.NOVEMBER, Acts.TEST);
    assertThat(timer("payouts.close", "redelivered").count()).isEqualTo(1);
    assertThat(gauge(MicrometerProgramObserver.CLOSE_LAST_SUCCESS)).isEqualTo(closedAt);

    month.exportNovember();
    assertThat(timer("payouts.export", "succeeded").count()).isEqualTo(1);
    assertThat(gauge(MicrometerProgramObserver.CLOSE_PARTNERS)).isEqualTo(3.0);
  }

  private Timer timer(String useCase, String outcome) {
    return registry
        .get(MicrometerProgramObserver.USE_CASES)
        .tag("use_case", useCase)
        .tag("outcome", outcome)
        .timer();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }
}
