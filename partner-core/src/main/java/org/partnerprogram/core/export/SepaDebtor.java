package org.partnerprogram.core.export;

import java.util.Optional;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NonSepaIbanException;

/**
 * The programme's own account that pays the partners, from configuration.
 *
 * @param name the account holder as the bank knows it; transliterated into the SEPA set and cut to
 *     70 characters when written; never blank
 * @param iban the account, of a SEPA country ({@link Iban#isSepa()}); never null
 * @param bic the bank's BIC if the bank wants it (optional for SEPA since 2016); never null
 */
public record SepaDebtor(String name, Iban iban, Optional<String> bic) {
  private static final String BIC_PATTERN = "[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?";

  /**
   * Validates the debtor.
   *
   * @throws InvalidInputException if the name is blank, the IBAN null or the BIC malformed ({@link
   *     NonSepaIbanException} if the IBAN is outside SEPA)
   */
  public SepaDebtor {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("debtorName", "must not be blank");
    }
    if (iban == null) {
      throw new InvalidInputException("debtorIban", "must not be null");
    }
    if (!iban.isSepa()) {
      throw new NonSepaIbanException(
          "debtorIban", iban, "a SEPA credit transfer is paid from an account in a SEPA country");
    }
    if (bic == null || (bic.isPresent() && !bic.get().matches(BIC_PATTERN))) {
      throw new InvalidInputException(
          "debtorBic", "must be a BIC of 8 or 11 characters, such as ABNANL2A, or empty");
    }
  }

  /**
   * A debtor without BIC.
   *
   * @param name the holder's name
   * @param iban the IBAN as typed
   * @return the debtor
   * @throws InvalidInputException if the IBAN fails validation
   */
  public static SepaDebtor of(String name, String iban) {
    return new SepaDebtor(name, Iban.parse(iban), Optional.empty());
  }
}
