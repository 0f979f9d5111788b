package org.partnerprogram.core.export;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text in the SEPA character set: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. Everything
 * else is transliterated (é to e, ß to ss, Ø to O) or, failing that, replaced by a space; runs of
 * spaces are collapsed and the result is cut to the field's length.
 */
public final class SepaText {
  private static final Map<Character, String> SPECIAL =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ı', "i"),
          Map.entry('İ', "I"),
          Map.entry('Æ', "AE"),
          Map.entry('æ', "ae"),
          Map.entry('Ø', "O"),
          Map.entry('ø', "o"),
          Map.entry('Œ', "OE"),
          Map.entry('œ', "oe"),
          Map.entry('Ł', "L"),
          Map.entry('ł', "l"),
          Map.entry('Đ', "D"),
          Map.entry('đ', "d"),
          Map.entry('Þ', "Th"),
          Map.entry('þ', "th"),
          Map.entry('&', "+"),
          Map.entry('€', "EUR"),
          Map.entry('_', "-"),
          Map.entry('"', "'"),
          Map.entry('’', "'"),
          Map.entry('‘', "'"),
          Map.entry('–', "-"),
          Map.entry('—', "-"));

  private SepaText() {}

  /**
   * Whether a character is in the SEPA set.
   *
   * @param c the character
   * @return true if a bank accepts it as it is
   */
  public static boolean isSepa(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "/-?:().,'+ ".indexOf(c) >= 0;
  }

  /**
   * Transliterates text into the SEPA set and cuts it to a length.
   *
   * @param text the text; never null
   * @param maxLength the field's length
   * @return SEPA text of 1 to {@code maxLength} characters ({@code "-"} if nothing was left)
   */
  public static String of(String text, int maxLength) {
    StringBuilder out = new StringBuilder(text.length());
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a decomposed letter
      }
      if (isSepa(c)) {
        out.append(c);
      } else if (SPECIAL.containsKey(c)) {
        out.append(SPECIAL.get(c));
      } else {
        out.append(' ');
      }
    }
    String collapsed = out.toString().replaceAll(" {2,}", " ").strip();
    if (collapsed.length() > maxLength) {
      collapsed = collapsed.substring(0, maxLength).stripTrailing();
    }
    return collapsed.isEmpty() ? "-" : collapsed;
  }
}
