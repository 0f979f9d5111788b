package org.partnerprogram.core.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The bank account a partner's earnings are paid to.
 *
 * <p>The holder's name goes into the bank file in the SEPA character set, transliterated by {@link
 * Transliteration} (Latin with diacritics, Cyrillic, Greek): so it must be a name the bank file can
 * carry whole. A name with a letter of another script (Arabic, Hebrew, Chinese, ...) is refused, as
 * is a name without a visible letter or digit (only spaces, a braille blank, a Hangul filler,
 * combining marks): the host gives the name in Latin letters, as the bank has it. The creditor name
 * in the file is then always the given name or its transliteration, never one with letters dropped.
 *
 * @param iban the validated IBAN; never null
 * @param holderName the account holder's name as the bank knows it; 1 to 70 characters (the SEPA
 *     limit), no control characters, every letter in a script {@link Transliteration} carries, at
 *     least one letter or digit
 */
public record PayoutAccount(Iban iban, String holderName) {
  /** Maximum length of the holder name (SEPA {@code Cdtr/Nm}). */
  public static final int MAX_HOLDER_NAME_LENGTH = 70;

  /**
   * Validates the account.
   *
   * @throws InvalidInputException if the IBAN is null or the name is blank, too long, has control
   *     characters, has a letter that the bank file cannot carry, or has no visible letter or digit
   */
  public PayoutAccount {
    if (iban == null) {
      throw new InvalidInputException("iban", "must not be null");
    }
    Text.freeText("holderName", holderName, MAX_HOLDER_NAME_LENGTH);
    OptionalInt lost = Transliteration.firstLost(holderName);
    if (lost.isPresent()) {
      throw new InvalidInputException(
          "holderName",
          "has a letter a bank file cannot carry (U+"
              + String.format("%04X", lost.getAsInt())
              + "; it takes Latin, Cyrillic and Greek letters); give the name in Latin letters, as"
              + " the bank has it");
    }
    if (!Transliteration.toSepa(holderName).matches(".*[A-Za-z0-9].*")) {
      throw new InvalidInputException(
          "holderName",
          "has no visible letter or digit; give the name in Latin letters, as the bank has it");
    }
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
