package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatesInForceTest {
  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
  private static final PartnerId JAN = PartnerId.of("p-jan");
  private static final EventId EVENT = EventId.of("e-1");

  private static final RateVersion PROGRAMME =
      RateVersion.builder()
          .number(3)
          .effectiveFrom(T0)
          .createdAt(T0)
          .putAllRates(
              Map.of(
                  RateTarget.product("shared-hosting"), Rate.percent("25"),
                  RateTarget.group("vps"), Rate.percent("10"),
                  RateTarget.product("vps-xl"), Rate.percent("12"),
                  RateTarget.product("domain-nl"), Rate.percent("0")))
          .build();

  private static final RateVersion OVERRIDE =
      RateVersion.builder()
          .partnerId(JAN)
          .number(1)
          .effectiveFrom(T0)
          .createdAt(T0)
          .putAllRates(Map.of(RateTarget.group("vps"), Rate.percent("20")))
          .build();

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Order order(OrderLine... lines) {
    return new Order(OrderId.of("o-1"), CustomerAccountId.of("c-1"), T0, List.of(lines));
  }

  @Test
  void aProductsOwnRateBeatsItsGroupsAndTheLineRecordsTheVersion() {
    OrderLine line = OrderLine.of(1, "vps-xl", "vps", eur("100.00"));
    CommissionLine priced =
        RatesInForce.of(JAN, Optional.of(PROGRAMME), Optional.empty())
            .price(order(line), line, RoundingMode.HALF_UP, EVENT);
    assertThat(priced.rate()).contains(Rate.percent("12"));
    assertThat(priced.commission()).isEqualTo(eur("12.00"));
    assertThat(priced.rateVersion())
        .contains(new CommissionLine.RateVersionRef(Optional.empty(), 3));
    assertThat(priced.sourceEvent()).isEqualTo(EVENT);
  }

  @Test
  void thePartnersOverrideBeatsTheProgrammeCardForWhatItListsOnly() {
    RatesInForce rates = RatesInForce.of(JAN, Optional.of(PROGRAMME), Optional.of(OVERRIDE));
    OrderLine vps = OrderLine.of(1, "vps-s", "vps", eur("100.00"));
    OrderLine hosting = OrderLine.of(2, "shared-hosting", eur("10.00"));
    Order order = order(vps, hosting);
    CommissionLine overridden = rates.price(order, vps, RoundingMode.HALF_UP, EVENT);
    assertThat(overridden.commission()).isEqualTo(eur("20.00"));
    assertThat(overridden.rateVersion())
        .contains(new CommissionLine.RateVersionRef(Optional.of(JAN), 1));
    CommissionLine programme = rates.price(order, hosting, RoundingMode.HALF_UP, EVENT);
    assertThat(programme.commission()).isEqualTo(eur("2.50"));
    assertThat(programme.rateVersion())
        .contains(new CommissionLine.RateVersionRef(Optional.empty(), 3));
  }

  @Test
  void aLineWithoutARateEarnsNothingAndSaysSo() {
    OrderLine line = OrderLine.of(1, "backup", eur("100.00"));
    CommissionLine priced =
        RatesInForce.of(JAN, Optional.empty(), Optional.of(OVERRIDE))
            .price(order(line), line, RoundingMode.HALF_UP, EVENT);
    assertThat(priced.rate()).isEmpty();
    assertThat(priced.rateVersion()).isEmpty();
    assertThat(priced.commission()).isEqualTo(eur("0.00"));
    assertThat(priced.notParticipating()).isTrue();
  }

  @Test
  void theCommissionIsRoundedOnceTheProgrammesWay() {
    OrderLine line = OrderLine.of(1, "shared-hosting", eur("0.06"));
    RatesInForce rates = RatesInForce.of(JAN, Optional.of(PROGRAMME), Optional.empty());
    // 0.06 x 25 % = 0.015
    assertThat(rates.price(order(line), line, RoundingMode.HALF_UP, EVENT).commission())
        .isEqualTo(eur("0.02"));
    assertThat(rates.price(order(line), line, RoundingMode.DOWN, EVENT).commission())
        .isEqualTo(eur("0.01"));
  }

  @Test
  void theParticipatingRatesMergeTheOverrideOverTheCardAndLeaveOutZero() {
    List<ProductRate> rates =
        RatesInForce.of(JAN, Optional.of(PROGRAMME), Optional.of(OVERRIDE)).participating();
    assertThat(rates)
        .extracting(ProductRate::target, ProductRate::rate, ProductRate::overrideFor)
        .containsExactlyInAnyOrder(
            tuple(RateTarget.product("shared-hosting"), Rate.percent("25"), Optional.empty()),
            tuple(RateTarget.product("vps-xl"), Rate.percent("12"), Optional.empty()),
            tuple(RateTarget.group("vps"), Rate.percent("20"), Optional.of(JAN)));
    assertThat(RatesInForce.of(JAN, Optional.empty(), Optional.empty()).participating()).isEmpty();
  }
}
