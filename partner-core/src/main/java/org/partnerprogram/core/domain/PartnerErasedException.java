package org.partnerprogram.core.domain;

/**
 * The partner was erased (GDPR art. 17): nothing about it changes any more, and it gets no codes.
 * Its customer account may enrol again, as a new partner. Nothing was changed.
 */
public final class PartnerErasedException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /** The erased partner. */
  private final PartnerId partnerId;

  /**
   * Creates the exception.
   *
   * @param partnerId the erased partner; never null
   */
  public PartnerErasedException(PartnerId partnerId) {
    super(
        "partner "
            + partnerId
            + " was erased; nothing about it changes any more (its customer account may enrol"
            + " again, as a new partner)");
    this.partnerId = partnerId;
  }

  /**
   * The erased partner.
   *
   * @return never null
   */
  public PartnerId partnerId() {
    return partnerId;
  }
}
