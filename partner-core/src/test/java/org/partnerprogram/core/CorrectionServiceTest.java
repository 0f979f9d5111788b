package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerErasedException;
import org.partnerprogram.core.domain.event.AdjustmentBooked;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.WriteOffCommand;

/** An operator's corrections: the events they publish and how the partner page shows them. */
class CorrectionServiceTest extends ServiceTestWorld.EmptyProgramme {
  private static final Act ALICE = Act.by("alice@host.example", "bonus for Jan de Vries");

  @Test
  void anAdjustmentPublishesOneEventWithoutTheOperatorOrTheReason() {
    Partner jan = enrol("cust-1");
    int before = storage.publishedEvents().size();

    Adjustment booked =
        program
            .corrections()
            .adjust(AdjustCommand.of("adj-1", jan.id(), Money.of("-4.20", "EUR"), ALICE));
    program
        .corrections()
        .adjust(AdjustCommand.of("adj-1", jan.id(), Money.of("-4.20", "EUR"), ALICE));

    List<ProgramEvent> published =
        storage.publishedEvents().subList(before, storage.publishedEvents().size());
    assertThat(published).extracting(ProgramEvent::type).containsExactly("adjustment.booked");
    AdjustmentBooked event = (AdjustmentBooked) published.get(0);
    assertThat(event.partnerId()).isEqualTo(jan.id());
    assertThat(event.adjustmentId()).isEqualTo(booked.adjustmentId());
    assertThat(event.adjustmentType()).isEqualTo(Adjustment.Type.ADJUSTMENT);
    assertThat(event.amount()).isEqualTo(Money.of("-4.20", "EUR"));
    assertThat(event.occurredAt()).isEqualTo(clock.instant()).isEqualTo(booked.bookedAt());
    assertThat(event.toString()).doesNotContain("alice").doesNotContain("Jan de Vries");
  }

  @Test
  void thePartnerPageListsTheAdjustmentAndItsBalanceCountsIt() {
    Partner jan = enrol("cust-1");
    program
        .corrections()
        .adjust(AdjustCommand.of("adj-1", jan.id(), Money.of("12.00", "EUR"), ALICE));

    assertThat(overview(jan.id()).recentEntries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.CREDITED);
              assertThat(e.orderId()).isEmpty();
              assertThat(e.signedAmount()).isEqualTo(Money.of("12.00", "EUR"));
            });
    assertThat(overview(jan.id()).balance().payable()).isEqualTo(Money.of("12.00", "EUR"));
    assertThat(overview(jan.id()).balance().adjusted()).isEqualTo(Money.of("12.00", "EUR"));
  }

  @Test
  void anErasedPartnerIsNeitherAdjustedNorWrittenOff() {
    Partner jan = enrol("cust-1");
    program.partners().leave(jan.id());
    clock.advance(java.time.Duration.ofDays(366 * 8));
    program.privacy().erasePartner(jan.id());
    int before = storage.publishedEvents().size();

    assertThatThrownBy(
            () ->
                program
                    .corrections()
                    .adjust(AdjustCommand.of("adj-1", jan.id(), Money.of("1.00", "EUR"), ALICE)))
        .isInstanceOf(PartnerErasedException.class);
    assertThatThrownBy(
            () -> program.corrections().writeOff(WriteOffCommand.of("wo-1", jan.id(), ALICE)))
        .isInstanceOf(PartnerErasedException.class);
    assertThat(storage.publishedEvents()).hasSize(before);
  }
}
