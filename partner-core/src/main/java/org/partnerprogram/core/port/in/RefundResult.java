package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;

/**
 * What recording a refund did.
 *
 * @param orderId the order; never null
 * @param entries the CANCELLED (order unpaid) or REVERSED (order paid) entries booked; empty if no
 *     commission was affected; never null
 * @param duplicate true if this event was processed before (the original entries are returned)
 */
public record RefundResult(OrderId orderId, List<LedgerEntry> entries, boolean duplicate) {
  /** Checks for null and copies the list. */
  public RefundResult {
    Objects.requireNonNull(orderId, "orderId");
    entries = List.copyOf(entries);
  }
}
