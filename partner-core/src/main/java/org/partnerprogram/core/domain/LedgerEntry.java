package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only movement of commission for one order line. Nothing is ever edited or deleted:
 * corrections are entries of their own.
 *
 * <ul>
 *   <li>{@link Kind#ACCRUED}: the order was recorded; the commission is pending.
 *   <li>{@link Kind#EARNED}: the order was paid; what was pending is earned, payable from {@link
 *       #payableAt()} (the payment plus the holding period).
 *   <li>{@link Kind#CANCELLED}: a refund before payment cancelled part of the pending commission.
 *   <li>{@link Kind#REVERSED}: a refund or chargeback after payment took back part of the earned
 *       commission (if it was paid out already, the partner's balance goes negative and later
 *       payouts net against it).
 * </ul>
 *
 * @param entryId the entry's random id; never null
 * @param partnerId the partner; never null
 * @param orderId the order; never null
 * @param lineNumber the order line
 * @param kind the movement; never null
 * @param amount the commission moved, zero or more (the kind gives the direction); never null
 * @param base the net amount the movement is about (the line's net, or the refunded net); never
 *     null
 * @param occurredAt when it happened in the host's business (placed, paid, refunded); never null
 * @param payableAt for EARNED and REVERSED: when the line's earnings become payable; never null
 * @param sourceEvent the host event that caused it; never null
 * @param recordedAt when the SDK recorded it; never null
 */
public record LedgerEntry(
    UUID entryId,
    PartnerId partnerId,
    OrderId orderId,
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
    REVERSED
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
    if ((kind == Kind.EARNED || kind == Kind.REVERSED) != payableAt.isPresent()) {
      throw new IllegalArgumentException(
          "payableAt is set exactly for EARNED and REVERSED entries");
    }
  }
}
