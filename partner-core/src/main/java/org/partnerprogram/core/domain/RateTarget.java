package org.partnerprogram.core.domain;

import java.util.Objects;

/**
 * What a rate applies to: one product, or every product of a group. A product's own rate beats its
 * group's rate.
 *
 * @param kind product or group; never null
 * @param id the host's product or group id; never null, validated like {@link ProductId}
 */
public record RateTarget(Kind kind, String id) implements Comparable<RateTarget> {

  /** Whether the target is a product or a group. */
  public enum Kind {
    /** A single product. */
    PRODUCT,
    /** A group of products. */
    GROUP
  }

  /**
   * Validates the target.
   *
   * @throws InvalidInputException if the kind is null or the id is not a valid identifier
   */
  public RateTarget {
    if (kind == null) {
      throw new InvalidInputException("rateTarget", "kind must not be null");
    }
    Text.identifier(
        kind == Kind.PRODUCT ? "productId" : "productGroupId", id, ProductId.MAX_LENGTH);
  }

  /**
   * A product target.
   *
   * @param productId the product
   * @return the target
   */
  public static RateTarget product(ProductId productId) {
    return new RateTarget(Kind.PRODUCT, Objects.requireNonNull(productId, "productId").value());
  }

  /**
   * A product target.
   *
   * @param productId the product id
   * @return the target
   * @throws InvalidInputException if the id is invalid
   */
  public static RateTarget product(String productId) {
    return new RateTarget(Kind.PRODUCT, productId);
  }

  /**
   * A group target.
   *
   * @param groupId the group id
   * @return the target
   * @throws InvalidInputException if the id is invalid
   */
  public static RateTarget group(String groupId) {
    return new RateTarget(Kind.GROUP, groupId);
  }

  /** Orders products before groups, then by id. */
  @Override
  public int compareTo(RateTarget o) {
    int byKind = kind.compareTo(o.kind);
    return byKind != 0 ? byKind : id.compareTo(o.id);
  }

  @Override
  public String toString() {
    return (kind == Kind.PRODUCT ? "product:" : "group:") + id;
  }
}
