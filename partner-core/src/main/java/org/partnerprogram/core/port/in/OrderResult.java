package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RecordedOrder;

/**
 * What recording an order did.
 *
 * @param orderId the order; never null
 * @param partnerId the partner who earns on it, or empty; never null
 * @param notEarning why nobody earns on it, or empty; never null
 * @param lines the priced lines (pending commission), in line order; empty if nobody earns; never
 *     null
 * @param duplicate true if this event (or this order under another event id, with the same content)
 *     was recorded before: nothing was written and the original result is returned
 */
public record OrderResult(
    OrderId orderId,
    Optional<PartnerId> partnerId,
    Optional<RecordedOrder.NotEarningReason> notEarning,
    List<CommissionLine> lines,
    boolean duplicate) {
  /** Checks for nulls and copies the list. */
  public OrderResult {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(notEarning, "notEarning");
    lines = List.copyOf(lines);
  }
}
