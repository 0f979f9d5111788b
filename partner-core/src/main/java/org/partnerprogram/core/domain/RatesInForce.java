package org.partnerprogram.core.domain;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rates one partner earns at one instant: the programme-wide version in force and the partner's
 * own override version in force, if any. Rate resolution lives here: a product's own rate beats its
 * group's within a version ({@link RateVersion#rateFor}), and the partner's override beats the
 * programme-wide card for every product and group it lists; a line without a rate in either earns
 * nothing. A line is priced with the versions in force when its order was placed, and the priced
 * line records which version gave its rate.
 */
public final class RatesInForce {
  private final PartnerId partnerId;
  private final Optional<RateVersion> programme;
  private final Optional<RateVersion> override;

  private RatesInForce(
      PartnerId partnerId, Optional<RateVersion> programme, Optional<RateVersion> override) {
    this.partnerId = Objects.requireNonNull(partnerId, "partnerId");
    this.programme = Objects.requireNonNull(programme, "programme");
    this.override = Objects.requireNonNull(override, "override");
  }

  /**
   * The rates of a partner from the versions in force.
   *
   * @param partnerId the partner; never null
   * @param programme the programme-wide version in force, or empty; never null
   * @param override the partner's override version in force, or empty; never null
   * @return the rates
   * @throws NullPointerException if an argument is null
   */
  public static RatesInForce of(
      PartnerId partnerId, Optional<RateVersion> programme, Optional<RateVersion> override) {
    return new RatesInForce(partnerId, programme, override);
  }

  /**
   * Prices one line of an order for the partner: net x rate, rounded once.
   *
   * @param order the order the line belongs to; never null
   * @param line the line; never null
   * @param rounding how the commission is rounded; never null
   * @param sourceEvent the host event that recorded the order; never null
   * @return the priced line, with a zero commission and no rate when the product does not
   *     participate
   */
  public CommissionLine price(
      Order order, OrderLine line, RoundingMode rounding, EventId sourceEvent) {
    Optional<Rate> rate = Optional.empty();
    Optional<CommissionLine.RateVersionRef> version = Optional.empty();
    if (override.isPresent()) {
      rate = override.get().rateFor(line.productId(), line.productGroup());
      if (rate.isPresent()) {
        version =
            Optional.of(
                new CommissionLine.RateVersionRef(Optional.of(partnerId), override.get().number()));
      }
    }
    if (rate.isEmpty() && programme.isPresent()) {
      rate = programme.get().rateFor(line.productId(), line.productGroup());
      if (rate.isPresent()) {
        version =
            Optional.of(
                new CommissionLine.RateVersionRef(Optional.empty(), programme.get().number()));
      }
    }
    Money commission =
        rate.isPresent()
            ? rate.get().commissionOn(line.net(), rounding)
            : Money.zero(line.net().currency());
    return new CommissionLine(
        order.orderId(),
        line.lineNumber(),
        partnerId,
        line.productId(),
        line.net(),
        rate,
        version,
        commission,
        order.placedAt(),
        sourceEvent);
  }

  /**
   * The participating products and groups with the rate the partner earns on each, as the overview
   * shows them: the override's rate where it lists the target, else the programme's; targets at 0 %
   * are left out.
   *
   * @return the rates ordered by target; empty if nothing participates
   */
  public List<ProductRate> participating() {
    Map<RateTarget, ProductRate> merged = new TreeMap<>();
    programme.ifPresent(v -> putAll(merged, v, Optional.empty()));
    override.ifPresent(v -> putAll(merged, v, Optional.of(partnerId)));
    List<ProductRate> result = new ArrayList<>();
    for (ProductRate rate : merged.values()) {
      if (!(rate.rate() instanceof Rate.Percentage p && p.percent().signum() == 0)) {
        result.add(rate);
      }
    }
    return result;
  }

  private static void putAll(
      Map<RateTarget, ProductRate> merged, RateVersion version, Optional<PartnerId> scope) {
    version
        .rates()
        .forEach(
            (target, rate) ->
                merged.put(target, new ProductRate(target, rate, version.number(), scope)));
  }
}
