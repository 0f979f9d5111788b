package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;

/** The facade: its builder, and a unit of work that fails leaves nothing behind. */
class PartnerProgramTest extends ServiceTestWorld.EmptyProgramme {
  @Test
  void theBuilderNeedsTermsStorageAndAPseudonymKey() {
    assertThatThrownBy(
            () ->
                PartnerProgram.builder()
                    .pseudonymKey(PseudonymKey.of(new byte[32]))
                    .storage(new InMemoryStorage())
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("terms");
    assertThatThrownBy(
            () ->
                PartnerProgram.builder()
                    .pseudonymKey(PseudonymKey.of(new byte[32]))
                    .terms(
                        ProgramTerms.builder()
                            .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/{code}"))
                            .build())
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("storage");
    assertThatThrownBy(
            () ->
                PartnerProgram.builder()
                    .terms(
                        ProgramTerms.builder()
                            .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/{code}"))
                            .build())
                    .storage(new InMemoryStorage())
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pseudonymKey(PseudonymKey.of(secret))");
  }

  @Test
  void aFailedUnitOfWorkLeavesNothingBehind() {
    Partner jan = enrol("cust-jan");
    int eventsBefore = storage.publishedEvents().size();
    assertThatThrownBy(
            () ->
                storage
                    .transactions()
                    .execute(
                        () -> {
                          program.referrals().issueVanityCode(jan.id(), "rolled-back");
                          throw new IllegalStateException("host failure after the SDK call");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(overview(jan.id()).links())
        .extracting(l -> l.code().value())
        .doesNotContain("ROLLED-BACK");
    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
    assertThat(
            storage
                .transactions()
                .execute(() -> storage.codes().find(ReferralCode.parse("rolled-back"))))
        .isEqualTo(Optional.empty());
  }
}
