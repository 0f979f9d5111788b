package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator's correction of a partner's balance, booked on the ledger as one entry of its own
 * ({@link LedgerEntry.Kind#CREDITED}, {@link LedgerEntry.Kind#DEBITED} or {@link
 * LedgerEntry.Kind#WRITTEN_OFF}) and paid, or netted, by the next close like any payable entry.
 * Statements and the partner page show it with its reason.
 *
 * @param adjustmentId the host's id for the adjustment (its idempotency key); never null
 * @param entryId the ledger entry that books it; never null
 * @param partnerId the partner; never null
 * @param type an adjustment or a write-off; never null
 * @param amount the amount with its sign: positive adds to the balance, negative takes from it (a
 *     write-off is always positive); never zero, never null
 * @param refersTo the order line it corrects, if the operator named one; never null
 * @param act who booked it and why; never null
 * @param bookedAt when it was booked (it is payable from then on); never null
 */
public record Adjustment(
    EventId adjustmentId,
    UUID entryId,
    PartnerId partnerId,
    Type type,
    Money amount,
    Optional<OrderLineRef> refersTo,
    Act act,
    Instant bookedAt) {

  /** What an adjustment is. */
  public enum Type {
    /** A bonus or a correction by an operator. */
    ADJUSTMENT,
    /** The forgiven debt of a partner who left owing money. */
    WRITE_OFF
  }

  /**
   * Checks for nulls, a non-zero amount and a positive write-off.
   *
   * @throws IllegalArgumentException if the amount is zero or a write-off is negative
   */
  public Adjustment {
    Objects.requireNonNull(adjustmentId, "adjustmentId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(refersTo, "refersTo");
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(bookedAt, "bookedAt");
    if (amount.isZero()) {
      throw new IllegalArgumentException("an adjustment is never zero");
    }
    if (type == Type.WRITE_OFF && amount.isNegative()) {
      throw new IllegalArgumentException("a write-off adds to the balance");
    }
  }

  /**
   * The kind of ledger entry that books it.
   *
   * @return WRITTEN_OFF for a write-off, CREDITED for a positive adjustment, DEBITED for a negative
   *     one
   */
  public LedgerEntry.Kind entryKind() {
    if (type == Type.WRITE_OFF) {
      return LedgerEntry.Kind.WRITTEN_OFF;
    }
    return amount.isNegative() ? LedgerEntry.Kind.DEBITED : LedgerEntry.Kind.CREDITED;
  }

  /**
   * The ledger entry that books it: payable from {@link #bookedAt()}, with the adjustment id as its
   * source event.
   *
   * @param recordedAt when the SDK records it; never null
   * @return the entry
   */
  public LedgerEntry toEntry(Instant recordedAt) {
    Money magnitude = amount.isNegative() ? amount.negated() : amount;
    return new LedgerEntry(
        entryId,
        partnerId,
        Optional.empty(),
        0,
        entryKind(),
        magnitude,
        magnitude,
        bookedAt,
        Optional.of(bookedAt),
        adjustmentId,
        recordedAt);
  }

  /**
   * The words a statement and the partner page show for it: "adjustment: reason" or "written off:
   * reason".
   *
   * @return the description; never null
   */
  public String description() {
    return (type == Type.WRITE_OFF ? "written off: " : "adjustment: ") + act.reason();
  }

  /**
   * An order line an adjustment refers to.
   *
   * @param orderId the order; never null
   * @param lineNumber the line, at least 1
   */
  public record OrderLineRef(OrderId orderId, int lineNumber) {
    /**
     * Checks for a null order and a positive line number.
     *
     * @throws InvalidInputException if the order is null or the line number below 1
     */
    public OrderLineRef {
      if (orderId == null) {
        throw new InvalidInputException("refersTo.orderId", "must not be null");
      }
      if (lineNumber < 1) {
        throw new InvalidInputException(
            "refersTo.lineNumber", "must be at least 1, was " + lineNumber);
      }
    }
  }
}
