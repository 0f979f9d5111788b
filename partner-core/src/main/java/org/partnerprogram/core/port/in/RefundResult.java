package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;

/** What recording a refund or chargeback did. */
public sealed interface RefundResult extends OrderEventResult
    permits RefundResult.Recorded, Redelivered {

  /**
   * The entries the refund booked (CANCELLED before payment, REVERSED after), by line.
   *
   * @return never null; empty if the order earned nothing
   */
  List<LedgerEntry> entries();

  /**
   * The refund was recorded.
   *
   * @param orderId the order; never null
   * @param entries what it booked; never null
   */
  record Recorded(OrderId orderId, List<LedgerEntry> entries) implements RefundResult {
    /** Checks for nulls and copies the entries. */
    public Recorded {
      Objects.requireNonNull(orderId, "orderId");
      entries = List.copyOf(entries);
    }
  }
}
