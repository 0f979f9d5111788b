/**
 * The partner programme SDK. Start at {@link org.partnerprogram.core.PartnerProgram#builder()}:
 * give it {@link org.partnerprogram.core.domain.ProgramTerms} and a {@link
 * org.partnerprogram.core.port.out.ProgramStorage} (the in-memory one in {@code adapter.memory}, or
 * the JDBC adapter), then use its groups: {@code partners()}, {@code referrals()}, {@code rates()},
 * {@code commissions()} and {@code payouts()}.
 *
 * <p>The only public types here are {@link org.partnerprogram.core.PartnerProgram}, its builder and
 * {@link org.partnerprogram.core.RetryPolicy}. The use cases behind the facade (one service per
 * job: orders, payments, refunds, closing a month, the payout lifecycle, exports, statements, ...)
 * are package-private classes of this package, so a host cannot reach them by accident, on the
 * class path as on the module path.
 *
 * <p>Observing: every call on the groups is one use case, named {@code group.method}; a {@link
 * org.partnerprogram.core.port.out.ProgramObserver} given to the builder hears its outcome,
 * duration and attempts, and a close's or export's progress. While a use case runs, the SLF4J MDC
 * holds {@code useCase}, {@code month} and {@code partner} (an opaque id) where they apply, and
 * {@code programme} if the builder was given a {@code name}; each close and export logs one INFO
 * line, and retries given up log a WARN. No log line holds personal data (names, IBANs, customer or
 * visitor ids, free texts).
 */
package org.partnerprogram.core;
