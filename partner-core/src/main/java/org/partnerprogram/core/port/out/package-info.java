/**
 * The SPI: what the core needs from the world. {@link
 * org.partnerprogram.core.port.out.ProgramStorage} groups the stores ({@link
 * org.partnerprogram.core.port.out.PartnerStore}, {@link
 * org.partnerprogram.core.port.out.ReferralCodeStore}, {@link
 * org.partnerprogram.core.port.out.RateStore}, and the rest, down to {@link
 * org.partnerprogram.core.port.out.ReportStore} for the reports across partners) with their {@link
 * org.partnerprogram.core.port.out.TransactionBoundary}; events leave through {@link
 * org.partnerprogram.core.port.out.EventPublisher}; {@link
 * org.partnerprogram.core.port.out.ProgramObserver} hears every use case's outcome and duration and
 * a close's or export's progress, for the host's metrics, traces and progress bars. Clock and
 * randomness are plain {@link java.time.Clock} and {@link java.util.random.RandomGenerator}.
 */
package org.partnerprogram.core.port.out;
