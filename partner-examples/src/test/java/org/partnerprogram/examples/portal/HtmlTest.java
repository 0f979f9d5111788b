package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEachCharacterThatCanEndTextOrAnAttribute() {
    assertThat(Html.escape("&")).isEqualTo("&amp;");
    assertThat(Html.escape("<")).isEqualTo("&lt;");
    assertThat(Html.escape(">")).isEqualTo("&gt;");
    assertThat(Html.escape("\"")).isEqualTo("&quot;");
    assertThat(Html.escape("'")).isEqualTo("&#39;");
    assertThat(Html.escape("a\0b")).isEqualTo("a\uFFFDb");
  }

  @Test
  void hostileStringsComeOutInert() {
    assertThat(Html.escape("<script>alert(\"pwned\")</script>"))
        .isEqualTo("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
    assertThat(Html.escape("\"><img src=x onerror=alert(1)>"))
        .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(Html.escape("' onmouseover='alert(1)")).isEqualTo("&#39; onmouseover=&#39;alert(1)");
    assertThat(Html.escape("</textarea><svg/onload=alert(1)>"))
        .isEqualTo("&lt;/textarea&gt;&lt;svg/onload=alert(1)&gt;");
    assertThat(Html.escape("<!--")).isEqualTo("&lt;!--");
    // An entity is shown as typed, not interpreted: escaping twice stays visible text.
    assertThat(Html.escape("&lt;b&gt;")).isEqualTo("&amp;lt;b&amp;gt;");
  }

  @Test
  void leavesOtherTextAloneIncludingSurrogatePairsAndNonLatinScripts() {
    String text = "Zoë van den Berg-Ørsted, Fatma Yılmaz 😀 \u202Eabc 12.5 % / = ` ;";
    assertThat(Html.escape(text)).isSameAs(text);
    assertThat(Html.escape((String) null)).isEmpty();
    assertThat(Html.escape((Object) null)).isEmpty();
    assertThat(Html.escape((Object) 42)).isEqualTo("42");
  }

  @Test
  void noStringCanBreakOutAndEveryStringCanBeReadBack() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            s -> {
              String escaped = Html.escape(s);
              assertThat(escaped).doesNotContain("<", ">", "\"", "'");
              assertThat(unescape(escaped)).isEqualTo(s.replace('\0', '\uFFFD'));
            });
  }

  /** What a browser does with the five references the escaper writes. */
  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
