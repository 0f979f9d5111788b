package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The character-class edges of identifiers and free text, and what the errors say. */
class TextEdgesTest {
  @Test
  void identifiersAcceptTheEdgesOfEachCharacterRange() {
    String all = "azAZ09-_.:@/+";
    assertThat(Text.identifier("id", all, 13)).isEqualTo(all);
    assertThat(Text.identifier("id", "x", 1)).isEqualTo("x");
    assertThatThrownBy(() -> Text.identifier("id", "xy", 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("id: must be at most 1 characters, was 2");
  }

  @Test
  void identifiersRefuseTheCharactersJustOutsideEachRangeAndSayWhereTheyAre() {
    // the neighbours of a-z, A-Z and 0-9 that are not in the extra set
    String[][] cases = {
      {"ab`", "'`' at position 2"},
      {"ab{", "'{' at position 2"},
      {"ab[", "'[' at position 2"},
      {"a!", "'!' at position 1"},
      {"a~", "'~' at position 1"},
      {"a\u007f", "U+007F at position 1"},
      {"\u0001", "U+0001 at position 0"},
      {"a\u00e9", "U+00E9 at position 1"}
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> Text.identifier("id", c[0], 10))
          .as(c[0])
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"))
          .hasMessageContaining("(found " + c[1] + ")");
    }
    assertThatThrownBy(() -> Text.identifier("id", "", 10))
        .hasMessage("id: must not be null or empty");
  }

  @Test
  void freeTextCountsCodePointsAndNamesTheForbiddenCharacter() {
    assertThat(Text.freeText("name", "abc", 3)).isEqualTo("abc");
    assertThatThrownBy(() -> Text.freeText("name", "abcd", 3))
        .hasMessage("name: must be at most 3 characters, was 4");
    assertThatThrownBy(() -> Text.freeText("name", "a\u200Bb", 10))
        .hasMessage("name: must not contain control or formatting characters (found U+200B)");
    for (String bad :
        new String[] {
          "a\u0378b", // unassigned
          "a\uE000b", // private use
          "a\uD800b", // lone surrogate
          "a\u2028b", // line separator
          "a\u2029b", // paragraph separator
          "a\u0007b" // control
        }) {
      assertThatThrownBy(() -> Text.freeText("name", bad, 10))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("control or formatting");
    }
    assertThatThrownBy(() -> Text.freeText("name", null, 10))
        .hasMessage("name: must not be null or blank");
    assertThatThrownBy(() -> Text.freeText("name", "a\t", 10))
        .hasMessage("name: must not start or end with white space");
  }
}
