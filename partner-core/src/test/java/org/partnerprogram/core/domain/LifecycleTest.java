package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state machines of partners, payouts and codes, transition by transition. */
class LifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-03T09:00:00Z");
  private static final PayoutAccount ACCOUNT = PayoutAccount.of("NL91ABNA0417164300", "Jan");

  private static Partner partner() {
    return Partner.enrol(
        PartnerId.of("p_1"), CustomerAccountId.of("cust-1"), T0, Optional.of(ACCOUNT));
  }

  private static Payout payout(PayoutStatus status) {
    return new Payout(
        PayoutId.of("PO" + "A".repeat(24)),
        PartnerId.of("p_1"),
        YearMonth.of(2026, 11),
        Money.of("25.00", "EUR"),
        Optional.of(ACCOUNT),
        status,
        T0,
        T0,
        Optional.empty());
  }

  @Test
  void aPartnerMovesActiveSuspendedActiveAndLeavesWithEachChangeVersionedAndTimed() {
    Partner p = partner();
    assertThat(p.isActive()).isTrue();
    assertThat(p.version()).isEqualTo(1);
    Partner suspended = p.suspend(T1);
    assertThat(suspended.status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(suspended.isActive()).isFalse();
    assertThat(suspended.statusChangedAt()).isEqualTo(T1);
    assertThat(suspended.enrolledAt()).isEqualTo(T0);
    assertThat(suspended.version()).isEqualTo(2);
    Partner back = suspended.reinstate(T1.plusSeconds(1));
    assertThat(back.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(back.version()).isEqualTo(3);
    Partner left = back.leave(T1.plusSeconds(2));
    assertThat(left.status()).isEqualTo(PartnerStatus.TERMINATED);
    assertThat(left.isActive()).isFalse();
    assertThat(suspended.leave(T1).status()).isEqualTo(PartnerStatus.TERMINATED);
    assertThat(left.payoutAccount()).contains(ACCOUNT);
  }

  @Test
  void transitionsOutOfTheWrongStateAreRefused() {
    Partner p = partner();
    assertThatThrownBy(() -> p.reinstate(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("partner p_1 is ACTIVE; only a SUSPENDED partner can be reinstated");
    Partner suspended = p.suspend(T1);
    assertThatThrownBy(() -> suspended.suspend(T1)).isInstanceOf(IllegalTransitionException.class);
    Partner left = p.leave(T1);
    assertThatThrownBy(() -> left.reinstate(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageEndingWith(
            "(a partner who left comes back by enrolling the customer account again)");
    assertThatThrownBy(() -> left.suspend(T1)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> left.leave(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already left");
    assertThatThrownBy(
            () ->
                new Partner(
                    PartnerId.of("p_1"),
                    CustomerAccountId.of("c"),
                    PartnerStatus.ACTIVE,
                    T0,
                    T0,
                    Optional.empty(),
                    Optional.empty(),
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAPartnerWhoLeftIsErasedAndAnErasedPartnerIsFinal() {
    CustomerAccountId pseudonym = CustomerAccountId.of("ps:" + "a".repeat(32));
    assertThatThrownBy(() -> partner().erase(T1, pseudonym))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> partner().suspend(T0).erase(T1, pseudonym))
        .isInstanceOf(IllegalTransitionException.class);
    Partner left = partner().leave(T0);
    assertThatThrownBy(() -> left.erase(T1, CustomerAccountId.of("cust-2")))
        .isInstanceOf(IllegalArgumentException.class);

    Partner erased = left.erase(T1, pseudonym);

    assertThat(erased.status()).isEqualTo(PartnerStatus.ERASED);
    assertThat(erased.isErased()).isTrue();
    assertThat(erased.customerAccountId()).isEqualTo(pseudonym);
    assertThat(erased.payoutAccount()).isEmpty();
    assertThat(erased.statusChangedAt()).isEqualTo(T1);
    assertThat(erased.version()).isEqualTo(left.version() + 1);
    assertThat(erased.enrolledAt()).isEqualTo(T0);
    assertThat(left.wasAwayAt(T0.minusSeconds(1))).isFalse();
    assertThat(erased.wasAwayAt(T0.minusSeconds(1))).isTrue();
    assertThat(erased.wasAwayAt(T1.plusSeconds(1))).isTrue();
    assertThat(PartnerErasure.of(erased)).isEqualTo(new PartnerErasure(erased.id(), pseudonym, T1));
    assertThatThrownBy(() -> PartnerErasure.of(left)).isInstanceOf(IllegalArgumentException.class);
    List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> changes =
        List.of(
            () -> erased.leave(T1),
            () -> erased.suspend(T1),
            () -> erased.reinstate(T1),
            () -> erased.rejoin(T1, Optional.empty()),
            () -> erased.withPayoutAccount(ACCOUNT),
            () -> erased.erase(T1, pseudonym));
    for (var change : changes) {
      assertThatThrownBy(change).isInstanceOf(PartnerErasedException.class);
    }
  }

  @Test
  void anErasedPartnersPayoutHasNoAccountToTransferToAndSaysSo() {
    Payout erased =
        new Payout(
            PayoutId.of("PO" + "A".repeat(24)),
            PartnerId.of("p_1"),
            YearMonth.of(2026, 11),
            Money.of("25.00", "EUR"),
            Optional.empty(),
            PayoutStatus.PAID,
            T0,
            T0,
            Optional.empty());
    assertThat(erased.ibanMasked()).isEqualTo(Payout.ERASED_ACCOUNT);
    assertThat(erased.holderName()).isEqualTo(Payout.ERASED_ACCOUNT);
    assertThatThrownBy(erased::transferAccount).isInstanceOf(IllegalStateException.class);
    Payout live = payout(PayoutStatus.CREATED);
    assertThat(live.transferAccount()).isEqualTo(ACCOUNT);
    assertThat(live.ibanMasked()).isEqualTo(ACCOUNT.iban().masked());
    assertThat(live.holderName()).isEqualTo("Jan");
  }

  @Test
  void aPartnerWhoLeftRejoinsActiveKeepingItsEnrolmentAndRecordingTheAbsence() {
    Partner left = partner().leave(T1);
    Instant back = T1.plusSeconds(3600);

    Partner rejoined = left.rejoin(back, Optional.empty());

    assertThat(rejoined.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(rejoined.id()).isEqualTo(left.id());
    assertThat(rejoined.enrolledAt()).isEqualTo(T0);
    assertThat(rejoined.statusChangedAt()).isEqualTo(back);
    assertThat(rejoined.lastAbsence()).contains(new Partner.Absence(T1, back));
    assertThat(rejoined.payoutAccount()).contains(ACCOUNT);
    assertThat(rejoined.version()).isEqualTo(left.version() + 1);
    PayoutAccount other = PayoutAccount.of("DE89370400440532013000", "Jan");
    assertThat(left.rejoin(back, Optional.of(other)).payoutAccount()).contains(other);
    // the absence survives later changes until the next rejoin replaces it
    Partner suspended = rejoined.suspend(back.plusSeconds(1)).withPayoutAccount(other);
    assertThat(suspended.lastAbsence()).isEqualTo(rejoined.lastAbsence());
    Partner again =
        suspended.leave(back.plusSeconds(2)).rejoin(back.plusSeconds(3), Optional.empty());
    assertThat(again.lastAbsence())
        .contains(new Partner.Absence(back.plusSeconds(2), back.plusSeconds(3)));
  }

  @Test
  void onlyAPartnerWhoLeftCanRejoin() {
    Partner active = partner();
    assertThatThrownBy(() -> active.rejoin(T1, Optional.empty()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("partner p_1 is ACTIVE; only a partner who left can rejoin");
    assertThatThrownBy(() -> active.suspend(T1).rejoin(T1, Optional.empty()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aRejoinStampedBeforeTheLeaveByASkewedClockIsAnEmptyAbsence() {
    Partner rejoined = partner().leave(T1).rejoin(T1.minusSeconds(5), Optional.empty());
    assertThat(rejoined.statusChangedAt()).isEqualTo(T1);
    assertThat(rejoined.lastAbsence()).contains(new Partner.Absence(T1, T1));
    assertThat(rejoined.wasAwayAt(T1)).isFalse();
    assertThatThrownBy(() -> new Partner.Absence(T1, T1.minusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPartnerIsAwayFromLeavingUntilRejoiningAndNeverBeforeOrAfter() {
    Instant back = T1.plusSeconds(3600);
    Partner left = partner().leave(T1);
    assertThat(left.wasAwayAt(T1.minusNanos(1000))).isFalse();
    assertThat(left.wasAwayAt(T1)).isTrue();
    assertThat(left.wasAwayAt(back.plusSeconds(86_400))).isTrue();

    Partner rejoined = left.rejoin(back, Optional.empty());
    assertThat(rejoined.wasAwayAt(T0)).isFalse();
    assertThat(rejoined.wasAwayAt(T1.minusNanos(1000))).isFalse();
    assertThat(rejoined.wasAwayAt(T1)).isTrue();
    assertThat(rejoined.wasAwayAt(back.minusNanos(1000))).isTrue();
    assertThat(rejoined.wasAwayAt(back)).isFalse();

    // left again: both the earlier absence and the time since leaving count
    Partner leftAgain = rejoined.leave(back.plusSeconds(60));
    assertThat(leftAgain.wasAwayAt(T1)).isTrue();
    assertThat(leftAgain.wasAwayAt(back.plusSeconds(30))).isFalse();
    assertThat(leftAgain.wasAwayAt(back.plusSeconds(60))).isTrue();
    assertThat(partner().suspend(T1).wasAwayAt(T1.plusSeconds(1))).isFalse();
  }

  @Test
  void aNewPayoutAccountBumpsTheVersionAndKeepsTheStatus() {
    Partner suspended = partner().suspend(T1);
    PayoutAccount other = PayoutAccount.of("DE89370400440532013000", "Jan");
    Partner changed = suspended.withPayoutAccount(other);
    assertThat(changed.payoutAccount()).contains(other);
    assertThat(changed.version()).isEqualTo(suspended.version() + 1);
    assertThat(changed.status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(changed.statusChangedAt()).isEqualTo(T1);
  }

  @Test
  void aPayoutIsExportedOnceThenPaidOrFailedAndNothingAfterThat() {
    Payout created = payout(PayoutStatus.CREATED);
    Payout exported = created.exported(T1);
    assertThat(exported.status()).isEqualTo(PayoutStatus.EXPORTED);
    assertThat(exported.statusChangedAt()).isEqualTo(T1);
    assertThat(exported.createdAt()).isEqualTo(T0);
    assertThat(exported.exported(T1.plusSeconds(5))).isSameAs(exported);
    assertThat(created.paid(T1).status()).isEqualTo(PayoutStatus.PAID);
    assertThat(exported.paid(T1).status()).isEqualTo(PayoutStatus.PAID);
    Payout failed = exported.failed(T1, "account closed");
    assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
    assertThat(failed.failureReason()).contains("account closed");
    assertThat(created.failed(T1, "x").status()).isEqualTo(PayoutStatus.FAILED);
    assertThat(exported.paid(T1).failureReason()).isEmpty();

    for (Payout done : new Payout[] {created.paid(T1), failed}) {
      assertThatThrownBy(() -> done.paid(T1)).isInstanceOf(IllegalTransitionException.class);
      assertThatThrownBy(() -> done.failed(T1, "x")).isInstanceOf(IllegalTransitionException.class);
      assertThatThrownBy(() -> done.exported(T1))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageEndingWith("cannot be exported");
    }
    assertThatThrownBy(() -> created.failed(T1, " ")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCodeIsRevokedOnce() {
    IssuedCode code =
        new IssuedCode(
            ReferralCode.parse("jan-hosting"), PartnerId.of("p_1"), true, T0, Optional.empty());
    assertThat(code.isLive()).isTrue();
    IssuedCode revoked = code.revoke(T1);
    assertThat(revoked.isLive()).isFalse();
    assertThat(revoked.revokedAt()).contains(T1);
    assertThat(revoked.vanity()).isTrue();
    assertThatThrownBy(() -> revoked.revoke(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already revoked");
  }
}
