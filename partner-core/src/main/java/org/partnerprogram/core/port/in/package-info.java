/**
 * What the host calls (inbound ports), grouped by what a host does: {@link Partners} (enrolment,
 * the partner's lifecycle, the payout account, the partner page), {@link Referrals} (clicks,
 * signups, codes), {@link Rates} (the rate card), {@link Commissions} (orders, payments, refunds),
 * {@link Payouts} (closing a month, bank files, statements), {@link Privacy} (retention, {@link
 * RetentionRun}; erasure; access, {@link PartnerExport}), {@link Corrections} (adjustments and
 * write-offs), {@link Reports} (support's and finance's lists and figures across partners, {@link
 * PartnerListQuery}, {@link MonthPayoutsQuery}) and {@link Audit} (who did which administrative act
 * and why, {@link AuditQuery}, {@link AuditVerification}). Every administrative method takes an
 * {@link org.partnerprogram.core.domain.Act}: who acts and why. Get them from {@link
 * org.partnerprogram.core.PartnerProgram}: {@code program.partners().enroll(
 * EnrollPartnerCommand.of("cust-42"))}. Commands with optional parts are built step by step ({@link
 * AttributeSignupCommand#newCustomer}, {@link RecordOrderCommand#builder}, {@link RateChange}); a
 * command that exists is valid. Outcomes with more than one kind are sealed types ({@link
 * OrderResult}, {@link PaymentResult}, {@link RefundResult}, {@link TouchResult}).
 */
package org.partnerprogram.core.port.in;
