package org.partnerprogram.core.export;

import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.ProgramTerms;

/**
 * The remittance text of a payout's bank transfer: the programme's {@linkplain
 * ProgramTerms#remittanceTemplate() template} filled in and transliterated to the SEPA character
 * set. The SEPA file, the CSV and the partner's statement all take it from here, so finance and the
 * partner read the same text the bank shows.
 */
public final class Remittance {
  /** The longest unstructured remittance text SEPA allows. */
  public static final int MAX_LENGTH = 140;

  private Remittance() {}

  /**
   * The remittance text of a payout.
   *
   * @param terms the programme's terms; never null
   * @param payout the payout; never null
   * @return 1 to {@value #MAX_LENGTH} characters of the SEPA character set
   */
  public static String of(ProgramTerms terms, Payout payout) {
    String filled =
        terms
            .remittanceTemplate()
            .replace("{month}", payout.period().toString())
            .replace("{partner}", payout.partnerId().value())
            .replace("{payout}", payout.payoutId().value());
    return SepaText.of(filled, MAX_LENGTH);
  }
}
