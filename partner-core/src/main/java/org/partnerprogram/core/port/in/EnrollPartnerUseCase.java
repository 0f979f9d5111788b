package org.partnerprogram.core.port.in;

/**
 * Enrols a host customer account as a partner, immediately and without obligation. One partner per
 * account: enrolling again returns the partner unchanged, unless it left, in which case the same
 * partner becomes active again.
 */
@FunctionalInterface
public interface EnrollPartnerUseCase {

  /**
   * Enrols a host customer account as a partner, immediately and without obligation. What happens
   * depends on the account's partner, if any ({@link EnrollmentResult#outcome()}):
   *
   * <ul>
   *   <li>none: a new ACTIVE partner with the command's payout account, if given, and its first
   *       referral code ({@link EnrollmentResult.Outcome#NEW_PARTNER});
   *   <li>ACTIVE or SUSPENDED: nothing is written, the partner is returned as stored, whatever the
   *       command's payout account ({@link EnrollmentResult.Outcome#ALREADY_MEMBER}); a redelivered
   *       enrolment ends here;
   *   <li>TERMINATED (the partner left): the same partner is ACTIVE again, with its id, enrolment
   *       date, history, ledger and balance (also a negative one) unchanged. A payout account given
   *       replaces the one on file (with a history entry); none keeps it. Every code of the earlier
   *       membership still live is revoked and one fresh code issued ({@link
   *       EnrollmentResult.Outcome#REJOINED}). Orders placed while the partner was away earn
   *       nothing, also when reported later; orders placed from now on earn again for the customers
   *       attributed to the partner.
   * </ul>
   *
   * @param command the command; never null
   * @return what happened, the partner and the code issued; never null
   * @throws org.partnerprogram.core.domain.RetryableException if a concurrent enrolment of the same
   *     account changed it first; nothing was written, and enrolling again returns its outcome
   */
  EnrollmentResult enroll(EnrollPartnerCommand command);
}
