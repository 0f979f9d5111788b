package org.partnerprogram.core.export;

import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NonSepaIbanException;

/**
 * One credit transfer to a partner.
 *
 * @param endToEndId the reference that travels to the partner's bank statement: 1 to 35 characters
 *     of A-Z a-z 0-9 and {@code + ? / - : ( ) . , '} (space not allowed here); never null
 * @param creditorName the partner's account holder; transliterated and cut to 70 characters
 * @param creditorIban the partner's IBAN, of a SEPA country ({@link Iban#isSepa()}); never null
 * @param amount the amount in EUR, more than zero; never null
 * @param remittance the text for the partner's statement; transliterated and cut to 140 characters
 */
public record SepaTransfer(
    String endToEndId, String creditorName, Iban creditorIban, Money amount, String remittance) {

  /**
   * Validates the transfer.
   *
   * @throws InvalidInputException if an id is malformed, a text blank, or the amount not positive
   *     EUR ({@link NonSepaIbanException} if the creditor's IBAN is outside SEPA)
   */
  public SepaTransfer {
    SepaBatch.requireSepaId("endToEndId", endToEndId);
    if (creditorName == null || creditorName.isBlank()) {
      throw new InvalidInputException("creditorName", "must not be blank");
    }
    if (creditorIban == null) {
      throw new InvalidInputException("creditorIban", "must not be null");
    }
    if (!creditorIban.isSepa()) {
      // the last line of defence: a payout account outside SEPA is refused long before
      throw new NonSepaIbanException(
          "creditorIban", creditorIban, "pay this partner by another rail than the SEPA file");
    }
    if (amount == null
        || !amount.isPositive()
        || !"EUR".equals(amount.currency().getCurrencyCode())) {
      throw new InvalidInputException(
          "amount", "a SEPA credit transfer is a positive amount in EUR, was " + amount);
    }
    if (remittance == null || remittance.isBlank()) {
      throw new InvalidInputException("remittance", "must not be blank");
    }
  }
}
