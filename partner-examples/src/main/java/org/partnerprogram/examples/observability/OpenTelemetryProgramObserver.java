package org.partnerprogram.examples.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.Objects;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.core.port.out.WorkProgress;

/**
 * A {@link ProgramObserver} that opens an OpenTelemetry span per use case, named for it (such as
 * {@code payouts.close}), current while the use case runs (so the host's JDBC instrumentation nests
 * under it), with the attributes {@value #OUTCOME}, {@value #ATTEMPTS} and, when refused or failed,
 * {@value #REASON}. A failure sets the span's status to ERROR; a refusal (the host's bad input, a
 * conflict) leaves it unset, as an HTTP server does for a 4xx. A close's and an export's progress
 * become span events. No exception message is recorded: it may quote personal input.
 */
public final class OpenTelemetryProgramObserver implements ProgramObserver {
  /** Attribute: how the use case ended, {@code succeeded} / {@code redelivered} / ... */
  public static final String OUTCOME = "partner.outcome";

  /** Attribute: how many times its unit of work ran. */
  public static final String ATTEMPTS = "partner.attempts";

  /** Attribute: the typed exception's simple name, when refused or failed. */
  public static final String REASON = "partner.reason";

  private static final AttributeKey<String> OUTCOME_KEY = AttributeKey.stringKey(OUTCOME);
  private static final AttributeKey<Long> ATTEMPTS_KEY = AttributeKey.longKey(ATTEMPTS);
  private static final AttributeKey<String> REASON_KEY = AttributeKey.stringKey(REASON);
  private static final AttributeKey<Long> DONE = AttributeKey.longKey("partner.progress.done");
  private static final AttributeKey<Long> TOTAL = AttributeKey.longKey("partner.progress.total");
  private static final AttributeKey<String> MONTH = AttributeKey.stringKey("partner.month");

  private final Tracer tracer;

  /**
   * Traces with the given tracer.
   *
   * @param tracer from the host's {@code OpenTelemetry}, such as {@code
   *     openTelemetry.getTracer("partner-programme")}; never null
   */
  public OpenTelemetryProgramObserver(Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  // The scope outlives this method on purpose: the SDK calls the returned UseCaseScope exactly
  // once, on this thread, when the use case ended, and that closes it.
  @SuppressWarnings("MustBeClosedChecker")
  @Override
  public UseCaseScope started(String useCase) {
    Span span = tracer.spanBuilder(useCase).setSpanKind(SpanKind.INTERNAL).startSpan();
    Scope current = span.makeCurrent();
    return outcome -> {
      try {
        span.setAttribute(OUTCOME_KEY, outcome.kind().name().toLowerCase(Locale.ROOT));
        span.setAttribute(ATTEMPTS_KEY, (long) outcome.attempts());
        outcome.reason().ifPresent(reason -> span.setAttribute(REASON_KEY, reason));
        if (outcome.kind() == UseCaseOutcome.Kind.FAILED) {
          span.setStatus(StatusCode.ERROR, outcome.reason().orElseThrow());
        }
      } finally {
        current.close();
        span.end();
      }
    };
  }

  @Override
  public void progressed(WorkProgress progress) {
    Span current = Span.current();
    var attributes =
        Attributes.builder().put(MONTH, progress.month().toString()).put(DONE, progress.done());
    progress.total().ifPresent(total -> attributes.put(TOTAL, total));
    current.addEvent(progress.work() + ".progress", attributes.build());
  }
}
