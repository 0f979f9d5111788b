package org.partnerprogram.core.domain;

/**
 * What an administrative act did, as the audit trail records it ({@link AuditRecord#action()}). The
 * names are stored; a new act adds a constant, none is renamed.
 */
public enum AuditAction {
  /** A partner was suspended; the subject is empty. */
  PARTNER_SUSPENDED,
  /** A suspension was lifted; the subject is empty. */
  PARTNER_REINSTATED,
  /** A partner was taken out of the programme on the operator's behalf; the subject is empty. */
  PARTNER_REMOVED,
  /** A rate version was added; the subject is its number, e.g. {@code 3}. */
  RATE_VERSION_ADDED,
  /** A manual adjustment was booked on a partner's balance; the subject is its id. */
  ADJUSTMENT_BOOKED,
  /** A partner's balance was written off; the subject is the write-off's id. */
  BALANCE_WRITTEN_OFF,
  /** A commission under review was approved; the subject names the commission. */
  COMMISSION_APPROVED,
  /** A commission under review was rejected; the subject names the commission. */
  COMMISSION_REJECTED,
  /** A referred customer was attributed to another partner; the subject names the customer. */
  CUSTOMER_REATTRIBUTED,
  /** A month was closed; the subject is the month, e.g. {@code 2026-11}. */
  MONTH_CLOSED,
  /** A month's payouts were exported for the bank; the subject is the month. */
  PAYOUTS_EXPORTED,
  /** A payout was marked paid; the subject is the payout id. */
  PAYOUT_PAID,
  /** A payout was marked failed; the subject is the payout id. */
  PAYOUT_FAILED
}
