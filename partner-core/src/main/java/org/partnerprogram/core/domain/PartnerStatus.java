package org.partnerprogram.core.domain;

/** Where a partner stands in the programme. */
public enum PartnerStatus {
  /** Enrolled: earns commission and is paid out. */
  ACTIVE,
  /**
   * Temporarily frozen (for example during a fraud review): codes do not attribute, payouts wait.
   */
  SUSPENDED,
  /**
   * Left the programme. Money already earned is still paid out. Enrolling the customer account
   * again makes the same partner ACTIVE again.
   */
  TERMINATED,
  /**
   * Left and erased (GDPR art. 17): the customer account id is replaced by its keyed pseudonym, the
   * payout accounts are gone, the codes are revoked for good. Final: nothing changes an erased
   * partner; enrolling the customer account again makes a new partner.
   */
  ERASED
}
