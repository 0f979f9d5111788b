package org.partnerprogram.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;

class PeriodCloseResultTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant CLOSED = Instant.parse("2026-12-01T08:00:00Z");
  private static final Money TOTAL = Money.of("25.00", "EUR");
  private static final Map<CarryOverReason, Integer> ONE_BELOW_MINIMUM =
      Map.of(CarryOverReason.BELOW_MINIMUM, 1);

  private static PeriodCloseResult result(boolean alreadyClosed) {
    return new PeriodCloseResult(NOVEMBER, CLOSED, 1, TOTAL, ONE_BELOW_MINIMUM, alreadyClosed);
  }

  @Test
  void twoResultsAreEqualWhenTheirCountsAndTotalsAre() {
    assertThat(result(false)).isEqualTo(result(false)).hasSameHashCodeAs(result(false));
    assertThat(result(false)).isNotEqualTo(result(true));
    assertThat(result(false))
        .isNotEqualTo(new PeriodCloseResult(NOVEMBER, CLOSED, 2, TOTAL, ONE_BELOW_MINIMUM, false));
  }

  @Test
  void theCarriedOverCountsAreCopiedSummedAndKeptInTheReasonsOrder() {
    Map<CarryOverReason, Integer> counts = new EnumMap<>(CarryOverReason.class);
    counts.put(CarryOverReason.NO_PAYOUT_ACCOUNT, 2);
    counts.put(CarryOverReason.BELOW_MINIMUM, 3);
    PeriodCloseResult r = new PeriodCloseResult(NOVEMBER, CLOSED, 0, TOTAL, counts, false);
    counts.put(CarryOverReason.NOT_POSITIVE, 9);

    assertThat(r.carriedOverCount()).isEqualTo(5);
    assertThat(r.carriedOver())
        .containsExactly(
            Map.entry(CarryOverReason.BELOW_MINIMUM, 3),
            Map.entry(CarryOverReason.NO_PAYOUT_ACCOUNT, 2));
    assertThatThrownBy(() -> r.carriedOver().put(CarryOverReason.NOT_POSITIVE, 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void negativeCountsOrTotalsAndMissingPartsAreRefused() {
    assertThatThrownBy(() -> new PeriodCloseResult(NOVEMBER, CLOSED, -1, TOTAL, Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts");
    assertThatThrownBy(
            () ->
                new PeriodCloseResult(
                    NOVEMBER, CLOSED, 0, TOTAL, Map.of(CarryOverReason.NOT_POSITIVE, 0), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PeriodCloseResult(
                    NOVEMBER, CLOSED, 1, Money.of("-0.01", "EUR"), Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payoutTotal");
    assertThatThrownBy(() -> new PeriodCloseResult(null, CLOSED, 0, TOTAL, Map.of(), false))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PeriodCloseResult(NOVEMBER, CLOSED, 0, TOTAL, null, false))
        .isInstanceOf(NullPointerException.class);
  }
}
