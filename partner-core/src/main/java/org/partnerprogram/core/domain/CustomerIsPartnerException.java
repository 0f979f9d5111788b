package org.partnerprogram.core.domain;

/**
 * A referred customer cannot be erased as a customer while their account is also a partner's: the
 * partner row and the partner's events carry the same account id, and those follow the partner's
 * own erasure rules (the books may still need them). Nothing was changed.
 */
public final class CustomerIsPartnerException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The partner whose account it is. */
  private final PartnerId partnerId;

  /**
   * Creates the exception.
   *
   * @param partnerId the partner enrolled with the customer's account; never null
   */
  public CustomerIsPartnerException(PartnerId partnerId) {
    super(
        "the customer account is partner "
            + partnerId
            + "'s: erase the partner (privacy().erasePartner) instead, which pseudonymises the"
            + " account once the books allow it");
    this.partnerId = partnerId;
  }

  /**
   * The partner enrolled with the customer's account.
   *
   * @return never null
   */
  public PartnerId partnerId() {
    return partnerId;
  }
}
