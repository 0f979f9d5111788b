package org.partnerprogram.jdbc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.event.ProgramEvent;

/**
 * PRIVACY.md classifies every field of every event the SDK publishes (the outbox's JSON is the
 * envelope and the event record's components by name), and the comparison behind this test and the
 * per-database schema tests ({@link AbstractPrivacyInventoryTest}) tells a developer what to add or
 * remove.
 */
class PrivacyInventoryTest {
  private static final List<String> SAMPLE =
      List.of(
          "# Inventory",
          "### `pp_touch`",
          "Clicks.",
          "| Column | Personal data? | What it holds |",
          "|---|---|---|",
          "| `visitor_id` | pseudonymous | the cookie |",
          "| `touched_at` | no | when |",
          "## Events",
          "| `notInASection` | yes | ignored |");

  /** The JSON envelope's fields, written before the event's own ({@code EventJson}). */
  static final List<String> ENVELOPE = List.of("schemaVersion", "type");

  /** Per event record, its components, which the outbox's JSON holds by name. */
  static Map<String, List<String>> eventFields() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("envelope", ENVELOPE);
    for (Class<?> type : ProgramEvent.class.getPermittedSubclasses()) {
      fields.put(
          type.getSimpleName(),
          Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }
    return fields;
  }

  @Test
  void everyFieldOfEveryEventIsClassified() throws IOException {
    Map<String, List<String>> events = eventFields();
    assertThat(events).hasSizeGreaterThan(10).containsKey("CustomerAttributed");

    List<String> problems =
        PrivacyInventory.read().differences(events, n -> !n.startsWith("pp_"), "event", "field");

    assertThat(problems)
        .withFailMessage(
            "PRIVACY.md does not match %s:%n%s", "the events", String.join("\n", problems))
        .isEmpty();
  }

  @Test
  void theDocumentIsReadAsSectionsOfClassifiedRows() {
    PrivacyInventory inventory = PrivacyInventory.parse(SAMPLE);

    assertThat(inventory.sections())
        .containsExactly(
            Map.entry("pp_touch", Map.of("visitor_id", "pseudonymous", "touched_at", "no")));
  }

  @Test
  void aNewColumnTheDocumentDoesNotListIsReportedWithTheRowToAdd() {
    List<String> problems =
        PrivacyInventory.parse(SAMPLE)
            .differences(
                Map.of("pp_touch", List.of("visitor_id", "touched_at", "ip_address")),
                n -> n.startsWith("pp_"),
                "table",
                "column");

    assertThat(problems)
        .containsExactly(
            "column pp_touch.ip_address is not in PRIVACY.md: add this row under `### `pp_touch``"
                + " (classify it): | `ip_address` | yes / pseudonymous / no | what it holds |");
  }

  @Test
  void aNewTableIsReportedWithTheSectionToAdd() {
    List<String> problems =
        PrivacyInventory.parse(SAMPLE)
            .differences(
                Map.of(
                    "pp_touch",
                    List.of("visitor_id", "touched_at"),
                    "pp_visit",
                    List.of("visitor_id", "user_agent")),
                n -> n.startsWith("pp_"),
                "table",
                "column");

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("table pp_visit is not in PRIVACY.md: add a section `### `pp_visit``")
        .contains("\n  | `visitor_id` | yes / pseudonymous / no | what it holds |")
        .endsWith("\n  | `user_agent` | yes / pseudonymous / no | what it holds |");
  }

  @Test
  void aColumnOrTableThatIsGoneIsReportedForRemoval() {
    List<String> problems =
        PrivacyInventory.parse(SAMPLE)
            .differences(
                Map.of("pp_click", List.of("visitor_id")),
                n -> n.startsWith("pp_"),
                "table",
                "column");

    assertThat(problems)
        .contains("PRIVACY.md lists table pp_touch, which does not exist: remove its section");
    List<String> removed =
        PrivacyInventory.parse(SAMPLE)
            .differences(
                Map.of("pp_touch", List.of("visitor_id")),
                n -> n.startsWith("pp_"),
                "table",
                "column");
    assertThat(removed)
        .containsExactly(
            "PRIVACY.md lists column pp_touch.touched_at, which does not exist: remove its row");
  }

  @Test
  void aClassificationOtherThanYesPseudonymousOrNoIsReported() {
    List<String> lines = SAMPLE.stream().map(l -> l.replace("| no |", "| maybe |")).toList();

    List<String> problems =
        PrivacyInventory.parse(lines)
            .differences(
                Map.of("pp_touch", List.of("visitor_id", "touched_at")),
                n -> n.startsWith("pp_"),
                "table",
                "column");

    assertThat(problems)
        .containsExactly(
            "column pp_touch.touched_at is classified 'maybe' in PRIVACY.md: write yes,"
                + " pseudonymous or no");
  }
}
