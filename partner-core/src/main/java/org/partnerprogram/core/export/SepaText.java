package org.partnerprogram.core.export;

import org.partnerprogram.core.domain.Transliteration;

/**
 * Text in the SEPA character set: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. Everything
 * else is transliterated by {@link Transliteration} (é to e, ß to ss, Ø to O, Cyrillic by the
 * Bulgarian official system, Greek by ELOT 743) or, failing that, replaced by a space; runs of
 * spaces are collapsed and the result is cut to the field's length. A payout account's holder name
 * never loses a letter here: {@link org.partnerprogram.core.domain.PayoutAccount} refuses a name
 * with a letter the transliteration cannot carry.
 */
public final class SepaText {
  private SepaText() {}

  /**
   * Whether a character is in the SEPA set.
   *
   * @param c the character
   * @return true if a bank accepts it as it is
   */
  public static boolean isSepa(char c) {
    return Transliteration.isSepaCharacter(c);
  }

  /**
   * Transliterates text into the SEPA set and cuts it to a length.
   *
   * @param text the text; never null
   * @param maxLength the field's length
   * @return SEPA text of 1 to {@code maxLength} characters ({@code "-"} if nothing was left)
   */
  public static String of(String text, int maxLength) {
    String collapsed = Transliteration.toSepa(text).replaceAll(" {2,}", " ").strip();
    if (collapsed.length() > maxLength) {
      collapsed = collapsed.substring(0, maxLength).stripTrailing();
    }
    return collapsed.isEmpty() ? "-" : collapsed;
  }
}
