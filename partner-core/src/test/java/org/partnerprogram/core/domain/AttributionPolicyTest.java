package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AttributionDecision.Attributed;
import org.partnerprogram.core.domain.AttributionDecision.NotAttributed;
import org.partnerprogram.core.domain.AttributionDecision.Reason;
import org.partnerprogram.core.domain.AttributionDecision.Rule;

class AttributionPolicyTest {
  private static final Instant SIGNUP = Instant.parse("2026-06-15T12:00:00Z");
  private static final Instant ENROLLED = Instant.parse("2026-01-01T00:00:00Z");
  private final AttributionPolicy policy =
      new AttributionPolicy(
          ProgramTerms.builder()
              .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/{code}"))
              .build());

  private static Partner partner(String id) {
    return Partner.enrol(
        PartnerId.of(id),
        CustomerAccountId.of("acct-" + id),
        ENROLLED,
        Optional.of(PayoutAccount.of("NL91ABNA0417164300", "Jan")));
  }

  private static AttributionPolicy.Candidate click(Partner p, String code, Instant at) {
    return new AttributionPolicy.Candidate(
        new IssuedCode(ReferralCode.parse(code), p.id(), false, ENROLLED, Optional.empty()), p, at);
  }

  private static AttributionPolicy.Signup signup(String customer) {
    return new AttributionPolicy.Signup(
        CustomerAccountId.of(customer), SIGNUP, true, Optional.empty());
  }

  private AttributionDecision decide(
      AttributionPolicy.Signup s, AttributionPolicy.Candidate... clicks) {
    return policy.decide(s, Optional.empty(), false, List.of(clicks));
  }

  @Test
  void theLatestClickInTheWindowWins() {
    Partner a = partner("a");
    Partner b = partner("b");
    assertThat(
            decide(
                signup("c1"),
                click(a, "AAAA", SIGNUP.minus(Duration.ofDays(10))),
                click(b, "BBBB", SIGNUP.minus(Duration.ofDays(2)))))
        .isEqualTo(
            new Attributed(
                b.id(),
                ReferralCode.parse("BBBB"),
                SIGNUP.minus(Duration.ofDays(2)),
                Rule.LAST_TOUCH));
  }

  @Test
  void aTypedCodeBeatsACookie() {
    Partner a = partner("a");
    Partner b = partner("b");
    AttributionDecision d =
        policy.decide(
            signup("c1"),
            Optional.of(click(a, "AAAA", SIGNUP)),
            false,
            List.of(click(b, "BBBB", SIGNUP.minusSeconds(5))));
    assertThat(d)
        .isEqualTo(new Attributed(a.id(), ReferralCode.parse("AAAA"), SIGNUP, Rule.TYPED_CODE));
  }

  @Test
  void everyReasonIsReported() {
    Partner a = partner("a");
    assertThat(decide(signup("c1"))).isEqualTo(new NotAttributed(Reason.NO_TOUCH));
    assertThat(decide(signup("c1"), click(a, "AAAA", SIGNUP.minus(Duration.ofDays(91)))))
        .isEqualTo(new NotAttributed(Reason.OUTSIDE_WINDOW));
    assertThat(
            decide(
                new AttributionPolicy.Signup(
                    CustomerAccountId.of("c1"), SIGNUP, false, Optional.empty()),
                click(a, "AAAA", SIGNUP.minusSeconds(1))))
        .isEqualTo(new NotAttributed(Reason.EXISTING_CUSTOMER));
    assertThat(decide(signup("acct-a"), click(a, "AAAA", SIGNUP.minusSeconds(1))))
        .isEqualTo(new NotAttributed(Reason.SELF_REFERRAL));
    assertThat(
            decide(
                new AttributionPolicy.Signup(
                    CustomerAccountId.of("second-email"),
                    SIGNUP,
                    true,
                    Optional.of(Iban.parse("NL91ABNA0417164300"))),
                click(a, "AAAA", SIGNUP.minusSeconds(1))))
        .isEqualTo(new NotAttributed(Reason.SELF_REFERRAL));
    Partner suspended = a.suspend(SIGNUP.minus(Duration.ofDays(1)));
    assertThat(decide(signup("c1"), click(suspended, "AAAA", SIGNUP.minusSeconds(1))))
        .isEqualTo(new NotAttributed(Reason.PARTNER_NOT_ACTIVE));
    AttributionPolicy.Candidate revoked =
        new AttributionPolicy.Candidate(
            new IssuedCode(
                ReferralCode.parse("AAAA"),
                a.id(),
                false,
                ENROLLED,
                Optional.of(SIGNUP.minusSeconds(10))),
            a,
            SIGNUP.minusSeconds(60));
    assertThat(decide(signup("c1"), revoked)).isEqualTo(new NotAttributed(Reason.CODE_REVOKED));
    assertThat(policy.decide(signup("c1"), Optional.empty(), true, List.of()))
        .isEqualTo(new NotAttributed(Reason.UNKNOWN_CODE));
  }

  @Test
  void aRefusedPreferredClickFallsBackToTheNextEligibleOne() {
    Partner a = partner("a");
    Partner left = partner("b").leave(ENROLLED.plusSeconds(1));
    assertThat(
            decide(
                signup("c1"),
                click(a, "AAAA", SIGNUP.minus(Duration.ofDays(5))),
                click(left, "BBBB", SIGNUP.minus(Duration.ofDays(1)))))
        .isInstanceOfSatisfying(Attributed.class, x -> assertThat(x.partnerId()).isEqualTo(a.id()));
  }

  @Test
  void clicksAfterTheSignupAreIgnored() {
    Partner a = partner("a");
    assertThat(decide(signup("c1"), click(a, "AAAA", SIGNUP.plusSeconds(1))))
        .isEqualTo(new NotAttributed(Reason.NO_TOUCH));
  }

  @Test
  void theWindowIncludesItsFirstInstant() {
    Partner a = partner("a");
    assertThat(decide(signup("c1"), click(a, "AAAA", SIGNUP.minus(Duration.ofDays(90)))))
        .isInstanceOf(Attributed.class);
  }
}
