package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.OrderId;

/**
 * What every outcome of an order's host event says: which order, and whether the call only
 * delivered an event processed before. {@link OrderResult}, {@link PaymentResult} and {@link
 * RefundResult} add what their event did.
 */
public interface OrderEventResult {
  /**
   * The order.
   *
   * @return never null
   */
  OrderId orderId();

  /**
   * Whether this call delivered an event processed before, so nothing was written.
   *
   * @return true on a redelivery
   */
  default boolean redelivery() {
    return false;
  }
}
