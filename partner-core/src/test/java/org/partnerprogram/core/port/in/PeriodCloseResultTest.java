package org.partnerprogram.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;

class PeriodCloseResultTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant CLOSED = Instant.parse("2026-12-01T08:00:00Z");
  private static final Money TOTAL = Money.of("25.00", "EUR");
  private static final PayoutId ID = PayoutId.of("PO000000000000000000000001");
  private static final Payout PAYOUT =
      new Payout(
          ID,
          PartnerId.of("p-1"),
          NOVEMBER,
          TOTAL,
          PayoutAccount.of("NL91ABNA0417164300", "Partner One"),
          PayoutStatus.CREATED,
          CLOSED,
          CLOSED,
          Optional.empty());
  private static final PeriodCloseLine PAID =
      new PeriodCloseLine(NOVEMBER, PartnerId.of("p-1"), TOTAL, Optional.of(ID), Optional.empty());
  private static final PeriodCloseLine CARRIED =
      new PeriodCloseLine(
          NOVEMBER,
          PartnerId.of("p-2"),
          Money.of("3.00", "EUR"),
          Optional.empty(),
          Optional.of(CarryOverReason.BELOW_MINIMUM));

  /** Counts its reads, to show that the result reads on every call and holds nothing. */
  private static final class CountingDetails implements PeriodCloseResult.Details {
    int reads;

    @Override
    public void forEachPayout(Consumer<Payout> action) {
      reads++;
      action.accept(PAYOUT);
    }

    @Override
    public void forEachLine(Consumer<PeriodCloseLine> action) {
      reads++;
      action.accept(PAID);
      action.accept(CARRIED);
    }
  }

  private static final Map<CarryOverReason, Integer> ONE_BELOW_MINIMUM =
      Map.of(CarryOverReason.BELOW_MINIMUM, 1);

  private static PeriodCloseResult result(boolean alreadyClosed, PeriodCloseResult.Details d) {
    return new PeriodCloseResult(NOVEMBER, CLOSED, 1, TOTAL, ONE_BELOW_MINIMUM, alreadyClosed, d);
  }

  @Test
  void payoutsAndLinesAreReadOnEveryCallAndStreamedOnRequest() {
    CountingDetails details = new CountingDetails();
    PeriodCloseResult result = result(false, details);

    assertThat(details.reads).isZero();
    assertThat(result.payouts()).containsExactly(PAYOUT);
    assertThat(result.lines()).containsExactly(PAID, CARRIED);
    assertThat(result.payouts()).containsExactly(PAYOUT);
    List<PeriodCloseLine> streamed = new ArrayList<>();
    result.forEachLine(streamed::add);
    List<Payout> payouts = new ArrayList<>();
    result.forEachPayout(payouts::add);

    assertThat(streamed).containsExactly(PAID, CARRIED);
    assertThat(payouts).containsExactly(PAYOUT);
    assertThat(details.reads).isEqualTo(5);
    assertThatThrownBy(() -> result.payouts().add(PAYOUT))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void twoResultsAreEqualWhenTheirSummariesAre() {
    PeriodCloseResult a = result(false, new CountingDetails());
    PeriodCloseResult b = result(false, new CountingDetails());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(result(true, new CountingDetails()));
    assertThat(a)
        .isNotEqualTo(
            new PeriodCloseResult(
                NOVEMBER, CLOSED, 2, TOTAL, ONE_BELOW_MINIMUM, false, new CountingDetails()));
    assertThat(a.toString())
        .contains(
            "month=2026-11",
            "payoutCount=1",
            "carriedOver={BELOW_MINIMUM=1}",
            "alreadyClosed=false");
  }

  @Test
  void negativeCountsOrTotalsAndMissingPartsAreRefused() {
    CountingDetails d = new CountingDetails();
    assertThatThrownBy(() -> new PeriodCloseResult(NOVEMBER, CLOSED, -1, TOTAL, Map.of(), false, d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts");
    assertThatThrownBy(
            () ->
                new PeriodCloseResult(
                    NOVEMBER, CLOSED, 0, TOTAL, Map.of(CarryOverReason.NOT_POSITIVE, 0), false, d))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PeriodCloseResult(
                    NOVEMBER, CLOSED, 1, Money.of("-0.01", "EUR"), Map.of(), false, d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payoutTotal");
    assertThatThrownBy(() -> new PeriodCloseResult(null, CLOSED, 0, TOTAL, Map.of(), false, d))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new PeriodCloseResult(NOVEMBER, CLOSED, 0, TOTAL, Map.of(), false, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> result(false, d).forEachLine(null))
        .isInstanceOf(NullPointerException.class);
  }
}
