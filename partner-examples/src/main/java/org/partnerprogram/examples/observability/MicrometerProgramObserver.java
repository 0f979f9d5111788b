package org.partnerprogram.examples.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.core.port.out.WorkProgress;

/**
 * A {@link ProgramObserver} that records Micrometer meters:
 *
 * <ul>
 *   <li>{@value #USE_CASES}: a timer per use case ({@code use_case}, such as {@code
 *       commissions.recordPayment}) and outcome ({@code outcome}: {@code succeeded}, {@code
 *       redelivered}, {@code refused}, {@code failed});
 *   <li>{@value #REFUSALS}: a counter per use case and reason (the typed exception's simple name,
 *       such as {@code NotFoundException});
 *   <li>{@value #RETRIES}: a counter per use case of units of work repeated after transient
 *       failures;
 *   <li>{@value #CLOSE_PROGRESS}: the share of the running (or last) close's partners settled, 0 to
 *       1, for a dashboard's progress bar; {@value #CLOSE_PARTNERS}: partners the last close
 *       settled; {@value #CLOSE_LAST_SUCCESS}: when the last close succeeded, in seconds since the
 *       epoch by the registry's clock (alert when it is more than a month and a few days old).
 * </ul>
 *
 * Tags hold names and outcomes only, never personal data. Safe for concurrent use.
 */
public final class MicrometerProgramObserver implements ProgramObserver {
  /** Timer of use cases, by {@code use_case} and {@code outcome}. */
  public static final String USE_CASES = "partner.program.use.cases";

  /** Counter of refusals, by {@code use_case} and {@code reason}. */
  public static final String REFUSALS = "partner.program.refusals";

  /** Counter of repeated attempts, by {@code use_case}. */
  public static final String RETRIES = "partner.program.retries";

  /** Gauge: the share of the current or last close done, 0 to 1. */
  public static final String CLOSE_PROGRESS = "partner.program.close.progress";

  /** Gauge: how many partners the last finished close settled. */
  public static final String CLOSE_PARTNERS = "partner.program.close.last.partners";

  /** Gauge: when the last close succeeded, in seconds since the epoch (0 before any). */
  public static final String CLOSE_LAST_SUCCESS = "partner.program.close.last.success";

  private static final String CLOSE = "payouts.close";

  private final MeterRegistry registry;
  private final AtomicLong progressMillionths = new AtomicLong();
  private final AtomicLong settled = new AtomicLong();
  private final AtomicLong closedPartners = new AtomicLong();
  private final AtomicLong lastSuccessMillis = new AtomicLong();

  /**
   * Binds to a registry and registers the close's gauges.
   *
   * @param registry where the meters go; never null
   */
  public MicrometerProgramObserver(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Gauge.builder(CLOSE_PROGRESS, progressMillionths, p -> p.get() / 1_000_000.0)
        .description("share of the running or last month close's partners settled")
        .register(registry);
    Gauge.builder(CLOSE_PARTNERS, closedPartners, AtomicLong::get)
        .description("partners settled by the last month close")
        .register(registry);
    Gauge.builder(CLOSE_LAST_SUCCESS, lastSuccessMillis, m -> m.get() / 1000.0)
        .description("when the last month close succeeded")
        .baseUnit("seconds")
        .register(registry);
  }

  @Override
  public UseCaseScope started(String useCase) {
    return this::record;
  }

  private void record(UseCaseOutcome outcome) {
    String kind = outcome.kind().name().toLowerCase(Locale.ROOT);
    Timer.builder(USE_CASES)
        .description("calls of the partner programme's use cases")
        .tag("use_case", outcome.useCase())
        .tag("outcome", kind)
        .register(registry)
        .record(outcome.duration().toNanos(), TimeUnit.NANOSECONDS);
    if (outcome.kind() == UseCaseOutcome.Kind.REFUSED) {
      Counter.builder(REFUSALS)
          .description("use cases refused with a typed error, by reason")
          .tag("use_case", outcome.useCase())
          .tag("reason", outcome.reason().orElseThrow())
          .register(registry)
          .increment();
    }
    if (outcome.attempts() > 1) {
      Counter.builder(RETRIES)
          .description("units of work repeated after a transient failure")
          .tag("use_case", outcome.useCase())
          .register(registry)
          .increment(outcome.attempts() - 1.0);
    }
    if (outcome.useCase().equals(CLOSE) && outcome.kind() == UseCaseOutcome.Kind.SUCCEEDED) {
      closedPartners.set(settled.get());
      lastSuccessMillis.set(registry.config().clock().wallTime());
    }
  }

  @Override
  public void progressed(WorkProgress progress) {
    if (!progress.work().equals(WorkProgress.CLOSE)) {
      return;
    }
    settled.set(progress.done());
    progress.fraction().ifPresent(share -> progressMillionths.set(Math.round(share * 1_000_000)));
  }
}
