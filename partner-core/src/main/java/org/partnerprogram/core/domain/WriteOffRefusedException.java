package org.partnerprogram.core.domain;

import java.util.Objects;

/** A partner's balance cannot be written off: {@link #reason()} says why. Nothing was changed. */
public final class WriteOffRefusedException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** Why a write-off is refused. */
  public enum Reason {
    /** The partner is ACTIVE or SUSPENDED: later earnings net against what it owes instead. */
    STILL_A_PARTNER,
    /** The balance is zero or positive: there is nothing owed to forgive. */
    NOTHING_OWED,
    /**
     * Commission is still pending or held: what the partner owes is not known until it is settled.
     */
    BALANCE_NOT_SETTLED,
    /** A payout to the partner is on its way: mark it paid or failed first. */
    PAYOUT_IN_PROGRESS
  }

  private final PartnerId partnerId;
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param partnerId the partner; never null
   * @param reason why; never null
   * @param detail what to do, in words; never null
   */
  public WriteOffRefusedException(PartnerId partnerId, Reason reason, String detail) {
    super(
        "the balance of partner "
            + Objects.requireNonNull(partnerId, "partnerId")
            + " cannot be written off ("
            + Objects.requireNonNull(reason, "reason")
            + "): "
            + Objects.requireNonNull(detail, "detail"));
    this.partnerId = partnerId;
    this.reason = reason;
  }

  /**
   * The partner.
   *
   * @return never null
   */
  public PartnerId partnerId() {
    return partnerId;
  }

  /**
   * Why the write-off was refused.
   *
   * @return never null
   */
  public Reason reason() {
    return reason;
  }
}
