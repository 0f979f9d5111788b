package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;

/** What recording a payment did. */
public sealed interface PaymentResult extends OrderEventResult
    permits PaymentResult.Earned,
        PaymentResult.NothingEarned,
        PaymentResult.AlreadyPaid,
        Redelivered {

  /**
   * The entries the payment booked.
   *
   * @return the EARNED entries by line for {@link Earned} and {@link Redelivered}; else empty
   */
  default List<LedgerEntry> entries() {
    return List.of();
  }

  /**
   * The order's pending commission was earned: one EARNED entry per line that had some, payable
   * from the payment plus the holding period.
   *
   * @param orderId the order; never null
   * @param entries the EARNED entries, by line; never null, not empty
   */
  record Earned(OrderId orderId, List<LedgerEntry> entries) implements PaymentResult {
    /** Checks for nulls and copies the entries. */
    public Earned {
      Objects.requireNonNull(orderId, "orderId");
      entries = List.copyOf(entries);
    }
  }

  /**
   * The order is marked paid but earns nothing: no partner brought the customer, the order earns
   * nothing under the programme's rules, or nothing of its commission was still pending.
   *
   * @param orderId the order; never null
   */
  record NothingEarned(OrderId orderId) implements PaymentResult {
    /** Checks for null. */
    public NothingEarned {
      Objects.requireNonNull(orderId, "orderId");
    }
  }

  /**
   * Another payment event of an order that was paid already: nothing was written.
   *
   * @param orderId the order; never null
   */
  record AlreadyPaid(OrderId orderId) implements PaymentResult {
    /** Checks for null. */
    public AlreadyPaid {
      Objects.requireNonNull(orderId, "orderId");
    }
  }
}
