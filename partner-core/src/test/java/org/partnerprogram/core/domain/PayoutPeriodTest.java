package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PayoutPeriodTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void aMonthIsHalfOpenInTheProgrammesZone() {
    PayoutPeriod november = new PayoutPeriod(YearMonth.of(2026, 11), AMSTERDAM);
    assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(november.end()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(november.contains(november.start())).isTrue();
    assertThat(november.contains(november.end())).isFalse();
    assertThat(november.next().start()).isEqualTo(november.end());
  }

  @Test
  void halfPastElevenOnTheLastDayBelongsToThatMonth() {
    // 30 November 23:30 in Amsterdam is 22:30 UTC
    Instant lastEvening = Instant.parse("2026-11-30T22:30:00Z");
    assertThat(PayoutPeriod.containing(lastEvening, AMSTERDAM).month())
        .isEqualTo(YearMonth.of(2026, 11));
    assertThat(PayoutPeriod.containing(Instant.parse("2026-11-30T23:00:00Z"), AMSTERDAM).month())
        .isEqualTo(YearMonth.of(2026, 12));
  }

  @Test
  void daylightSavingChangesMoveTheBoundariesInUtc() {
    // March 2026: starts in winter time (UTC+1), ends in summer time (UTC+2)
    PayoutPeriod march = new PayoutPeriod(YearMonth.of(2026, 3), AMSTERDAM);
    assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    // October 2026: the other way round
    PayoutPeriod october = new PayoutPeriod(YearMonth.of(2026, 10), AMSTERDAM);
    assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(october.hasEndedAt(Instant.parse("2026-10-31T22:59:59Z"))).isFalse();
    assertThat(october.hasEndedAt(Instant.parse("2026-10-31T23:00:00Z"))).isTrue();
  }
}
