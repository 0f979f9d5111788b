package org.partnerprogram.core.domain;

import java.util.Objects;

/**
 * The bank account a partner's earnings are paid to.
 *
 * @param iban the validated IBAN; never null
 * @param holderName the account holder's name as the bank knows it; 1 to 70 characters (the SEPA
 *     limit), no control characters
 */
public record PayoutAccount(Iban iban, String holderName) {
  /** Maximum length of the holder name (SEPA {@code Cdtr/Nm}). */
  public static final int MAX_HOLDER_NAME_LENGTH = 70;

  /**
   * Validates the account.
   *
   * @throws InvalidInputException if the IBAN is null or the name is blank, too long or has control
   *     characters
   */
  public PayoutAccount {
    if (iban == null) {
      throw new InvalidInputException("iban", "must not be null");
    }
    Text.freeText("holderName", holderName, MAX_HOLDER_NAME_LENGTH);
  }

  /**
   * Parses an account as typed by a person.
   *
   * @param iban the IBAN, spaces and lower case allowed
   * @param holderName the holder's name
   * @return the account
   * @throws InvalidInputException if either is invalid ({@link InvalidIbanException} for the IBAN)
   */
  public static PayoutAccount of(String iban, String holderName) {
    return new PayoutAccount(Iban.parse(iban), holderName);
  }

  @Override
  public String toString() {
    return "PayoutAccount[" + iban.masked() + ", " + Objects.toString(holderName) + "]";
  }
}
