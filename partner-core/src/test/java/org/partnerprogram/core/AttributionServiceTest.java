package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionDecision.Attributed;
import org.partnerprogram.core.domain.AttributionDecision.NotAttributed;
import org.partnerprogram.core.domain.AttributionDecision.Reason;
import org.partnerprogram.core.domain.AttributionDecision.Rule;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.domain.event.CustomerAttributed;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;

class AttributionServiceTest {
  private static final String JAN_IBAN = "NL91ABNA0417164300";

  private MutableClock clock;
  private InMemoryStorage storage;
  private PartnerProgram program;
  private Partner jan;
  private Partner piet;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    clock = MutableClock.at("2026-11-01T09:00:00Z");
    storage = new InMemoryStorage();
    program = ServiceTestWorld.programOn(storage, clock, 7);
    jan =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-jan")
                    .withPayoutAccount(PayoutAccount.of(JAN_IBAN, "Jan")))
            .partner();
    piet = program.partners().enroll(EnrollPartnerCommand.of("cust-piet")).partner();
    program.referrals().issueVanityCode(jan.id(), "jan-hosting");
    program.referrals().issueVanityCode(piet.id(), "piet-web");
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private TouchResult click(String code, String visitor) {
    return program.referrals().recordTouch(RecordTouchCommand.of(code, visitor));
  }

  private SignupAttribution signup(String customer, String visitor) {
    return program
        .referrals()
        .attributeSignup(
            visitor == null
                ? AttributeSignupCommand.newCustomer(customer).at(clock.instant())
                : AttributeSignupCommand.newCustomer(customer)
                    .visitor(visitor)
                    .at(clock.instant()));
  }

  private PartnerOverview overview(Partner p) {
    return program.partners().overview(p.id()).orElseThrow();
  }

  @Test
  void aClickAndASignupDaysLaterBindTheCustomerToThePartner() {
    TouchResult touch =
        program
            .referrals()
            .recordTouch(RecordTouchCommand.of("jan-hosting", "v-1").landingPath("/vps"));
    assertThat(touch).isInstanceOf(TouchResult.Recorded.class);
    Instant clickedAt = clock.instant();
    clock.advance(Duration.ofDays(3));

    SignupAttribution result = signup("new-customer-1", "v-1");

    assertThat(result.alreadyDecided()).isFalse();
    assertThat(result.decision())
        .isEqualTo(
            new Attributed(
                jan.id(), ReferralCode.parse("JAN-HOSTING"), clickedAt, Rule.LAST_TOUCH));
    assertThat(storage.publishedEvents())
        .filteredOn(CustomerAttributed.class::isInstance)
        .singleElement()
        .satisfies(
            e -> {
              CustomerAttributed attributed = (CustomerAttributed) e;
              assertThat(attributed.customerPseudonym())
                  .isEqualTo(
                      ServiceTestWorld.KEY.pseudonymOf(CustomerAccountId.of("new-customer-1")));
              assertThat(attributed.customerAccountId()).isEmpty();
            });
    assertThat(overview(jan).referrals().clicks()).isEqualTo(1);
    assertThat(overview(jan).referrals().signupsAttributed()).isEqualTo(1);
  }

  @Test
  void aSecondCallReturnsTheFirstDecisionUnchanged() {
    click("jan-hosting", "v-1");
    clock.advance(Duration.ofHours(1));
    SignupAttribution first = signup("c-1", "v-1");
    click("piet-web", "v-2");
    SignupAttribution second =
        program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("c-1")
                    .visitor("v-2")
                    .typedCode("piet-web")
                    .at(clock.instant()));

    assertThat(second.alreadyDecided()).isTrue();
    assertThat(second.decision()).isEqualTo(first.decision());
    // The stored record is the first call's, inputs included.
    assertThat(
            program
                .referrals()
                .explain(CustomerAccountId.of("c-1"))
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
                .orElseThrow()
                .visitorId())
        .contains(VisitorId.of("v-1"));
    assertThat(storage.publishedEvents())
        .filteredOn(CustomerAttributed.class::isInstance)
        .hasSize(1);
  }

  @Test
  void aTypedCodeBeatsTheCookie() {
    click("jan-hosting", "v-1");
    SignupAttribution result =
        program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("c-1")
                    .visitor("v-1")
                    .typedCode("PIET-WEB")
                    .at(clock.instant()));
    assertThat(result.decision())
        .isInstanceOfSatisfying(
            Attributed.class,
            a -> {
              assertThat(a.partnerId()).isEqualTo(piet.id());
              assertThat(a.rule()).isEqualTo(Rule.TYPED_CODE);
            });
  }

  @Test
  void everyReasonIsStoredAndExplained() {
    assertThat(signup("c-none", null).decision()).isEqualTo(new NotAttributed(Reason.NO_TOUCH));

    click("jan-hosting", "v-old");
    clock.advance(Duration.ofDays(91));
    assertThat(signup("c-old", "v-old").decision())
        .isEqualTo(new NotAttributed(Reason.OUTSIDE_WINDOW));

    click("jan-hosting", "v-existing");
    assertThat(
            program
                .referrals()
                .attributeSignup(
                    AttributeSignupCommand.existingCustomer("c-existing")
                        .visitor("v-existing")
                        .at(clock.instant()))
                .decision())
        .isEqualTo(new NotAttributed(Reason.EXISTING_CUSTOMER));

    click("jan-hosting", "v-self");
    assertThat(
            program
                .referrals()
                .attributeSignup(
                    AttributeSignupCommand.newCustomer("jans-second-account")
                        .visitor("v-self")
                        .at(clock.instant())
                        .iban(JAN_IBAN))
                .decision())
        .isEqualTo(new NotAttributed(Reason.SELF_REFERRAL));
    click("jan-hosting", "v-own");
    assertThat(signup("cust-jan", "v-own").decision())
        .isEqualTo(new NotAttributed(Reason.SELF_REFERRAL));

    click("piet-web", "v-suspended");
    program.partners().suspend(piet.id(), Acts.because("review"));
    assertThat(signup("c-suspended", "v-suspended").decision())
        .isEqualTo(new NotAttributed(Reason.PARTNER_NOT_ACTIVE));

    click("jan-hosting", "v-revoked");
    program.referrals().revokeCode(ReferralCode.parse("jan-hosting"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(signup("c-revoked", "v-revoked").decision())
        .isEqualTo(new NotAttributed(Reason.CODE_REVOKED));

    assertThat(
            program
                .referrals()
                .attributeSignup(
                    AttributeSignupCommand.newCustomer("c-typo")
                        .typedCode("no-such-code")
                        .at(clock.instant()))
                .decision())
        .isEqualTo(new NotAttributed(Reason.UNKNOWN_CODE));

    AttributionRecord why =
        program
            .referrals()
            .explain(CustomerAccountId.of("jans-second-account"))
            .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
            .orElseThrow();
    assertThat(why.candidatePartner()).contains(jan.id());
    assertThat(why.visitorId()).contains(VisitorId.of("v-self"));
    assertThat(why.customerIbanGiven()).isTrue();
    assertThat(overview(jan).referrals().signupsRefused())
        .containsEntry(Reason.SELF_REFERRAL, 2L)
        .containsEntry(Reason.OUTSIDE_WINDOW, 1L)
        .containsEntry(Reason.CODE_REVOKED, 1L);
    assertThat(overview(piet).referrals().signupsRefused())
        .containsEntry(Reason.PARTNER_NOT_ACTIVE, 1L);
  }

  @Test
  void unknownOrRevokedCodesAndInactivePartnersAreReportedNotThrownAndStoreNothing() {
    assertThat(click("no-such-code", "v-1"))
        .isEqualTo(new TouchResult.Ignored(TouchResult.Why.UNKNOWN_CODE));
    program.referrals().revokeCode(ReferralCode.parse("piet-web"));
    assertThat(click("piet-web", "v-1"))
        .isEqualTo(new TouchResult.Ignored(TouchResult.Why.CODE_REVOKED));
    program.partners().leave(jan.id());
    assertThat(click("jan-hosting", "v-1"))
        .isEqualTo(new TouchResult.Ignored(TouchResult.Why.PARTNER_NOT_ACTIVE));
    assertThat(overview(jan).referrals().clicks()).isZero();
    assertThat(overview(piet).referrals().clicks()).isZero();
  }

  @Test
  void badInputIsATypedErrorAndStoresNothing() {
    assertThatThrownBy(() -> RecordTouchCommand.of("jan'; drop table", "v-1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RecordTouchCommand.of("jan-hosting", " "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RecordTouchCommand.of("jan-hosting", "v".repeat(65)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LandingPath.of("/vps?email=jan@example.nl"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                program
                    .referrals()
                    .recordTouch(
                        RecordTouchCommand.of("jan-hosting", "v-1")
                            .at(clock.instant().plus(Duration.ofHours(1)))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(
            () ->
                program
                    .referrals()
                    .attributeSignup(
                        AttributeSignupCommand.newCustomer("c-1")
                            .visitor("v-1")
                            .at(clock.instant().plus(Duration.ofDays(1)))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AttributeSignupCommand.newCustomer(null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(overview(jan).referrals().clicks()).isZero();
    assertThat(
            program
                .referrals()
                .explain(CustomerAccountId.of("c-1"))
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision))
        .isEmpty();
  }

  @Test
  void eightThreadsAttributingTheSameSignupStoreOneDecisionAndAllSeeIt() throws Exception {
    pool = Executors.newFixedThreadPool(8);
    for (int round = 0; round < 100; round++) {
      String visitor = "v-" + round;
      click(round % 2 == 0 ? "jan-hosting" : "piet-web", visitor);
      String customer = "c-" + round;
      CyclicBarrier start = new CyclicBarrier(8);
      List<Future<SignupAttribution>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return signup(customer, visitor);
                }));
      }
      List<AttributionDecision> decisions = new ArrayList<>();
      int firsts = 0;
      for (Future<SignupAttribution> f : results) {
        SignupAttribution r = f.get();
        decisions.add(r.decision());
        firsts += r.alreadyDecided() ? 0 : 1;
      }
      assertThat(firsts).isEqualTo(1);
      assertThat(decisions).allMatch(d -> d.equals(decisions.get(0)));
      assertThat(decisions.get(0)).isInstanceOf(Attributed.class);
    }
    assertThat(storage.publishedEvents())
        .filteredOn(CustomerAttributed.class::isInstance)
        .hasSize(100);
  }
}
