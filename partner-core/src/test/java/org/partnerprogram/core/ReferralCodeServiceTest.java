package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;

/** Referral codes: random, vanity, revoked. */
class ReferralCodeServiceTest extends ServiceTestWorld.EmptyProgramme {
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
