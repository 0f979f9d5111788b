package org.partnerprogram.core.port.in;

/**
 * Enrols a host customer account as a partner, immediately and without obligation, and issues its
 * first referral code. Enrolling an account that is a partner already returns that partner
 * unchanged.
 */
@FunctionalInterface
public interface EnrollPartnerUseCase {

  /**
   * Enrols a host customer account as a partner, immediately and without obligation, and issues its
   * first referral code. Enrolling an account that is a partner already returns that partner
   * unchanged.
   *
   * @param command the command; never null
   * @return the partner and whether it was enrolled just now; never null
   */
  EnrollmentResult enroll(EnrollPartnerCommand command);
}
