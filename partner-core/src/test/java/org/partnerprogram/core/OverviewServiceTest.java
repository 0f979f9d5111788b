package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.event.RateVersionAdded;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.testkit.Acts;

/** The partner page. */
class OverviewServiceTest extends ServiceTestWorld.EnrolledPartner {
  @Test
  void theOverviewShowsTheNextPayoutDate() {
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    f.clock.set(Instant.parse("2026-11-30T22:59:59Z")); // 23:59:59 in Amsterdam
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2026-12-01"));
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(overview().nextPayoutDate()).isEqualTo(LocalDate.parse("2027-01-01"));
  }

  @Nested
  class Rates extends ServiceTestWorld.EmptyProgramme {
    @Test
    void theOverviewShowsTheRatesInForceWithPartnerOverrides() {
      Instant now = clock.instant();
      program
          .rates()
          .change(
              RateChange.programmeWide(Acts.TEST)
                  .setAll(
                      Map.of(
                          RateTarget.product("shared-hosting"), Rate.percent("25"),
                          RateTarget.group("vps"), Rate.percent("10"),
                          RateTarget.product("domain-nl"), Rate.percent("0")))
                  .from(now));
      Partner jan = enrol("cust-jan");
      Partner piet = enrol("cust-piet");
      program
          .rates()
          .change(
              RateChange.forPartner(jan.id(), Acts.TEST)
                  .setAll(Map.of(RateTarget.group("vps"), Rate.percent("12.5")))
                  .from(now.plusSeconds(60)));
      // a future programme-wide version is not shown yet
      program
          .rates()
          .change(
              RateChange.programmeWide(Acts.TEST)
                  .setAll(Map.of(RateTarget.product("shared-hosting"), Rate.percent("30")))
                  .remove(RateTarget.group("vps"))
                  .from(now.plus(Duration.ofDays(30))));
      clock.advance(Duration.ofMinutes(5));

      assertThat(overview(piet.id()).rates())
          .extracting(ProductRate::target, ProductRate::rate, ProductRate::versionNumber)
          .containsExactly(
              tuple(RateTarget.product("shared-hosting"), Rate.percent("25"), 1),
              tuple(RateTarget.group("vps"), Rate.percent("10"), 1));
      assertThat(overview(jan.id()).rates())
          .filteredOn(r -> r.target().equals(RateTarget.group("vps")))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.rate()).isEqualTo(Rate.percent("12.5"));
                assertThat(r.overrideFor()).contains(jan.id());
              });

      clock.advance(Duration.ofDays(31));
      assertThat(overview(piet.id()).rates())
          .extracting(ProductRate::rate)
          .containsExactly(Rate.percent("30"));
      assertThat(events(RateVersionAdded.class)).hasSize(3);
    }
  }
}
