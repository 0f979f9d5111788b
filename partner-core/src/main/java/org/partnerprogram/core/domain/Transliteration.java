package org.partnerprogram.core.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Text in the SEPA character set, {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space, the only
 * characters a bank is bound to accept in a credit transfer. Other characters are transliterated
 * where a standard transliteration exists, character by character:
 *
 * <ul>
 *   <li><b>Latin letters with diacritics</b> lose them ({@code é} to {@code e}, {@code ő} to {@code
 *       o}), and letters without a decomposition are spelt out ({@code ß ss}, {@code æ ae}, {@code
 *       ø o}, {@code œ oe}, {@code ł l}, {@code đ d}, {@code ð d}, {@code þ th}, {@code ı i},
 *       {@code ħ h}, {@code ŋ ng}, {@code ə e}); compatibility forms are folded ({@code ﬁ fi},
 *       full-width {@code Ａ A}).
 *   <li><b>Cyrillic</b> by the Bulgarian official system (the Transliteration Act of 2009, the
 *       "streamlined system" of Bulgarian passports): {@code ж zh}, {@code ц ts}, {@code ч ch},
 *       {@code ш sh}, {@code щ sht}, {@code ъ a}, {@code ь y}, {@code ю yu}, {@code я ya}, {@code й
 *       y}, {@code х h}, and {@code -ия} at the end of a word as {@code -ia}. Letters other
 *       Cyrillic alphabets add take the Latin letters of their own national systems without
 *       diacritics: Serbian {@code ђ dj}, {@code ј j}, {@code љ lj}, {@code њ nj}, {@code ћ c},
 *       {@code џ dz}; Macedonian {@code ѓ gj}, {@code ќ kj}, {@code ѕ dz}; Russian and Belarusian
 *       {@code ё e}, {@code ы y}, {@code э e}, {@code ў u}; Ukrainian {@code є ye}, {@code і i},
 *       {@code ї yi}, {@code ґ g}.
 *   <li><b>Greek</b> by ELOT 743 (ISO 843), the transcription of Greek passports, without accents:
 *       {@code η i}, {@code θ th}, {@code υ y}, {@code φ f}, {@code χ ch}, {@code ψ ps}, {@code ω
 *       o}, {@code ου ou}, {@code αυ ευ ηυ} as {@code av ev iv} before a vowel or voiced consonant
 *       and {@code af ef if} otherwise, {@code γγ ng}, {@code γξ nx}, {@code γχ nch}, and {@code
 *       μπ} as {@code b} at the start of a word, {@code mp} inside it.
 * </ul>
 *
 * A transliteration of more than one letter is capitalised after its source ({@code Ж} gives {@code
 * Zh} in {@code Жельо}, {@code ZH} in {@code ЖУК}). A letter or digit of any other script (Arabic,
 * Hebrew, Chinese, Japanese, Korean, Thai, ...) has no transliteration here: {@link
 * #firstLost(String)} finds it, and {@link #toSepa(String)} leaves a space in its place, as it does
 * for symbols such as emoji.
 */
public final class Transliteration {
  /** Latin (and punctuation) without a decomposition into the SEPA set. */
  private static final Map<Integer, String> LATIN = new HashMap<>();

  /** Cyrillic, lower case. */
  private static final Map<Integer, String> CYRILLIC = new HashMap<>();

  /** Greek, lower case, single letters (the digraphs are rules of the Greek pass below). */
  private static final Map<Integer, String> GREEK = new HashMap<>();

  /** Invisible letters: Hangul fillers, which Unicode counts as letters. */
  private static final String FILLERS = "\u115F\u1160\u3164\uFFA0";

  static {
    put(
        LATIN,
        "ß ss ẞ SS æ ae Æ AE ø o Ø O œ oe Œ OE ł l Ł L đ d Đ D ð d Ð D þ th Þ Th ħ h Ħ H ı i ŀ l"
            + " Ŀ L ĸ k ŋ ng Ŋ Ng ŧ t Ŧ T ƒ f ə e Ə E ǝ e ɨ i");
    LATIN.put((int) '&', "+");
    LATIN.put((int) '€', "EUR");
    LATIN.put((int) '_', "-");
    LATIN.put((int) '"', "'");
    for (char quote : "‘’‚‛′ʹʻʼʽ`´".toCharArray()) {
      LATIN.put((int) quote, "'");
    }
    for (char dash : "‐‑‒–—―−".toCharArray()) {
      LATIN.put((int) dash, "-");
    }
    put(
        CYRILLIC,
        "а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х h"
            + " ц ts ч ch ш sh щ sht ъ a ь y ю yu я ya ђ dj ј j љ lj њ nj ћ c џ dz ѓ gj ќ kj ѕ dz"
            + " ё e ы y э e ў u є ye і i ї yi ґ g");
    put(
        GREEK,
        "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y"
            + " φ f χ ch ψ ps ω o");
  }

  private Transliteration() {}

  /** Puts pairs of "letter transliteration" separated by single spaces into a table. */
  private static void put(Map<Integer, String> table, String pairs) {
    int at = 0;
    while (at < pairs.length()) {
      int space = pairs.indexOf(' ', at);
      int end = pairs.indexOf(' ', space + 1);
      end = end < 0 ? pairs.length() : end;
      table.put(pairs.codePointAt(at), pairs.substring(space + 1, end));
      at = end + 1;
    }
  }

  /**
   * Whether a character is in the SEPA character set.
   *
   * @param c the character (a code point)
   * @return true for {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space
   */
  public static boolean isSepaCharacter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || (c < 0x80 && "/-?:().,'+ ".indexOf(c) >= 0);
  }

  /**
   * Transliterates text into the SEPA character set, character by character: a character this class
   * cannot carry (a letter of another script, a symbol) becomes a space. Neither collapses spaces
   * nor cuts the text.
   *
   * @param text the text; never null
   * @return the text in the SEPA set
   */
  public static String toSepa(String text) {
    return new Run(text).sepa();
  }

  /**
   * The first letter or digit of a text that the transliteration cannot carry (so that {@link
   * #toSepa(String)} would drop it), such as an Arabic, Hebrew or Chinese letter. Invisible fillers
   * and marks are not letters here.
   *
   * @param text the text; never null
   * @return the code point, or empty if every letter and digit is carried
   */
  public static OptionalInt firstLost(String text) {
    Run run = new Run(text);
    run.sepa();
    return run.lost;
  }

  /** One pass over a text, which also notes the first letter it could not carry. */
  private static final class Run {
    private final int[] cps;
    private final StringBuilder out = new StringBuilder();
    private OptionalInt lost = OptionalInt.empty();

    Run(String text) {
      cps = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
    }

    String sepa() {
      for (int i = 0; i < cps.length; i++) {
        i = one(i);
      }
      return out.toString();
    }

    /** Writes the character at i (and any it forms a digraph with); returns the last index used. */
    private int one(int i) {
      int cp = cps[i];
      if (isSepaCharacter(cp)) {
        out.append((char) cp);
        return i;
      }
      String latin = LATIN.get(cp);
      if (latin != null) {
        out.append(latin);
        return i;
      }
      if (isCyrillic(cp)) {
        String t = cyrillic(i);
        if (t != null) {
          append(t, i, 1);
          return i;
        }
      } else if (isGreek(cp)) {
        return greek(i);
      }
      decomposed(cp);
      return i;
    }

    /** A character of no table: its compatibility decomposition, marks dropped. */
    private void decomposed(int cp) {
      String parts = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
      boolean carried = true;
      for (int k = 0; k < parts.length(); ) {
        int p = parts.codePointAt(k);
        k += Character.charCount(p);
        if (isMark(p)) {
          continue;
        }
        if (isSepaCharacter(p)) {
          out.append((char) p);
        } else if (LATIN.containsKey(p)) {
          out.append(LATIN.get(p));
        } else {
          out.append(' ');
          carried = false;
        }
      }
      if (!carried && Character.isLetterOrDigit(cp) && FILLERS.indexOf(cp) < 0 && lost.isEmpty()) {
        lost = OptionalInt.of(cp);
      }
    }

    private String cyrillic(int i) {
      int lower = base(cps[i]);
      if (lower == 'я' && i > 0 && base(cps[i - 1]) == 'и' && !isLetterAt(i + 1)) {
        return "a"; // -ия at the end of a word is -ia
      }
      return CYRILLIC.get(lower);
    }

    /** Greek at i: a digraph rule or a letter; returns the last index used. */
    private int greek(int i) {
      int c = base(cps[i]);
      int next = i + 1 < cps.length && isGreek(cps[i + 1]) ? base(cps[i + 1]) : -1;
      boolean nextPlainUpsilon = next == 'υ' && !hasDiaeresis(cps[i + 1]);
      if ((c == 'α' || c == 'ε' || c == 'η') && nextPlainUpsilon) {
        int after = i + 2 < cps.length && isGreek(cps[i + 2]) ? base(cps[i + 2]) : -1;
        String vowel = c == 'α' ? "a" : c == 'ε' ? "e" : "i";
        boolean voiced = after >= 0 && "αεηιουωβγδζλμνρ".indexOf(after) >= 0;
        append(vowel + (voiced ? "v" : "f"), i, 2);
        return i + 1;
      }
      if (c == 'ο' && nextPlainUpsilon) {
        append("ou", i, 2);
        return i + 1;
      }
      if (c == 'γ' && (next == 'γ' || next == 'ξ' || next == 'χ')) {
        append(next == 'γ' ? "ng" : next == 'ξ' ? "nx" : "nch", i, 2);
        return i + 1;
      }
      if (c == 'μ' && next == 'π' && !isLetterAt(i - 1)) {
        append("b", i, 2);
        return i + 1;
      }
      String t = GREEK.get(c);
      if (t == null) {
        decomposed(cps[i]);
        return i;
      }
      append(t, i, 1);
      return i;
    }

    /**
     * Appends a transliteration of the {@code length} source letters at i in their case: all lower,
     * capitalised, or all upper when the source word is in capitals.
     */
    private void append(String t, int i, int length) {
      if (!Character.isUpperCase(cps[i])) {
        out.append(t);
        return;
      }
      int after = i + length;
      boolean nextUpper = after < cps.length && Character.isUpperCase(cps[after]);
      boolean nextLower = after < cps.length && Character.isLowerCase(cps[after]);
      boolean previousUpper = i > 0 && Character.isUpperCase(cps[i - 1]);
      boolean secondUpper = length > 1 && Character.isUpperCase(cps[i + 1]);
      if (t.length() > 1 && (nextUpper || secondUpper || (previousUpper && !nextLower))) {
        out.append(t.toUpperCase(java.util.Locale.ROOT));
      } else {
        out.append(Character.toUpperCase(t.charAt(0))).append(t, 1, t.length());
      }
    }

    private boolean isLetterAt(int i) {
      return i >= 0 && i < cps.length && Character.isLetter(cps[i]);
    }
  }

  private static boolean isCyrillic(int cp) {
    return cp >= 0x0400 && cp <= 0x052F;
  }

  private static boolean isGreek(int cp) {
    return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x1F00 && cp <= 0x1FFF);
  }

  /** The letter without accents (but for Cyrillic й, ё, ї, which the table knows), lower case. */
  private static int base(int cp) {
    int lower = Character.toLowerCase(cp);
    if (CYRILLIC.containsKey(lower) || GREEK.containsKey(lower)) {
      return lower;
    }
    String d = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFD);
    return d.codePointAt(0);
  }

  private static boolean hasDiaeresis(int cp) {
    return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
        .contains("\u0308");
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
