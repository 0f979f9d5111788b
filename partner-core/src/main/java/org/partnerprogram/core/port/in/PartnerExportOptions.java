package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.InvalidInputException;

/**
 * How {@link Privacy#exportPartner(org.partnerprogram.core.domain.PartnerId, java.io.OutputStream,
 * PartnerExportOptions)} writes a partner's data: for now, how the IBANs of the payout-account
 * history and the payouts appear. Immutable; every setter returns a new value.
 *
 * <pre>{@code
 * PartnerExportOptions.defaults()                                  // IBANs masked
 * PartnerExportOptions.defaults().ibans(IbanDisclosure.FULL)       // for the partner themself
 * }</pre>
 */
public final class PartnerExportOptions {
  private static final PartnerExportOptions DEFAULTS =
      new PartnerExportOptions(IbanDisclosure.MASKED);

  private final IbanDisclosure ibans;

  private PartnerExportOptions(IbanDisclosure ibans) {
    this.ibans = ibans;
  }

  /** How an IBAN the programme holds appears in the document. */
  public enum IbanDisclosure {
    /** The whole IBAN, as stored ({@code NL91ABNA0417164300}). */
    FULL,
    /**
     * Masked as the partner overview and statements show it: country, then stars, then the last
     * four characters ({@code NL************4300}). The default.
     */
    MASKED,
    /** Left out: the field is {@code null}. The holder's name stays. */
    OMITTED
  }

  /**
   * The defaults: IBANs {@link IbanDisclosure#MASKED masked}.
   *
   * @return the default options
   */
  public static PartnerExportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * How the IBANs of the payout-account history and of the payouts appear. The statements in the
   * document keep their own rendering (masked), whatever this says.
   *
   * @param disclosure full, masked or omitted; never null
   * @return new options
   * @throws InvalidInputException if the disclosure is null
   */
  public PartnerExportOptions ibans(IbanDisclosure disclosure) {
    if (disclosure == null) {
      throw new InvalidInputException("ibans", "must not be null");
    }
    return new PartnerExportOptions(disclosure);
  }

  /**
   * How IBANs appear.
   *
   * @return never null
   */
  public IbanDisclosure ibans() {
    return ibans;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartnerExportOptions other && other.ibans == ibans;
  }

  @Override
  public int hashCode() {
    return ibans.hashCode();
  }

  @Override
  public String toString() {
    return "PartnerExportOptions[ibans=" + ibans + "]";
  }
}
