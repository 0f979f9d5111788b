package org.partnerprogram.core.domain;

import java.util.Objects;

/**
 * A partner with an amount, as aggregated by storage.
 *
 * @param partnerId the partner; never null
 * @param amount the amount; never null
 */
public record PartnerAmount(PartnerId partnerId, Money amount) {
  /** Checks for nulls. */
  public PartnerAmount {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(amount, "amount");
  }
}
