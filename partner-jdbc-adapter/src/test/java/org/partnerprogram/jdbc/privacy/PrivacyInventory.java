package org.partnerprogram.jdbc.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable part of {@code PRIVACY.md}: under each heading {@code ### `name`} (a table
 * such as {@code pp_touch}, or an event such as {@code CustomerAttributed}), the rows of its
 * markdown table whose first cell is {@code `column`} and whose second cell is the classification
 * ({@code yes}, {@code pseudonymous} or {@code no}).
 *
 * @param sections per heading name, its rows' names with their classification, in document order
 */
record PrivacyInventory(Map<String, Map<String, String>> sections) {
  /** The document, beside the module's pom (the tests run in the module's directory). */
  static final Path DOCUMENT = Path.of("PRIVACY.md");

  /** The classifications a row may have. */
  static final Set<String> CLASSIFICATIONS = Set.of("yes", "pseudonymous", "no");

  private static final Pattern HEADING = Pattern.compile("^###\\s+`([^`]+)`");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]*?)\\s*\\|");

  static PrivacyInventory read() throws IOException {
    return parse(Files.readAllLines(DOCUMENT.toAbsolutePath()));
  }

  static PrivacyInventory parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    String current = null;
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (heading.find()) {
        current = heading.group(1);
        sections.putIfAbsent(current, new LinkedHashMap<>());
        continue;
      }
      if (line.startsWith("#")) {
        current = null;
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (current != null && row.find()) {
        sections.get(current).put(row.group(1), row.group(2));
      }
    }
    return new PrivacyInventory(sections);
  }

  /**
   * What the document must change to list exactly {@code actual}: one message per difference, each
   * saying what to add to or remove from PRIVACY.md.
   *
   * @param actual per table (or event), its columns (or fields) as the code has them
   * @param scope which of the document's sections {@code actual} is the whole truth for
   * @param section what a section is ("table", "event")
   * @param item what a row is ("column", "field")
   * @return the differences, empty when the document is complete and nothing in it is stale
   */
  List<String> differences(
      Map<String, List<String>> actual, Predicate<String> scope, String section, String item) {
    List<String> problems = new ArrayList<>();
    actual.forEach(
        (name, items) -> {
          Map<String, String> listed = sections.get(name);
          if (listed == null) {
            StringBuilder rows = new StringBuilder();
            for (String i : items) {
              rows.append("\n  ").append(row(i));
            }
            problems.add(
                section
                    + " "
                    + name
                    + " is not in "
                    + DOCUMENT
                    + ": add a section `### `"
                    + name
                    + "`` with its purpose, retention and legal basis, and a table with these rows"
                    + " (classify each):"
                    + rows);
            return;
          }
          for (String i : items) {
            String classification = listed.get(i);
            if (classification == null) {
              problems.add(
                  item
                      + " "
                      + name
                      + "."
                      + i
                      + " is not in "
                      + DOCUMENT
                      + ": add this row under `### `"
                      + name
                      + "`` (classify it): "
                      + row(i));
            } else if (!CLASSIFICATIONS.contains(classification)) {
              problems.add(
                  item
                      + " "
                      + name
                      + "."
                      + i
                      + " is classified '"
                      + classification
                      + "' in "
                      + DOCUMENT
                      + ": write yes, pseudonymous or no");
            }
          }
          for (String i : listed.keySet()) {
            if (!items.contains(i)) {
              problems.add(
                  DOCUMENT
                      + " lists "
                      + item
                      + " "
                      + name
                      + "."
                      + i
                      + ", which does not exist: remove its row");
            }
          }
        });
    for (String name : sections.keySet()) {
      if (scope.test(name) && !actual.containsKey(name)) {
        problems.add(
            DOCUMENT
                + " lists "
                + section
                + " "
                + name
                + ", which does not exist: remove its section");
      }
    }
    return problems;
  }

  private static String row(String name) {
    return "| `" + name + "` | yes / pseudonymous / no | what it holds |";
  }
}
