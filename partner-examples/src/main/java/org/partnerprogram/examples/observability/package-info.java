/**
 * Two bindings of the SDK's {@link org.partnerprogram.core.port.out.ProgramObserver}, for hosts to
 * copy: {@link org.partnerprogram.examples.observability.MicrometerProgramObserver} (a timer per
 * use case and outcome, refusals counted by reason, gauges of the last close) and {@link
 * org.partnerprogram.examples.observability.OpenTelemetryProgramObserver} (a span per use case).
 * The core never depends on either library; a host passes one to {@code
 * PartnerProgram.builder().observer(...)}.
 */
package org.partnerprogram.examples.observability;
