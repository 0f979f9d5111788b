package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One effective-dated version of a rate card: from {@link #effectiveFrom()} on (until the next
 * version starts), these products and groups participate at these rates. Products and groups not in
 * {@link #rates()} do not participate.
 *
 * <p>A version is programme-wide ({@link #partnerId()} empty) or a per-partner override, whose
 * rates take precedence, target by target, over the programme-wide version in force at the same
 * instant. Versions of one scope are numbered 1, 2, 3, ... in order of {@link #effectiveFrom()}. A
 * commission line records the scope and number of the version it was priced with, and is never
 * re-priced.
 */
@Value.Immutable
public abstract class RateVersion {
  /** The most targets a version may hold. */
  public static final int MAX_TARGETS = 1000;

  RateVersion() {}

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The partner this override applies to, or empty for the programme-wide rate card.
   *
   * @return never null
   */
  public abstract Optional<PartnerId> partnerId();

  /**
   * The version number within its scope, starting at 1.
   *
   * @return at least 1
   */
  public abstract int number();

  /**
   * The instant from which this version is in force.
   *
   * @return never null
   */
  public abstract Instant effectiveFrom();

  /**
   * The rate per product or group.
   *
   * @return never null; may be empty (nothing participates)
   */
  public abstract Map<RateTarget, Rate> rates();

  /**
   * When the version was added.
   *
   * @return never null
   */
  public abstract Instant createdAt();

  /**
   * The rate for a product: its own rate if listed, else its group's rate if it has a group that is
   * listed.
   *
   * @param product the product; never null
   * @param group the product's group, if any; never null
   * @return the rate, or empty if the product does not participate in this version
   */
  public Optional<Rate> rateFor(ProductId product, Optional<ProductGroupId> group) {
    Optional<Rate> own = productRates().get(product.value());
    if (own != null) {
      return own;
    }
    if (group.isEmpty()) {
      return Optional.empty();
    }
    return groupRates().getOrDefault(group.get().value(), Optional.empty());
  }

  /**
   * The product rates by product id, built once: lookups happen for every order line, so the values
   * are the very {@code Optional}s {@link #rateFor} returns and a lookup allocates nothing.
   */
  @Value.Lazy
  Map<String, Optional<Rate>> productRates() {
    return byKind(RateTarget.Kind.PRODUCT);
  }

  /** The group rates by group id, built once, as {@link #productRates()}. */
  @Value.Lazy
  Map<String, Optional<Rate>> groupRates() {
    return byKind(RateTarget.Kind.GROUP);
  }

  private Map<String, Optional<Rate>> byKind(RateTarget.Kind kind) {
    Map<String, Optional<Rate>> map = new HashMap<>();
    rates()
        .forEach(
            (target, rate) -> {
              if (target.kind() == kind) {
                map.put(target.id(), Optional.of(rate));
              }
            });
    return Map.copyOf(map);
  }

  @Value.Check
  void check() {
    if (number() < 1) {
      throw new InvalidInputException("number", "rate versions are numbered from 1");
    }
    if (rates().size() > MAX_TARGETS) {
      throw new InvalidInputException(
          "rates", "a version may hold at most " + MAX_TARGETS + " products and groups");
    }
  }

  /** Builds a {@link RateVersion}. */
  public static final class Builder extends ImmutableRateVersion.Builder {
    Builder() {}

    /**
     * Builds the version.
     *
     * @return the version
     * @throws InvalidInputException if a required value is missing or out of range
     */
    @Override
    public RateVersion build() {
      try {
        return super.build();
      } catch (IllegalStateException | NullPointerException e) {
        throw new InvalidInputException("rateVersion", String.valueOf(e.getMessage()));
      }
    }
  }
}
