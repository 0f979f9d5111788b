package org.partnerprogram.examples.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;

/** The spans the OpenTelemetry binding makes, read back from the SDK's in-memory exporter. */
class OpenTelemetryProgramObserverTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetryProgramObserver observer =
      new OpenTelemetryProgramObserver(tracing.get("partner-programme"));

  @AfterEach
  void shutDown() {
    tracing.shutdown();
  }

  @Test
  void aSpanPerUseCaseWithItsOutcomeAndTheCloseProgressAsEvents() {
    ObservedMonth month = new ObservedMonth(observer);
    month.partnerWithBalance(1);
    month.pay(1);
    assertThatThrownBy(() -> month.program.partners().leave(PartnerId.of("nobody")))
        .isInstanceOf(NotFoundException.class);
    month.closeNovember();

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsSubsequence(
            "partners.enroll",
            "commissions.recordPayment",
            "commissions.recordPayment",
            "partners.leave",
            "payouts.close");
    SpanData redelivered = named(spans, "commissions.recordPayment").get(1);
    assertThat(redelivered.getAttributes().get(AttributeKey.stringKey("partner.outcome")))
        .isEqualTo("redelivered");
    assertThat(redelivered.getAttributes().get(AttributeKey.longKey("partner.attempts")))
        .isEqualTo(1L);

    SpanData refused = named(spans, "partners.leave").get(0);
    assertThat(refused.getAttributes().get(AttributeKey.stringKey("partner.outcome")))
        .isEqualTo("refused");
    assertThat(refused.getAttributes().get(AttributeKey.stringKey("partner.reason")))
        .isEqualTo("NotFoundException");
    assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData close = named(spans, "payouts.close").get(0);
    assertThat(close.getEvents())
        .extracting(EventData::getName)
        .containsOnly("payouts.close.progress");
    EventData last = close.getEvents().get(close.getEvents().size() - 1);
    assertThat(last.getAttributes().get(AttributeKey.longKey("partner.progress.done")))
        .isEqualTo(1L);
    assertThat(last.getAttributes().get(AttributeKey.longKey("partner.progress.total")))
        .isEqualTo(1L);
  }

  @Test
  void aFailureSetsTheStatusToErrorAndTheSpanNestsUnderTheHostsSpan() {
    ObservedMonth month = new ObservedMonth(observer);
    month.partnerWithBalance(1);
    month.closeNovember();

    Span request = tracing.get("host").spanBuilder("GET /admin/payouts").startSpan();
    try (Scope inRequest = request.makeCurrent()) {
      assertThatThrownBy(
              () ->
                  month
                      .program
                      .payouts()
                      .forEachPayout(
                          ObservedMonth.NOVEMBER,
                          p -> {
                            throw new IllegalStateException("the host's page broke");
                          }))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      request.end();
    }

    SpanData failed = named(exporter.getFinishedSpanItems(), "payouts.forEachPayout").get(0);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getStatus().getDescription()).isEqualTo("IllegalStateException");
    assertThat(failed.getAttributes().get(AttributeKey.stringKey("partner.outcome")))
        .isEqualTo("failed");
    assertThat(failed.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(failed.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
    // The use case's span is no longer current once it ended.
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  private static List<SpanData> named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }
}
