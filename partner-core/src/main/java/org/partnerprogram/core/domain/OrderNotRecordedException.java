package org.partnerprogram.core.domain;

/**
 * A payment or refund refers to an order the programme has not recorded. Nothing was written. If
 * the order event is still on its way (webhooks arrive out of order), deliver this event again
 * later: it is retryable. If the order id is wrong, fix it.
 */
public final class OrderNotRecordedException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param orderId the unknown order
   */
  public OrderNotRecordedException(OrderId orderId) {
    super(
        "order "
            + orderId
            + " has not been recorded; deliver its order event first, then this one again");
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
