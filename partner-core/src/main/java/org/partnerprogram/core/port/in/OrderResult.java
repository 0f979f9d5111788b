package org.partnerprogram.core.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;

/**
 * What recording an order did: priced it for the partner who brought the customer, or recorded it
 * as earning nothing, and why. A redelivered order (the same event again, or the same order under
 * another event id) returns what the first delivery decided, with {@link #redelivery()} true and
 * nothing written.
 */
public sealed interface OrderResult extends OrderEventResult
    permits OrderResult.Priced, OrderResult.NotAttributed, OrderResult.NotEarning {

  /**
   * The partner who earns on the order.
   *
   * @return the partner if the order was priced, else empty
   */
  default Optional<PartnerId> earningPartner() {
    return Optional.empty();
  }

  /**
   * The priced lines.
   *
   * @return the lines if the order was priced, else empty
   */
  default List<CommissionLine> lines() {
    return List.of();
  }

  /**
   * Why the order earns nothing.
   *
   * @return the reason, or empty if it was priced
   */
  default Optional<NotEarningReason> notEarning() {
    return Optional.empty();
  }

  /**
   * Priced for a partner: every line with its rate and rate version, those that do not participate
   * with zero commission; the commission is pending until the order is paid.
   *
   * @param orderId the order; never null
   * @param partnerId the partner who earns; never null
   * @param lines the priced lines in line order; never null
   * @param redelivery whether the order was recorded before
   */
  record Priced(
      OrderId orderId, PartnerId partnerId, List<CommissionLine> lines, boolean redelivery)
      implements OrderResult {
    /** Checks for nulls and copies the lines. */
    public Priced {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(partnerId, "partnerId");
      lines = List.copyOf(lines);
    }

    @Override
    public Optional<PartnerId> earningPartner() {
      return Optional.of(partnerId);
    }
  }

  /**
   * No partner brought the customer: recorded, earns nothing.
   *
   * @param orderId the order; never null
   * @param redelivery whether the order was recorded before
   */
  record NotAttributed(OrderId orderId, boolean redelivery) implements OrderResult {
    /** Checks for null. */
    public NotAttributed {
      Objects.requireNonNull(orderId, "orderId");
    }

    @Override
    public Optional<NotEarningReason> notEarning() {
      return Optional.of(NotEarningReason.CUSTOMER_NOT_ATTRIBUTED);
    }
  }

  /**
   * A partner brought the customer, but this order earns nothing: the partner had left when it was
   * placed, or the programme's earning policy leaves it out.
   *
   * @param orderId the order; never null
   * @param reason why; never null, never {@link NotEarningReason#CUSTOMER_NOT_ATTRIBUTED}
   * @param redelivery whether the order was recorded before
   */
  record NotEarning(OrderId orderId, NotEarningReason reason, boolean redelivery)
      implements OrderResult {
    /**
     * Checks for nulls.
     *
     * @throws IllegalArgumentException if the reason is that nobody brought the customer
     */
    public NotEarning {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(reason, "reason");
      if (reason == NotEarningReason.CUSTOMER_NOT_ATTRIBUTED) {
        throw new IllegalArgumentException(
            "an order of a customer nobody brought is NotAttributed");
      }
    }

    @Override
    public Optional<NotEarningReason> notEarning() {
      return Optional.of(reason);
    }
  }
}
