package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;

/**
 * A payment or refund event delivered again: nothing was written, and the entries are those the
 * first delivery booked (EARNED for a payment; CANCELLED or REVERSED for a refund), by line. It is
 * one of the outcomes of both {@link PaymentResult} and {@link RefundResult}.
 *
 * @param orderId the order; never null
 * @param entries what the first delivery booked; never null
 */
public record Redelivered(OrderId orderId, List<LedgerEntry> entries)
    implements PaymentResult, RefundResult {
  /** Checks for nulls and copies the entries. */
  public Redelivered {
    Objects.requireNonNull(orderId, "orderId");
    entries = List.copyOf(entries);
  }

  @Override
  public boolean redelivery() {
    return true;
  }
}
