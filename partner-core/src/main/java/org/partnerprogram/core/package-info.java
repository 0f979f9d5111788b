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
 */
package org.partnerprogram.core;
