package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PagesTest {
  @Test
  void datesAreWrittenInEnglishWhateverTheServersLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("nl-NL"));
    try {
      Pages pages =
          new Pages(
              ZoneId.of("Europe/Amsterdam"),
              Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC),
              Duration.ofDays(90));

      assertThat(pages.dateTime(Instant.parse("2026-03-10T10:00:00Z")))
          .isEqualTo("10 Mar 2026 11:00");
    } finally {
      Locale.setDefault(before);
    }
  }
}
