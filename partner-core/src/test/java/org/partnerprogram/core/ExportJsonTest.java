package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;

/** The export's hand-written JSON: every string survives a strict parser unchanged. */
class ExportJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(text, e);
    }
  }

  private static String write(String value) {
    StringWriter out = new StringWriter();
    ExportJson json = new ExportJson(out);
    json.beginObject().name("s").value(value).name("a").beginArray();
    json.value(value).beginObject().endObject().beginArray().endArray().value(1L).endArray();
    json.endObject().flush();
    return out.toString();
  }

  @Test
  void everyCharacterFromControlsToLineSeparatorsRoundTrips() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("\u2028\u2029é€\uD83D\uDE00");
    String text = write(all.toString());
    JsonNode doc = parse(text);
    assertThat(doc.get("s").asText()).isEqualTo(all.toString());
    assertThat(doc.get("a").get(0).asText()).isEqualTo(all.toString());
    assertThat(doc.get("a").size()).isEqualTo(4);
    assertThat(text).doesNotContain("\u2028").doesNotContain("\n");
  }

  @Test
  void anyStringRoundTripsAndCommasGoBetweenMembersOnly() {
    qt().withExamples(500)
        .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 40))
        .checkAssert(s -> assertThat(parse(write(s)).get("s").asText()).isEqualTo(s));
  }

  @Test
  void amountsArePlainDecimalsAndAbsentValuesNull() {
    StringWriter out = new StringWriter();
    ExportJson json = new ExportJson(out);
    json.beginObject()
        .name("amount")
        .value(Money.of(new java.math.BigDecimal("1E+3"), java.util.Currency.getInstance("EUR")))
        .name("none")
        .valueOrNull(Optional.empty())
        .name("at")
        .valueOrNull(Optional.of(Instant.parse("2026-12-01T08:00:00Z")))
        .endObject()
        .flush();
    assertThat(out.toString())
        .contains("\"amount\":1000.00")
        .contains("\"none\":null")
        .contains("\"at\":\"2026-12-01T08:00:00Z\"");
  }
}
