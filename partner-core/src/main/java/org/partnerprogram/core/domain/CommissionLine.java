package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one order line was priced for a partner, written once when the order is recorded and never
 * re-priced. A line of a product that does not participate is kept with zero commission and {@link
 * #notParticipating()} true, so statements can show it.
 *
 * @param orderId the order; never null
 * @param lineNumber the line's number in the order
 * @param partnerId the partner who earns; never null
 * @param productId the product; never null
 * @param net the net base; never null
 * @param rate the rate applied, or empty if the product does not participate; never null
 * @param rateVersion the version the rate came from, or empty if the product does not participate;
 *     never null
 * @param commission net x rate, rounded once; between zero and {@code net}; never null
 * @param placedAt when the order was placed; never null
 * @param sourceEvent the host event that recorded the order; never null
 */
public record CommissionLine(
    OrderId orderId,
    int lineNumber,
    PartnerId partnerId,
    ProductId productId,
    Money net,
    Optional<Rate> rate,
    Optional<RateVersionRef> rateVersion,
    Money commission,
    Instant placedAt,
    EventId sourceEvent) {

  /**
   * Checks for nulls and the commission bounds.
   *
   * @throws IllegalArgumentException if the commission is negative or above the net amount
   */
  public CommissionLine {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(rateVersion, "rateVersion");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(sourceEvent, "sourceEvent");
    if (commission.isNegative() || commission.compareTo(net) > 0) {
      throw new IllegalArgumentException(
          "commission " + commission + " must lie between zero and the net amount " + net);
    }
  }

  /**
   * Whether the product did not participate.
   *
   * @return true if no rate applied
   */
  public boolean notParticipating() {
    return rate.isEmpty();
  }

  /**
   * A reference to a rate version: its scope and number.
   *
   * @param overrideFor the partner whose override it was, or empty for the programme-wide card;
   *     never null
   * @param number the version number
   */
  public record RateVersionRef(Optional<PartnerId> overrideFor, int number) {
    /** Checks for null. */
    public RateVersionRef {
      Objects.requireNonNull(overrideFor, "overrideFor");
    }
  }
}
