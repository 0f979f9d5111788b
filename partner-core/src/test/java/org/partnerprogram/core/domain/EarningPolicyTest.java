package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;

class EarningPolicyTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Instant SIGNUP = Instant.parse("2026-01-31T10:00:00Z");

  private static boolean noEarlierOrder() {
    return false;
  }

  private static boolean anEarlierOrder() {
    return true;
  }

  @Test
  void underEveryOrderEveryOrderEarnsAndNothingIsAsked() {
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier counting =
        () -> {
          asked.incrementAndGet();
          return true;
        };
    Instant muchLater = Instant.parse("2036-01-01T00:00:00Z");
    assertThat(EarningPolicy.everyOrder().excludes(muchLater, SIGNUP, AMSTERDAM, counting))
        .isEmpty();
    assertThat(asked).hasValue(0);
  }

  @Test
  void underFirstOrderOnlyAnOrderAfterAnotherDoesNotEarn() {
    EarningPolicy policy = EarningPolicy.firstOrderOnly();
    assertThat(policy.excludes(SIGNUP, SIGNUP, AMSTERDAM, EarningPolicyTest::noEarlierOrder))
        .isEmpty();
    assertThat(policy.excludes(SIGNUP, SIGNUP, AMSTERDAM, EarningPolicyTest::anEarlierOrder))
        .contains(NotEarningReason.NOT_FIRST_ORDER);
  }

  @Test
  void withinMonthsCountsCalendarMonthsInTheProgrammesZoneEndExclusive() {
    EarningPolicy policy = EarningPolicy.withinMonths(1);
    // 31 January + 1 month = 28 February, same local time (11:00 in Amsterdam).
    Instant end = Instant.parse("2026-02-28T10:00:00Z");
    assertThat(
            policy.excludes(
                end.minusNanos(1000), SIGNUP, AMSTERDAM, EarningPolicyTest::anEarlierOrder))
        .isEmpty();
    assertThat(policy.excludes(end, SIGNUP, AMSTERDAM, EarningPolicyTest::noEarlierOrder))
        .contains(NotEarningReason.OUTSIDE_EARNING_PERIOD);
    // Across the switch to summer time the end keeps the local time, not 24-hour days.
    Instant march = Instant.parse("2026-03-15T12:00:00Z");
    assertThat(
            EarningPolicy.withinMonths(1)
                .excludes(
                    Instant.parse("2026-04-15T09:59:59Z"),
                    march,
                    AMSTERDAM,
                    EarningPolicyTest::noEarlierOrder))
        .isEmpty();
    assertThat(
            EarningPolicy.withinMonths(1)
                .excludes(
                    Instant.parse("2026-04-15T11:00:00Z"),
                    march,
                    AMSTERDAM,
                    EarningPolicyTest::noEarlierOrder))
        .contains(NotEarningReason.OUTSIDE_EARNING_PERIOD);
  }
}
