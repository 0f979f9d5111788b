/**
 * The partner programme SDK. Start at {@link org.partnerprogram.core.PartnerProgram#builder()}:
 * give it {@link org.partnerprogram.core.domain.ProgramTerms} and a {@link
 * org.partnerprogram.core.port.out.ProgramStorage} (the in-memory one in {@code adapter.memory}, or
 * the JDBC adapter), then use its groups: {@code partners()}, {@code referrals()}, {@code rates()},
 * {@code commissions()} and {@code payouts()}.
 */
package org.partnerprogram.core;
