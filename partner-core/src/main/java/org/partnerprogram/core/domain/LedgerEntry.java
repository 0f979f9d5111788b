package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only movement of commission: for one order line, or an operator's adjustment of a
 * partner's balance. Nothing is ever edited or deleted: corrections are entries of their own.
 *
 * <ul>
 *   <li>{@link Kind#ACCRUED}: the order was recorded; the commission is pending.
 *   <li>{@link Kind#EARNED}: the order was paid; what was pending is earned, payable from {@link
 *       #payableAt()} (the payment plus the holding period).
 *   <li>{@link Kind#CANCELLED}: a refund before payment cancelled part of the pending commission.
 *   <li>{@link Kind#REVERSED}: a refund or chargeback after payment took back part of the earned
 *       commission (if it was paid out already, the partner's balance goes negative and later
 *       payouts net against it).
 *   <li>{@link Kind#CREDITED} and {@link Kind#DEBITED}: an operator's adjustment (a bonus, a
 *       correction) added to or taken from the partner's balance, payable from when it was booked.
 *   <li>{@link Kind#WRITTEN_OFF}: what a partner who left owed (a negative balance) forgiven, so
 *       the books close.
 * </ul>
 *
 * <p>Order-line movements name their order and line; adjustments and write-offs name none ({@link
 * #orderId()} is empty and {@link #lineNumber()} 0): their details, such as the reason, the actor
 * and an order line they refer to, are in the {@link Adjustment} of the same entry id.
 *
 * @param entryId the entry's random id; never null
 * @param partnerId the partner; never null
 * @param orderId the order, for an order-line movement; empty for an adjustment or write-off; never
 *     null
 * @param lineNumber the order line; 0 for an adjustment or write-off
 * @param kind the movement; never null
 * @param amount the commission moved, zero or more (the kind gives the direction); never null
 * @param base the net amount the movement is about (the line's net, or the refunded net; the amount
 *     itself for an adjustment or write-off); never null
 * @param occurredAt when it happened in the host's business (placed, paid, refunded); never null
 * @param payableAt for the {@link Kind#payable() payable} kinds: when the amount becomes payable;
 *     never null
 * @param sourceEvent the host event that caused it; never null
 * @param recordedAt when the SDK recorded it; never null
 */
public record LedgerEntry(
    UUID entryId,
    PartnerId partnerId,
    Optional<OrderId> orderId,
    int lineNumber,
    Kind kind,
    Money amount,
    Money base,
    Instant occurredAt,
    Optional<Instant> payableAt,
    EventId sourceEvent,
    Instant recordedAt) {

  /** The movement an entry records. */
  public enum Kind {
    /** Pending: ordered, not yet paid. */
    ACCRUED,
    /** Earned: paid by the customer. */
    EARNED,
    /** Pending commission cancelled by a refund before payment. */
    CANCELLED,
    /** Earned commission taken back by a refund or chargeback after payment. */
    REVERSED,
    /** An operator's adjustment that adds to the balance. */
    CREDITED,
    /** An operator's adjustment that takes from the balance. */
    DEBITED,
    /** A negative balance of a partner who left, forgiven by the operator. */
    WRITTEN_OFF;

    /**
     * Whether an entry of this kind moves the payable balance, so that a payout pays (or nets) it:
     * EARNED, REVERSED and the adjustments. Such an entry has a {@code payableAt}.
     *
     * @return true for EARNED, REVERSED, CREDITED, DEBITED and WRITTEN_OFF
     */
    public boolean payable() {
      return this != ACCRUED && this != CANCELLED;
    }

    /**
     * Whether an entry of this kind takes from the partner's balance (REVERSED, DEBITED) rather
     * than adding to it.
     *
     * @return true if its amount counts negatively
     */
    public boolean subtracts() {
      return this == REVERSED || this == DEBITED;
    }

    /**
     * Whether this is an operator's adjustment or write-off rather than a movement of an order
     * line.
     *
     * @return true for CREDITED, DEBITED and WRITTEN_OFF
     */
    public boolean adjustment() {
      return this == CREDITED || this == DEBITED || this == WRITTEN_OFF;
    }
  }

  /**
   * The amount with its sign: negative for the kinds that {@link Kind#subtracts() subtract}.
   *
   * @return the signed amount
   */
  public Money signedAmount() {
    return kind.subtracts() ? amount.negated() : amount;
  }

  /**
   * Checks for nulls and a non-negative amount.
   *
   * @throws IllegalArgumentException if the amount is negative or payableAt is missing where
   *     required
   */
  public LedgerEntry {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payableAt, "payableAt");
    Objects.requireNonNull(sourceEvent, "sourceEvent");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "a ledger amount is never negative; the kind gives the sign");
    }
    if (kind.payable() != payableAt.isPresent()) {
      throw new IllegalArgumentException(
          "payableAt is set exactly for EARNED, REVERSED and adjustment entries");
    }
    if (kind.adjustment() == orderId.isPresent()) {
      throw new IllegalArgumentException(
          "an order-line movement names its order, an adjustment or write-off names none");
    }
    if (kind.adjustment() && lineNumber != 0) {
      throw new IllegalArgumentException("an adjustment or write-off has line number 0");
    }
  }
}
