package org.partnerprogram.core.domain;

/**
 * Checks for the text a host passes in. Every check throws {@link InvalidInputException} naming the
 * field, so bad text never reaches storage (where a column might truncate or coerce it).
 */
public final class Text {
  /** The most characters of a value {@link #excerpt(String)} shows. */
  public static final int EXCERPT_LENGTH = 40;

  private Text() {}

  /**
   * Checks an identifier: not blank, at most {@code maxLength} characters, printable ASCII without
   * spaces (letters, digits and {@code - _ . : @ / +}).
   *
   * @param field the input's name, for the error message
   * @param value the value to check; may be null (which is rejected)
   * @param maxLength the maximum length in characters
   * @return the value unchanged
   * @throws InvalidInputException if the value is null, blank, too long or has other characters
   */
  public static String identifier(String field, String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "must not be null or empty");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isAsciiLetterDigitOr(c, "-_.:@/+")) {
        throw new InvalidInputException(
            field,
            "may only contain letters, digits and - _ . : @ / + (found "
                + describe(c)
                + " at position "
                + i
                + ")");
      }
    }
    return value;
  }

  /**
   * Checks free text such as a name or a reason: not blank, at most {@code maxLength} characters
   * (counted as Unicode code points), no control, format (bidi) or unassigned characters, no
   * leading or trailing white space.
   *
   * @param field the input's name, for the error message
   * @param value the value to check; may be null (which is rejected)
   * @param maxLength the maximum length in code points
   * @return the value unchanged
   * @throws InvalidInputException if the value is null, blank, too long or has forbidden characters
   */
  public static String freeText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "must not be null or blank");
    }
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters, was " + length);
    }
    if (!value.strip().equals(value)) {
      throw new InvalidInputException(field, "must not start or end with white space");
    }
    value
        .codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.UNASSIGNED
                  || type == Character.PRIVATE_USE
                  || type == Character.SURROGATE
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR) {
                throw new InvalidInputException(
                    field,
                    "must not contain control or formatting characters (found U+"
                        + String.format("%04X", cp)
                        + ")");
              }
            });
    return value;
  }

  /**
   * A short, printable rendering of a value for an error message: quoted, cut after {@value
   * #EXCERPT_LENGTH} characters (saying how long the value was), characters other than printable
   * ASCII shown as Java escapes (backslash, u, four hex digits). A message never carries a host's
   * value unbounded, nor a character that could forge a log line.
   *
   * @param value the value; may be null
   * @return {@code null} or the quoted excerpt; never null
   */
  public static String excerpt(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("'");
    int shown = Math.min(value.length(), EXCERPT_LENGTH);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    b.append('\'');
    if (value.length() > shown) {
      b.append("... (").append(value.length()).append(" characters)");
    }
    return b.toString();
  }

  /**
   * Whether a character is an ASCII letter or digit, or one of {@code others}: the alphabet of
   * identifiers and paths, which no locale or Unicode table can widen.
   *
   * @param c the character
   * @param others the further characters allowed
   * @return true if allowed
   */
  static boolean isAsciiLetterDigitOr(char c, String others) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || others.indexOf(c) >= 0;
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
