package org.partnerprogram.core.export;

import java.util.Objects;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;

/**
 * One credit transfer to a partner.
 *
 * @param endToEndId the reference that travels to the partner's bank statement: 1 to 35 characters
 *     of A-Z a-z 0-9 and {@code + ? / - : ( ) . , '} (space not allowed here); never null
 * @param creditorName the partner's account holder; transliterated and cut to 70 characters
 * @param creditorIban the partner's IBAN; never null
 * @param amount the amount in EUR, more than zero; never null
 * @param remittance the text for the partner's statement; transliterated and cut to 140 characters
 */
public record SepaTransfer(
    String endToEndId, String creditorName, Iban creditorIban, Money amount, String remittance) {

  /**
   * Validates the transfer.
   *
   * @throws InvalidInputException if an id is malformed, a text blank, or the amount not positive
   *     EUR
   */
  public SepaTransfer {
    SepaBatch.requireSepaId("endToEndId", endToEndId);
    if (creditorName == null || creditorName.isBlank()) {
      throw new InvalidInputException("creditorName", "must not be blank");
    }
    Objects.requireNonNull(creditorIban, "creditorIban");
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
