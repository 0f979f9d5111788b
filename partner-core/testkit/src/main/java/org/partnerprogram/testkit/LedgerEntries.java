package org.partnerprogram.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Ledger entries for tests, named part by part instead of by the record's eleven positions:
 *
 * <pre>{@code
 * LedgerEntries entries = LedgerEntries.occurredAt(T0);
 * LedgerEntry e = entries.earned(partner).order("o-1").line(2).amount(eur("12.50")).build();
 * }</pre>
 *
 * <p>What a test leaves out has a default: order {@code order-1}, line 1, amount EUR 1.00, a base
 * of twice the amount (so that a store that swaps the two fails a round trip), recorded when it
 * occurred, payable (EARNED and REVERSED only) when it occurred, a random entry id and a random
 * source event. Instances are immutable and may be shared.
 */
public final class LedgerEntries {
  private final Instant occurredAt;

  private LedgerEntries(Instant occurredAt) {
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * Entries that occurred at the given instant unless a test says otherwise.
   *
   * @param at the instant; not null
   * @return the factory
   */
  public static LedgerEntries occurredAt(Instant at) {
    return new LedgerEntries(at);
  }

  /**
   * An entry of the given kind.
   *
   * @param kind the kind; not null
   * @param partner the partner credited or debited; not null
   * @return a builder with the defaults above
   */
  public Builder of(LedgerEntry.Kind kind, PartnerId partner) {
    return new Builder(kind, partner, occurredAt);
  }

  /**
   * A pending commission (ordered, not yet paid).
   *
   * @param partner the partner; not null
   * @return a builder with the defaults above
   */
  public Builder accrued(PartnerId partner) {
    return of(LedgerEntry.Kind.ACCRUED, partner);
  }

  /**
   * An earned commission (paid by the customer).
   *
   * @param partner the partner; not null
   * @return a builder with the defaults above
   */
  public Builder earned(PartnerId partner) {
    return of(LedgerEntry.Kind.EARNED, partner);
  }

  /**
   * A pending commission cancelled before payment.
   *
   * @param partner the partner; not null
   * @return a builder with the defaults above
   */
  public Builder cancelled(PartnerId partner) {
    return of(LedgerEntry.Kind.CANCELLED, partner);
  }

  /**
   * An earned commission taken back after payment.
   *
   * @param partner the partner; not null
   * @return a builder with the defaults above
   */
  public Builder reversed(PartnerId partner) {
    return of(LedgerEntry.Kind.REVERSED, partner);
  }

  /** One ledger entry being described; {@link #build()} makes it. Not thread-safe. */
  public static final class Builder {
    private final LedgerEntry.Kind kind;
    private final PartnerId partner;
    private UUID entryId;
    private OrderId order = OrderId.of("order-1");
    private int line = 1;
    private Money amount = Money.of("1.00", "EUR");
    private Money base;
    private Instant occurredAt;
    private Instant recordedAt;
    private Instant payableAt;
    private EventId sourceEvent;

    private Builder(LedgerEntry.Kind kind, PartnerId partner, Instant occurredAt) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.partner = Objects.requireNonNull(partner, "partner");
      this.occurredAt = occurredAt;
    }

    /**
     * The entry's id; random by default.
     *
     * @param id the id; not null
     * @return this builder
     */
    public Builder entryId(UUID id) {
      this.entryId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * The order the entry belongs to.
     *
     * @param orderId the order's id, as {@link OrderId#of} takes it
     * @return this builder
     */
    public Builder order(String orderId) {
      this.order = OrderId.of(orderId);
      return this;
    }

    /**
     * The order line the entry belongs to.
     *
     * @param lineNumber the line number
     * @return this builder
     */
    public Builder line(int lineNumber) {
      this.line = lineNumber;
      return this;
    }

    /**
     * The amount, never negative: the kind gives the sign.
     *
     * @param amount the amount; not null
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = Objects.requireNonNull(amount, "amount");
      return this;
    }

    /**
     * The commission base; twice the amount by default.
     *
     * @param base the base; not null
     * @return this builder
     */
    public Builder base(Money base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /**
     * When the movement happened; by default the instant of the {@link LedgerEntries} it came from.
     *
     * @param at the instant; not null
     * @return this builder
     */
    public Builder occurredAt(Instant at) {
      this.occurredAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * When the entry was recorded; when it occurred by default.
     *
     * @param at the instant; not null
     * @return this builder
     */
    public Builder recordedAt(Instant at) {
      this.recordedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * When an EARNED or REVERSED entry becomes payable; when it occurred by default. Ignored for
     * ACCRUED and CANCELLED entries, which are never payable.
     *
     * @param at the instant; not null
     * @return this builder
     */
    public Builder payableAt(Instant at) {
      this.payableAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * The host event that caused the entry; a random {@code ev-<uuid>} by default.
     *
     * @param eventId the event's id, as {@link EventId#of} takes it
     * @return this builder
     */
    public Builder event(String eventId) {
      this.sourceEvent = EventId.of(eventId);
      return this;
    }

    /**
     * The entry.
     *
     * @return a new entry; each call without an explicit id or event gets fresh random ones
     * @throws IllegalArgumentException if the record refuses the parts (a negative amount)
     */
    public LedgerEntry build() {
      boolean payable = kind.payable();
      return new LedgerEntry(
          entryId != null ? entryId : UUID.randomUUID(),
          partner,
          kind.adjustment() ? Optional.empty() : Optional.of(order),
          kind.adjustment() ? 0 : line,
          kind,
          amount,
          base != null ? base : kind.adjustment() ? amount : amount.plus(amount),
          occurredAt,
          payable ? Optional.of(payableAt != null ? payableAt : occurredAt) : Optional.empty(),
          sourceEvent != null ? sourceEvent : EventId.of("ev-" + UUID.randomUUID()),
          recordedAt != null ? recordedAt : occurredAt);
    }
  }
}
