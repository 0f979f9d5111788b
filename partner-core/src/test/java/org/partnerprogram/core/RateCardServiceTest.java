package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.testkit.Acts;

/** Changing the rate card: effective-dated versions, never backdated. */
class RateCardServiceTest extends ServiceTestWorld.EmptyProgramme {
  @Test
  void rateVersionsCannotBeBackdatedOrOverlap() {
    Instant now = clock.instant();
    Map<RateTarget, Rate> card = Map.of(RateTarget.product("vps"), Rate.percent("10"));
    RateVersion first =
        program
            .rates()
            .change(RateChange.programmeWide(Acts.TEST).setAll(card).from(now.plusSeconds(3600)));
    assertThat(first.number()).isEqualTo(1);
    int eventsBefore = storage.publishedEvents().size();

    assertThatThrownBy(
            () ->
                program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST).setAll(card).from(now.minusSeconds(1))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("backdated");
    assertThatThrownBy(
            () ->
                program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST)
                            .setAll(card)
                            .from(now.plusSeconds(3600))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("after the latest");
    assertThatThrownBy(
            () ->
                program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST).setAll(card).from(now.plusSeconds(60))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST)
                            .setAll(
                                Map.of(RateTarget.product("vps"), Rate.fixed(Money.of("5", "USD"))))
                            .from(now.plusSeconds(7200))))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(
            () ->
                program
                    .rates()
                    .change(
                        RateChange.forPartner(PartnerId.of("p_nobody"), Acts.TEST)
                            .setAll(card)
                            .from(now.plusSeconds(7200))))
        .isInstanceOf(NotFoundException.class);

    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
    RateVersion second =
        program
            .rates()
            .change(RateChange.programmeWide(Acts.TEST).setAll(card).from(now.plusSeconds(7200)));
    assertThat(second.number()).isEqualTo(2);
  }
}
