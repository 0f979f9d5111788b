package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.event.PartnerEnrolled;
import org.partnerprogram.core.domain.event.PartnerLeft;
import org.partnerprogram.core.domain.event.PartnerReinstated;
import org.partnerprogram.core.domain.event.PartnerRejoined;
import org.partnerprogram.core.domain.event.PartnerSuspended;
import org.partnerprogram.core.domain.event.PayoutAccountChanged;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.ReferralCodeIssued;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.testkit.Acts;

/** Enrolment, a partner's lifecycle and the payout account. */
class PartnerServiceTest extends ServiceTestWorld.EmptyProgramme {
  private static final PseudonymKey KEY = ServiceTestWorld.KEY;

  private static final String IBAN = "NL91ABNA0417164300";
  private static final String OTHER_IBAN = "DE89370400440532013000";

  private List<PayoutAccountChange> history(PartnerId id) {
    return storage.transactions().execute(() -> storage.partners().payoutAccountHistory(id));
  }

  @Test
  void enrollingIsImmediateAndIssuesAReferralLink() {
    EnrollmentResult result = program.partners().enroll(EnrollPartnerCommand.of("cust-42"));

    Partner partner = result.partner();
    assertThat(result.outcome()).isEqualTo(EnrollmentResult.Outcome.NEW_PARTNER);
    assertThat(partner.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(partner.enrolledAt()).isEqualTo(clock.instant());
    assertThat(partner.id().value()).startsWith("p_").hasSize(28);
    PartnerOverview overview = overview(partner.id());
    assertThat(overview.links()).hasSize(1);
    String code = overview.links().get(0).code().value();
    assertThat(overview.links().get(0).url().toString())
        .isEqualTo("https://example.nl/?ref=" + code);
    assertThat(events(PartnerEnrolled.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.customerPseudonym())
                  .isEqualTo(KEY.pseudonymOf(CustomerAccountId.of("cust-42")));
              assertThat(e.customerAccountId()).isEmpty();
            });
    assertThat(events(ReferralCodeIssued.class))
        .singleElement()
        .satisfies(e -> assertThat(e.code().value()).isEqualTo(code));
    assertThat(result.issuedCode()).map(c -> c.code().value()).contains(code);
  }

  @Test
  void enrollingAgainReturnsTheExistingPartnerUnchanged() {
    Partner first = enrol("cust-42");
    clock.advance(Duration.ofDays(3));
    EnrollmentResult again =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-42")
                    .withPayoutAccount(PayoutAccount.of(IBAN, "Jan")));

    assertThat(again.outcome()).isEqualTo(EnrollmentResult.Outcome.ALREADY_MEMBER);
    assertThat(again.issuedCode()).isEmpty();
    assertThat(again.partner()).isEqualTo(first);
    assertThat(again.partner().payoutAccount()).isEmpty();
    assertThat(events(PartnerEnrolled.class)).hasSize(1);
    assertThat(overview(first.id()).links()).hasSize(1);
  }

  @Test
  void enrollingWithAPayoutAccountRecordsIt() {
    Partner partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-1")
                    .withPayoutAccount(PayoutAccount.of(IBAN, "Jan de Vries")))
            .partner();

    assertThat(partner.payoutAccount()).contains(PayoutAccount.of(IBAN, "Jan de Vries"));
    PartnerOverview overview = overview(partner.id());
    assertThat(overview.payoutIbanMasked()).contains("NL************4300");
    assertThat(overview.payoutHolderName()).contains("Jan de Vries");
    assertThat(events(PayoutAccountChanged.class))
        .singleElement()
        .satisfies(e -> assertThat(e.ibanMasked()).isEqualTo("NL************4300"));
  }

  @Test
  void changingThePayoutAccountIsRecordedInItsHistory() {
    Partner partner = enrol("cust-1");
    program.partners().updatePayoutAccount(partner.id(), PayoutAccount.of(IBAN, "Jan"));
    clock.advance(Duration.ofDays(10));
    Partner changed =
        program
            .partners()
            .updatePayoutAccount(
                partner.id(), PayoutAccount.of("de89 3704 0044 0532 0130 00", "Jan"));
    // the same account again changes nothing
    Partner same =
        program.partners().updatePayoutAccount(partner.id(), PayoutAccount.of(OTHER_IBAN, "Jan"));

    assertThat(same).isEqualTo(changed);
    assertThat(changed.payoutAccount().orElseThrow().iban().value()).isEqualTo(OTHER_IBAN);
    List<org.partnerprogram.core.domain.PayoutAccountChange> history =
        storage.transactions().execute(() -> storage.partners().payoutAccountHistory(partner.id()));
    assertThat(history)
        .extracting(h -> h.account().iban().value())
        .containsExactly(IBAN, OTHER_IBAN);
    assertThat(history.get(1).changedAt()).isEqualTo(clock.instant());
    assertThat(events(PayoutAccountChanged.class)).hasSize(2);
  }

  @Test
  void aMalformedIbanIsATypedErrorAndChangesNothing() {
    Partner partner = enrol("cust-1");
    int eventsBefore = storage.publishedEvents().size();

    assertThatThrownBy(
            () ->
                program
                    .partners()
                    .updatePayoutAccount(
                        partner.id(), PayoutAccount.of("NL91ABNA0417164301", "Jan")))
        .isInstanceOf(InvalidIbanException.class);

    assertThat(overview(partner.id()).payoutIbanMasked()).isEmpty();
    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
  }

  @Test
  void suspendReinstateAndLeaveFollowTheLifecycle() {
    Partner partner = enrol("cust-1");
    Partner suspended = program.partners().suspend(partner.id(), Acts.because("fraud review"));
    assertThat(suspended.status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThatThrownBy(() -> program.partners().suspend(partner.id(), Acts.because("again")))
        .isInstanceOf(IllegalTransitionException.class);

    Partner active = program.partners().reinstate(partner.id(), Acts.TEST);
    assertThat(active.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(active.version()).isEqualTo(3);

    Partner left = program.partners().leave(partner.id());
    assertThat(left.status()).isEqualTo(PartnerStatus.TERMINATED);
    assertThat(events(PartnerSuspended.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("fraud review"));
    assertThat(events(PartnerReinstated.class)).hasSize(1);
    assertThat(events(PartnerLeft.class)).hasSize(1);
  }

  @Test
  void leavingTwiceIsRefused() {
    Partner partner = enrol("cust-1");
    program.partners().leave(partner.id());
    int eventsBefore = storage.publishedEvents().size();

    assertThatThrownBy(() -> program.partners().leave(partner.id()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already left");
    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
  }

  @Test
  void reinstatingAPartnerWhoLeftIsRefusedWithAPointerToEnrolment() {
    Partner partner = enrol("cust-1");
    program.partners().leave(partner.id());

    assertThatThrownBy(() -> program.partners().reinstate(partner.id(), Acts.TEST))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("TERMINATED")
        .hasMessageContaining("enrolling the customer account again");
    assertThat(overview(partner.id()).status()).isEqualTo(PartnerStatus.TERMINATED);
  }

  // ------------------------------------------------------------------ leaving and coming back

  @Test
  void aCustomerWhoLeftEnrolsAgainAsTheSamePartnerAndTheEventsSaySo() {
    EnrollmentResult first = program.partners().enroll(EnrollPartnerCommand.of("cust-1"));
    IssuedCode vanity = program.referrals().issueVanityCode(first.partner().id(), "jan-hosting");
    clock.advance(Duration.ofDays(1));
    Partner left = program.partners().leave(first.partner().id());
    clock.advance(Duration.ofDays(30));
    int eventsBefore = storage.publishedEvents().size();

    EnrollmentResult again = program.partners().enroll(EnrollPartnerCommand.of("cust-1"));

    assertThat(again.outcome()).isEqualTo(EnrollmentResult.Outcome.REJOINED);
    Partner back = again.partner();
    assertThat(back.id()).isEqualTo(first.partner().id());
    assertThat(back.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(back.enrolledAt()).isEqualTo(first.partner().enrolledAt());
    assertThat(back.statusChangedAt()).isEqualTo(clock.instant());
    assertThat(back.lastAbsence())
        .contains(new Partner.Absence(left.statusChangedAt(), clock.instant()));
    assertThat(back.version()).isEqualTo(left.version() + 1);
    IssuedCode fresh = again.issuedCode().orElseThrow();
    assertThat(fresh.isLive()).isTrue();
    assertThat(fresh.code()).isNotIn(first.issuedCode().orElseThrow().code(), vanity.code());
    assertThat(overview(back.id()).links())
        .extracting(PartnerOverview.ReferralLink::code)
        .containsExactly(fresh.code());

    List<ProgramEvent> published =
        storage.publishedEvents().subList(eventsBefore, storage.publishedEvents().size());
    assertThat(published)
        .extracting(ProgramEvent::type)
        .containsExactly(
            "partner.rejoined",
            "referral-code.revoked",
            "referral-code.revoked",
            "referral-code.issued");
    assertThat(events(PartnerRejoined.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.partnerId()).isEqualTo(back.id());
              assertThat(e.customerPseudonym())
                  .isEqualTo(KEY.pseudonymOf(CustomerAccountId.of("cust-1")));
              assertThat(e.customerAccountId()).isEmpty();
              assertThat(e.occurredAt()).isEqualTo(clock.instant());
            });
    assertThat(events(ReferralCodeRevoked.class))
        .extracting(ReferralCodeRevoked::code)
        .containsExactlyInAnyOrder(first.issuedCode().orElseThrow().code(), vanity.code());
    assertThat(events(PartnerEnrolled.class)).hasSize(1);
  }

  @Test
  void aPayoutAccountGivenAtReEnrolmentReplacesTheOneOnFile() {
    Partner partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-1").withPayoutAccount(PayoutAccount.of(IBAN, "Jan")))
            .partner();
    program.partners().leave(partner.id());
    clock.advance(Duration.ofDays(2));

    Partner back =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-1")
                    .withPayoutAccount(PayoutAccount.of(OTHER_IBAN, "Jan")))
            .partner();

    assertThat(back.payoutAccount()).contains(PayoutAccount.of(OTHER_IBAN, "Jan"));
    assertThat(history(partner.id()))
        .extracting(c -> c.account().iban().value(), c -> c.partnerVersion(), c -> c.changedAt())
        .containsExactly(
            tuple(IBAN, 1L, partner.enrolledAt()),
            tuple(OTHER_IBAN, back.version(), clock.instant()));
    assertThat(events(PayoutAccountChanged.class)).hasSize(2);
  }

  @Test
  void noPayoutAccountOrTheSameOneAtReEnrolmentKeepsTheOneOnFile() {
    Partner partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-1").withPayoutAccount(PayoutAccount.of(IBAN, "Jan")))
            .partner();
    program.partners().leave(partner.id());
    Partner back = enrol("cust-1");
    program.partners().leave(partner.id());
    Partner backAgain =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-1").withPayoutAccount(PayoutAccount.of(IBAN, "Jan")))
            .partner();

    assertThat(back.payoutAccount()).contains(PayoutAccount.of(IBAN, "Jan"));
    assertThat(backAgain.payoutAccount()).contains(PayoutAccount.of(IBAN, "Jan"));
    assertThat(backAgain.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(history(partner.id())).hasSize(1);
    assertThat(events(PayoutAccountChanged.class)).hasSize(1);
    assertThat(events(PartnerRejoined.class)).hasSize(2);
  }

  @Test
  void aSuspendedPartnerWhoEnrolsAgainStaysSuspended() {
    Partner partner = enrol("cust-1");
    program.partners().suspend(partner.id(), Acts.because("fraud review"));
    int eventsBefore = storage.publishedEvents().size();

    EnrollmentResult again = program.partners().enroll(EnrollPartnerCommand.of("cust-1"));

    assertThat(again.outcome()).isEqualTo(EnrollmentResult.Outcome.ALREADY_MEMBER);
    assertThat(again.partner().status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(storage.publishedEvents()).hasSize(eventsBefore);
  }

  @Test
  void unknownPartnersAreNotFound() {
    PartnerId unknown = PartnerId.of("p_unknown");
    assertThatThrownBy(() -> program.partners().leave(unknown))
        .isInstanceOf(NotFoundException.class);
    assertThat(program.partners().overview(unknown)).isEmpty();
    assertThat(program.partners().overviewOfCustomer(CustomerAccountId.of("nobody"))).isEmpty();
  }

  @Test
  void blankOrOversizeCustomerIdsAreTypedErrors() {
    assertThatThrownBy(() -> EnrollPartnerCommand.of(" "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EnrollPartnerCommand.of("c".repeat(65)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 64");
    assertThat(storage.publishedEvents()).isEmpty();
  }
}
