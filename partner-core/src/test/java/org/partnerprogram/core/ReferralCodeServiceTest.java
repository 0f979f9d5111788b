package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.testkit.MutableClock;

/** Referral codes: random, vanity, revoked. */
class ReferralCodeServiceTest {
  private MutableClock clock;
  private InMemoryStorage storage;
  private PartnerProgram program;

  @BeforeEach
  void setUp() {
    clock = MutableClock.at("2026-11-01T09:00:00Z");
    storage = new InMemoryStorage();
    program =
        PartnerProgram.builder()
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .random(new SplittableRandom(42))
            .build();
  }

  private Partner enrol(String account) {
    return program.partners().enroll(EnrollPartnerCommand.of(account)).partner();
  }

  private PartnerOverview overview(PartnerId id) {
    return program.partners().overview(id).orElseThrow();
  }

  private <E extends ProgramEvent> List<E> events(Class<E> type) {
    return storage.publishedEvents().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void vanityCodesAreUniqueCaseInsensitivelyAndReservedWordsAreRefused() {
    Partner jan = enrol("cust-jan");
    Partner piet = enrol("cust-piet");
    IssuedCode code = program.referrals().issueVanityCode(jan.id(), "jans-hosting");
    assertThat(code.code().value()).isEqualTo("JANS-HOSTING");
    assertThat(code.vanity()).isTrue();

    int eventsBefore = storage.publishedEvents().size();
    assertThatThrownBy(() -> program.referrals().issueVanityCode(piet.id(), "Jans-Hosting"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> program.referrals().issueVanityCode(piet.id(), "support"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> program.referrals().issueVanityCode(piet.id(), "piet's"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
    assertThat(overview(piet.id()).links()).hasSize(1);
    assertThat(overview(jan.id()).links()).hasSize(2);
  }

  @Test
  void revokedCodesLeaveTheOverviewAndAreNeverReissued() {
    Partner jan = enrol("cust-jan");
    program.referrals().issueVanityCode(jan.id(), "jan-h");
    IssuedCode revoked = program.referrals().revokeCode(ReferralCode.parse("JAN-H"));

    assertThat(revoked.isLive()).isFalse();
    assertThat(overview(jan.id()).links())
        .extracting(l -> l.code().value())
        .doesNotContain("JAN-H");
    assertThatThrownBy(() -> program.referrals().revokeCode(ReferralCode.parse("jan-h")))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> program.referrals().issueVanityCode(jan.id(), "jan-h"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> program.referrals().revokeCode(ReferralCode.parse("NOPE")))
        .isInstanceOf(NotFoundException.class);
    assertThat(events(ReferralCodeRevoked.class)).hasSize(1);
  }

  @Test
  void aPartnerWhoLeftGetsNoNewCodes() {
    Partner jan = enrol("cust-jan");
    program.partners().leave(jan.id());
    assertThatThrownBy(() -> program.referrals().issueCode(jan.id()))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
