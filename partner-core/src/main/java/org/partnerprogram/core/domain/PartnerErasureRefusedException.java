package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner cannot be erased yet: the programme or its books still need the partner's data. {@link
 * #reason()} says why, and {@link #until()} until when, where that is known in advance. Nothing was
 * changed.
 */
public final class PartnerErasureRefusedException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** Why an erasure is refused. */
  public enum Reason {
    /** The partner is ACTIVE or SUSPENDED: it must leave the programme first. */
    STILL_ACTIVE,
    /**
     * A payout to the partner is on its way (CREATED or EXPORTED): it must be marked paid or failed
     * first.
     */
    PAYOUT_IN_PROGRESS,
    /**
     * The partner's balance is not zero: commission pending, held or payable, or a negative balance
     * after a refund, is still to be paid or settled.
     */
    OPEN_BALANCE,
    /**
     * The partner's latest ledger entry or payout is younger than the programme's bookkeeping
     * retention: the books must keep what explains the payments until {@link #until()}.
     */
    WITHIN_RETENTION
  }

  private final PartnerId partnerId;
  private final Reason reason;
  private final Instant until;

  /**
   * Creates the exception.
   *
   * @param partnerId the partner; never null
   * @param reason why; never null
   * @param until the first instant an erasure can succeed as far as this reason goes, when known in
   *     advance ({@link Reason#WITHIN_RETENTION}); may be null
   * @param detail what to do, in words; never null
   */
  public PartnerErasureRefusedException(
      PartnerId partnerId, Reason reason, Instant until, String detail) {
    super(
        "partner "
            + Objects.requireNonNull(partnerId, "partnerId")
            + " cannot be erased yet ("
            + Objects.requireNonNull(reason, "reason")
            + (until == null ? "" : ", until " + until)
            + "): "
            + Objects.requireNonNull(detail, "detail"));
    this.partnerId = partnerId;
    this.reason = reason;
    this.until = until;
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
   * Why the erasure was refused.
   *
   * @return never null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Until when the reason holds, when known in advance: for {@link Reason#WITHIN_RETENTION}, the
   * instant the bookkeeping retention of the partner's latest ledger entry or payout ends. The
   * other reasons end when the host acts (the partner leaves, a payout is settled, the balance is
   * paid), so they carry none.
   *
   * @return the instant, or empty; never null
   */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }
}
