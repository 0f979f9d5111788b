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
  TERMINATED
}
