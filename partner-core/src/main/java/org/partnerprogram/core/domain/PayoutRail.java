package org.partnerprogram.core.domain;

/**
 * How the programme pays its partners, which decides the payout accounts it accepts ({@link
 * ProgramTerms#payoutRail()}).
 */
public enum PayoutRail {
  /**
   * SEPA credit transfers only (the default): a payout account must be an IBAN of a country in the
   * SEPA schemes' scope ({@link Iban#isSepa()}); any other is refused when a partner enrols with it
   * or changes to it.
   */
  SEPA,
  /**
   * Any valid IBAN: accounts in SEPA countries are paid by SEPA credit transfer, the others by the
   * host through a rail of its own (an international wire, say); the SEPA file never carries them.
   */
  ANY_IBAN;

  /**
   * Whether this rail pays an account.
   *
   * @param iban the account; never null
   * @return true if a payout to it can be made
   */
  public boolean reaches(Iban iban) {
    return this == ANY_IBAN || iban.isSepa();
  }

  /**
   * Refuses an account this rail does not pay.
   *
   * @param iban the account; never null
   * @return the account
   * @throws NonSepaIbanException if this is {@link #SEPA} and the IBAN's country is outside SEPA
   */
  public Iban requireReachable(Iban iban) {
    if (!reaches(iban)) {
      throw new NonSepaIbanException(
          "iban",
          iban,
          "give an account in a SEPA country, or build the programme's terms with"
              + " payoutRail(PayoutRail.ANY_IBAN) if the host pays such accounts itself");
    }
    return iban;
  }
}
