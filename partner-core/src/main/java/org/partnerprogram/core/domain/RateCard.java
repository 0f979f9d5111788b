package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The programme's public rate card: what a customer sees before enrolling. It is the programme-wide
 * rate version in force, each product or group with its rate and the label the host gave it.
 * Partners' overrides are private and never on it.
 *
 * @param version the rate version's number, at least 1
 * @param effectiveFrom when the version came into force; never null
 * @param entries the participating products and groups, products first, then groups, each by id;
 *     never null, unmodifiable
 */
public record RateCard(int version, Instant effectiveFrom, List<Entry> entries) {

  /**
   * Checks the parts and copies the entries.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the version is below 1
   */
  public RateCard {
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    entries = List.copyOf(entries);
    if (version < 1) {
      throw new IllegalArgumentException("rate versions are numbered from 1");
    }
  }

  /**
   * One participating product or group.
   *
   * @param target the product or group; never null
   * @param rate its rate; never null
   * @param label the host's label for it (plain text, to be escaped by whatever renders it), or
   *     empty if the host gave none; never null
   */
  public record Entry(RateTarget target, Rate rate, Optional<String> label) {
    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if a part is null
     */
    public Entry {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(rate, "rate");
      Objects.requireNonNull(label, "label");
    }
  }
}
