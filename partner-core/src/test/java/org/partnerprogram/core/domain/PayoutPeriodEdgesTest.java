package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PayoutPeriodEdgesTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void neighboursOrderingAndTextFollowTheMonth() {
    PayoutPeriod january = new PayoutPeriod(YearMonth.of(2027, 1), UTC);
    assertThat(january.previous()).isEqualTo(new PayoutPeriod(YearMonth.of(2026, 12), UTC));
    assertThat(january.previous().end()).isEqualTo(january.start());
    assertThat(january.next().month()).isEqualTo(YearMonth.of(2027, 2));
    assertThat(january.compareTo(january.next())).isNegative();
    assertThat(january.next().compareTo(january)).isPositive();
    assertThat(january.compareTo(new PayoutPeriod(YearMonth.of(2027, 1), UTC))).isZero();
    assertThat(january.toString()).isEqualTo("2027-01");
  }

  @Test
  void containsIsHalfOpenOnBothSides() {
    PayoutPeriod january = new PayoutPeriod(YearMonth.of(2027, 1), UTC);
    Instant start = Instant.parse("2027-01-01T00:00:00Z");
    assertThat(january.contains(start.minusNanos(1))).isFalse();
    assertThat(january.contains(start)).isTrue();
    assertThat(january.contains(Instant.parse("2027-01-31T23:59:59.999999Z"))).isTrue();
    assertThat(january.contains(Instant.parse("2027-02-01T00:00:00Z"))).isFalse();
    assertThat(january.hasEndedAt(Instant.parse("2027-01-31T23:59:59.999999Z"))).isFalse();
  }

  @Test
  void monthAndZoneAreRequired() {
    assertThatThrownBy(() -> new PayoutPeriod(null, UTC)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new PayoutPeriod(YearMonth.of(2027, 1), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PayoutPeriod.containing(null, UTC))
        .isInstanceOf(NullPointerException.class);
  }
}
