package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine.State;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/** The partner page's queries through the facade, beyond the storage contract. */
class PartnerProgramQueriesTest {

  @Test
  void aProgrammeWithoutAProgrammeWideVersionInForceHasNoCard() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage())
            .clock(clock)
            .build();
    assertThat(program.rates().card()).isEmpty();

    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .set(RateTarget.group("vps"), Rate.percent("10"))
                .from(clock.instant().plus(Duration.ofDays(1))));
    assertThat(program.rates().card()).as("not in force yet").isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(program.rates().card()).isPresent();
  }

  @Test
  void aPartnerWithoutOrdersHasEmptyLastPagesAndAnUnknownPartnerIsNotFound() {
    ProgramFixture f = ProgramFixture.inMemory();
    var lines = f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id()));
    assertThat(lines.items()).isEmpty();
    assertThat(lines.next()).isEmpty();
    assertThat(
            f.program
                .commissions()
                .ledger(LedgerQuery.ofPartner(f.partner.id()).state(State.PAID))
                .items())
        .isEmpty();
    var payouts = f.program.payouts().ofPartner(PayoutQuery.ofPartner(f.partner.id()));
    assertThat(payouts.items()).isEmpty();
    assertThat(payouts.next()).isEmpty();
    assertThatThrownBy(
            () -> f.program.payouts().ofPartner(PayoutQuery.ofPartner(PartnerId.of("nobody"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.program.payouts().ofPartner(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LedgerQuery.ofPartner((PartnerId) null))
        .isInstanceOf(InvalidInputException.class);
  }
}
