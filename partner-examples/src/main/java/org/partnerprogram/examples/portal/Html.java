package org.partnerprogram.examples.portal;

/**
 * The portal's only HTML escaper. Every dynamic value goes through {@link #escape} before it is
 * written into a page, whether it came from a visitor (a name, an e-mail address), from the SDK or
 * from the host's own catalogue: escaping everything is simpler to check than deciding what is
 * safe.
 *
 * <p>The result is safe in element content and in <em>quoted</em> attribute values. It is not
 * enough inside {@code <script>}, {@code <style>}, unquoted attributes or URL attributes that could
 * hold {@code javascript:} links; the portal never puts dynamic values there.
 */
public final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and quoted attribute values: {@code & < > " '} become
   * character references, and NUL becomes U+FFFD (browsers do the same, but not every parser).
   *
   * @param text the text; null gives the empty string
   * @return the escaped text
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null; // allocated only when something needs escaping
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\0' -> "\uFFFD";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Escapes any value's {@code toString()}.
   *
   * @param value the value; null gives the empty string
   * @return the escaped text
   */
  public static String escape(Object value) {
    return value == null ? "" : escape(value.toString());
  }
}
