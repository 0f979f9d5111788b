/**
 * The programme's domain: values, aggregates and policies, free of any framework or storage.
 *
 * <p>Entry points: {@link org.partnerprogram.core.domain.ProgramTerms} (the programme's rules, with
 * its {@link org.partnerprogram.core.domain.PayoutRail}), {@link
 * org.partnerprogram.core.domain.Money}, {@link org.partnerprogram.core.domain.Iban}, {@link
 * org.partnerprogram.core.domain.PayoutAccount} (whose holder name {@link
 * org.partnerprogram.core.domain.Transliteration} must carry into a bank file), {@link
 * org.partnerprogram.core.domain.ReferralCode}, {@link org.partnerprogram.core.domain.Partner},
 * {@link org.partnerprogram.core.domain.RateVersion}. Every exception the SDK throws on purpose
 * extends {@link org.partnerprogram.core.domain.PartnerProgramException}.
 */
@ValueStyle
package org.partnerprogram.core.domain;
