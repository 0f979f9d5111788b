package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;

/**
 * What recording a payment did.
 *
 * @param orderId the order; never null
 * @param earned the EARNED entries this payment booked; empty if nobody earns on the order, it was
 *     cancelled in full, or it was paid before; never null
 * @param alreadyPaid true if the order had been paid by another event (nothing was booked)
 * @param duplicate true if this very event was processed before (the original entries are returned)
 */
public record PaymentResult(
    OrderId orderId, List<LedgerEntry> earned, boolean alreadyPaid, boolean duplicate) {
  /** Checks for null and copies the list. */
  public PaymentResult {
    Objects.requireNonNull(orderId, "orderId");
    earned = List.copyOf(earned);
  }
}
