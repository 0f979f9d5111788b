package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AttributionPolicyProperties {
  private static final Instant SIGNUP = Instant.parse("2026-06-15T12:00:00Z");
  private static final ReferralLinkTemplate TEMPLATE =
      ReferralLinkTemplate.of("https://x.nl/{code}");

  /**
   * Three partners: index 0 active, 1 active or suspended, 2 active or left; codes maybe revoked.
   */
  private static Gen<List<AttributionPolicy.Candidate>> partnersCodes() {
    return lists()
        .of(integers().between(0, 3))
        .ofSize(3)
        .map(
            states -> {
              List<AttributionPolicy.Candidate> result = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                int state = states.get(i);
                Partner p =
                    Partner.enrol(
                        PartnerId.of("p" + i),
                        CustomerAccountId.of("partner-account-" + i),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Optional.empty());
                if (i == 1 && state == 1) {
                  p = p.suspend(Instant.parse("2026-02-01T00:00:00Z"));
                }
                if (i == 2 && state == 1) {
                  p = p.leave(Instant.parse("2026-02-01T00:00:00Z"));
                }
                IssuedCode code =
                    new IssuedCode(
                        ReferralCode.parse("CODE" + i),
                        p.id(),
                        false,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        state == 3 ? Optional.of(SIGNUP.minusSeconds(60)) : Optional.empty());
                result.add(new AttributionPolicy.Candidate(code, p, SIGNUP));
              }
              return result;
            });
  }

  /** Clicks as (partner index, minutes before signup; negative is after the signup). */
  private static Gen<List<int[]>> clicks() {
    return lists()
        .of(
            integers()
                .between(0, 2)
                .zip(integers().between(-60, 200 * 24 * 60), (p, m) -> new int[] {p, m}))
        .ofSizeBetween(0, 8);
  }

  private static List<AttributionPolicy.Candidate> materialise(
      List<AttributionPolicy.Candidate> partners, List<int[]> clicks) {
    List<AttributionPolicy.Candidate> result = new ArrayList<>();
    for (int[] c : clicks) {
      AttributionPolicy.Candidate base = partners.get(c[0]);
      result.add(
          new AttributionPolicy.Candidate(
              base.code(), base.partner(), SIGNUP.minus(Duration.ofMinutes(c[1]))));
    }
    return result;
  }

  private static AttributionPolicy policy(AttributionModel model) {
    return new AttributionPolicy(
        ProgramTerms.builder().referralLinkTemplate(TEMPLATE).attributionModel(model).build());
  }

  private static final AttributionPolicy.Signup NEW_CUSTOMER =
      new AttributionPolicy.Signup(
          CustomerAccountId.of("new-customer"), SIGNUP, true, Optional.empty());

  @Test
  void theSameClicksInAnyOrderGiveTheSameDecision() {
    qt().forAll(
            partnersCodes(), clicks(), longs().all(), Generate.enumValues(AttributionModel.class))
        .checkAssert(
            (partners, raw, seed, model) -> {
              List<AttributionPolicy.Candidate> clicks = materialise(partners, raw);
              List<AttributionPolicy.Candidate> shuffled = new ArrayList<>(clicks);
              Collections.shuffle(shuffled, new Random(seed));
              AttributionPolicy policy = policy(model);
              assertThat(policy.decide(NEW_CUSTOMER, Optional.empty(), false, shuffled))
                  .isEqualTo(policy.decide(NEW_CUSTOMER, Optional.empty(), false, clicks));
            });
  }

  @Test
  void lastTouchPicksTheLatestAndFirstTouchTheEarliestEligibleClickInTheWindow() {
    qt().forAll(partnersCodes(), clicks(), Generate.enumValues(AttributionModel.class))
        .checkAssert(
            (partners, raw, model) -> {
              List<AttributionPolicy.Candidate> clicks = materialise(partners, raw);
              AttributionDecision decision =
                  policy(model).decide(NEW_CUSTOMER, Optional.empty(), false, clicks);
              Instant windowStart = SIGNUP.minus(Duration.ofDays(90));
              List<AttributionPolicy.Candidate> eligible =
                  clicks.stream()
                      .filter(c -> !c.at().isAfter(SIGNUP) && !c.at().isBefore(windowStart))
                      .filter(c -> c.partner().isActive() && c.code().isLive())
                      .toList();
              if (eligible.isEmpty()) {
                assertThat(decision).isInstanceOf(AttributionDecision.NotAttributed.class);
                return;
              }
              Instant expected =
                  model == AttributionModel.LAST_TOUCH
                      ? eligible.stream().map(c -> c.at()).max(Instant::compareTo).orElseThrow()
                      : eligible.stream().map(c -> c.at()).min(Instant::compareTo).orElseThrow();
              assertThat(decision)
                  .isInstanceOfSatisfying(
                      AttributionDecision.Attributed.class,
                      a -> {
                        assertThat(a.touchAt()).isEqualTo(expected);
                        assertThat(a.rule().name()).isEqualTo(model.name());
                      });
            });
  }

  @Test
  void noDecisionNamesAPartnerOutsideTheWindowOrNotActive() {
    qt().forAll(partnersCodes(), clicks(), Generate.enumValues(AttributionModel.class))
        .checkAssert(
            (partners, raw, model) -> {
              List<AttributionPolicy.Candidate> clicks = materialise(partners, raw);
              AttributionDecision decision =
                  policy(model).decide(NEW_CUSTOMER, Optional.empty(), false, clicks);
              if (decision instanceof AttributionDecision.Attributed a) {
                Partner winner =
                    partners.stream()
                        .map(AttributionPolicy.Candidate::partner)
                        .filter(p -> p.id().equals(a.partnerId()))
                        .findFirst()
                        .orElseThrow();
                assertThat(winner.isActive()).isTrue();
                assertThat(a.touchAt()).isBetween(SIGNUP.minus(Duration.ofDays(90)), SIGNUP);
              }
            });
  }
}
