package org.partnerprogram.core.domain;

/** Where a payout stands: created, exported to the bank, then paid, or failed. */
public enum PayoutStatus {
  /** Made by a period close; not yet in a bank file. */
  CREATED,
  /** Written to a bank file. */
  EXPORTED,
  /** The bank paid it. Final. */
  PAID,
  /** The bank rejected it; its amount went back to the partner's payable balance. Final. */
  FAILED
}
