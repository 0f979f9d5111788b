package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner's erasure, as {@code program.privacy().erasePartner(..)} returns it: the same value on
 * every call after the first, read from the erased partner.
 *
 * @param partnerId the partner, whose id stays (it holds no personal data and keys the books);
 *     never null
 * @param pseudonym the keyed pseudonym that replaced the partner's customer account id; never null
 * @param erasedAt when the erasure ran, by the programme's clock; never null
 */
public record PartnerErasure(PartnerId partnerId, CustomerAccountId pseudonym, Instant erasedAt) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the pseudonym is no pseudonym
   */
  public PartnerErasure {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(erasedAt, "erasedAt");
    if (!PseudonymKey.isPseudonym(pseudonym.value())) {
      throw new IllegalArgumentException("not a pseudonym: an erased partner carries one");
    }
  }

  /**
   * The erasure an erased partner records.
   *
   * @param partner the partner; never null, ERASED
   * @return its erasure
   * @throws IllegalArgumentException unless the partner is ERASED
   */
  public static PartnerErasure of(Partner partner) {
    if (!partner.isErased()) {
      throw new IllegalArgumentException("partner " + partner.id() + " is not erased");
    }
    return new PartnerErasure(partner.id(), partner.customerAccountId(), partner.statusChangedAt());
  }
}
