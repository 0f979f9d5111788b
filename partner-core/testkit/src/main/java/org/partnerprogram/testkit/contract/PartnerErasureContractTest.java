package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerErasedException;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.core.domain.PartnerErasureRefusedException;
import org.partnerprogram.core.domain.PartnerErasureRefusedException.Reason;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.PartnerErasureScenario;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of a partner's erasure ({@code program.privacy().erasePartner}) and the store
 * methods behind it ({@code PartnerStore.deletePayoutAccountHistory}, {@code
 * PayoutStore.eraseAccounts}, the {@code replaceCode} of codes, touches and decisions, and the
 * partner's update with a new account id), which every {@link ProgramStorage} must pass: each
 * refusal with its reason and nothing changed; the erasure itself, with the money untouched; a
 * second erasure that returns the same value; and an erased partner that nothing changes any more.
 *
 * @param <S> the storage type under test
 */
public abstract class PartnerErasureContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final ReferralCode VANITY =
      ReferralCode.parse(PartnerErasureScenario.VANITY.toUpperCase(Locale.ROOT));

  /** What the partner's money and data look like, to compare before and after. */
  private record Held(
      Partner partner,
      Balance balance,
      List<LedgerEntry> entries,
      List<Payout> payouts,
      List<IssuedCode> codes,
      int history) {}

  private Held held(ProgramFixture f, PartnerId id) {
    return tx(
        () ->
            new Held(
                storage.partners().findById(id).orElseThrow(),
                storage.balanceNetOfPayouts(
                    id, ProgramFixture.eur("0").currency(), f.clock.instant()),
                storage.ledger().recentEntries(id, 1_000),
                storage.payouts().recentPayouts(id, 1_000),
                storage.codes().findByPartner(id),
                storage.partners().payoutAccountHistory(id).size()));
  }

  private static void refused(ThrowingCallable erase, Reason reason, Instant until) {
    assertThatThrownBy(erase)
        .isInstanceOfSatisfying(
            PartnerErasureRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.until()).isEqualTo(Optional.ofNullable(until));
            });
  }

  @Test
  void eachRefusalSaysWhyAndUntilWhenAndChangesNothing() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    PartnerId jan = f.partner.id();
    CustomerAccountId customer = f.referredCustomer("c-1");
    f.record(f.order("order-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-1", "order-1", f.clock.instant()));
    Held before = held(f, jan);

    refused(() -> f.program.privacy().erasePartner(jan), Reason.STILL_ACTIVE, null);
    f.program.partners().suspend(jan, Acts.because("fraud review"));
    refused(() -> f.program.privacy().erasePartner(jan), Reason.STILL_ACTIVE, null);
    f.program.partners().leave(jan);
    // left, with commission earned and not yet paid out
    refused(() -> f.program.privacy().erasePartner(jan), Reason.OPEN_BALANCE, null);

    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(PartnerErasureScenario.CLOSED_MONTH, Acts.TEST);
    Payout payout = f.payoutsOf(PartnerErasureScenario.CLOSED_MONTH).get(0);
    refused(() -> f.program.privacy().erasePartner(jan), Reason.PAYOUT_IN_PROGRESS, null);

    Instant paidAt = Instant.parse("2026-12-03T10:00:00Z");
    f.clock.set(paidAt);
    f.program.payouts().markPaid(payout.payoutId(), paidAt, Acts.TEST);
    Instant until = PartnerErasureScenario.RETAINED_UNTIL;
    refused(() -> f.program.privacy().erasePartner(jan), Reason.WITHIN_RETENTION, until);
    f.clock.set(until.minusSeconds(1));
    refused(() -> f.program.privacy().erasePartner(jan), Reason.WITHIN_RETENTION, until);

    Held after = held(f, jan);
    assertThat(after.partner().customerAccountId()).isEqualTo(before.partner().customerAccountId());
    assertThat(after.partner().payoutAccount()).isEqualTo(before.partner().payoutAccount());
    assertThat(after.history()).isEqualTo(1);
    assertThat(after.codes())
        .extracting(IssuedCode::code)
        .containsAll(before.codes().stream().map(IssuedCode::code).toList());
    assertThat(after.payouts()).allMatch(p -> p.account().isPresent());

    f.clock.set(until);
    assertThat(f.program.privacy().erasePartner(jan).erasedAt()).isEqualTo(until);
  }

  @Test
  void anUnknownOrNullPartnerIsRefused() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    assertThatThrownBy(() -> f.program.privacy().erasePartner(PartnerId.of("p_unknown")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.program.privacy().erasePartner(null))
        .hasMessageContaining("partnerId");
  }

  @Test
  void anErasedPartnerKeepsItsMoneyAndLosesItsAccountsNameAndCodes() {
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    ProgramFixture f = scenario.fixture;
    Held before = held(f, scenario.partner);
    assertThat(before.history()).isEqualTo(2);
    assertThat(before.balance().paid().isPositive()).isTrue();

    PartnerErasure erasure = scenario.erase();

    CustomerAccountId pseudonym =
        ProgramFixture.PSEUDONYM_KEY.partnerPseudonymOf(PartnerErasureScenario.ACCOUNT);
    assertThat(erasure)
        .isEqualTo(new PartnerErasure(scenario.partner, pseudonym, f.clock.instant()));
    Held after = held(f, scenario.partner);
    assertThat(after.partner().status()).isEqualTo(PartnerStatus.ERASED);
    assertThat(after.partner().customerAccountId()).isEqualTo(pseudonym);
    assertThat(after.partner().payoutAccount()).isEmpty();
    assertThat(after.history()).isZero();
    assertThat(after.balance()).isEqualTo(before.balance());
    assertThat(after.entries()).isEqualTo(before.entries());
    assertThat(after.payouts())
        .hasSameSizeAs(before.payouts())
        .allMatch(p -> p.account().isEmpty() && p.status() == PayoutStatus.PAID);
    assertThat(after.payouts())
        .extracting(Payout::payoutId, Payout::amount, Payout::period)
        .containsExactlyElementsOf(
            before.payouts().stream()
                .map(p -> org.assertj.core.groups.Tuple.tuple(p.payoutId(), p.amount(), p.period()))
                .toList());
    ReferralCode replaced = ProgramFixture.PSEUDONYM_KEY.pseudonymOf(VANITY);
    assertThat(after.codes()).allMatch(c -> !c.isLive());
    assertThat(after.codes())
        .extracting(IssuedCode::code)
        .contains(replaced)
        .doesNotContain(VANITY);
    tx(
        () -> {
          assertThat(storage.partners().findByCustomerAccount(PartnerErasureScenario.ACCOUNT))
              .isEmpty();
          assertThat(storage.partners().findByCustomerAccount(pseudonym)).isPresent();
          assertThat(storage.codes().find(VANITY)).isEmpty();
          List<Touch> clicks =
              storage
                  .touches()
                  .findByVisitor(
                      PartnerErasureScenario.visitor(), Instant.EPOCH, f.clock.instant());
          assertThat(clicks).isNotEmpty().allMatch(t -> t.code().equals(replaced));
          for (String customer : List.of("c-erased-partner-1", "c-erased-partner-2")) {
            AttributionRecord record =
                storage.attributions().findByCustomer(CustomerAccountId.of(customer)).orElseThrow();
            assertThat(record.typedCode()).isNotEqualTo(Optional.of(VANITY));
            if (record.decision() instanceof AttributionDecision.Attributed a) {
              assertThat(a.code()).isEqualTo(replaced);
            }
          }
          return null;
        });
  }

  @Test
  void erasingTwiceReturnsTheSameErasureAndChangesNothing() {
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    PartnerErasure first = scenario.erase();
    Held once = held(scenario.fixture, scenario.partner);
    scenario.fixture.clock.advance(Duration.ofDays(3));

    assertThat(scenario.erase()).isEqualTo(first);
    assertThat(held(scenario.fixture, scenario.partner)).isEqualTo(once);
  }

  @Test
  void nothingChangesAnErasedPartnerAndItsCodeIsNeverChosenAgainNorFollowed() {
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    PartnerProgram program = scenario.fixture.program;
    PartnerId erased = scenario.partner;
    scenario.erase();

    List<ThrowingCallable> changes =
        List.of(
            () -> program.partners().leave(erased),
            () -> program.partners().suspend(erased, Acts.because("x")),
            () -> program.partners().reinstate(erased, Acts.TEST),
            () ->
                program
                    .partners()
                    .updatePayoutAccount(erased, PayoutAccount.of("NL91ABNA0417164300", "X")),
            () -> program.referrals().issueCode(erased),
            () -> program.referrals().issueVanityCode(erased, "another-code"));
    for (ThrowingCallable change : changes) {
      assertThatThrownBy(change).isInstanceOf(PartnerErasedException.class);
    }
    // its customers' orders earn nothing, also one placed while it was still in the programme
    for (String order : List.of("late", "new")) {
      Instant placed =
          order.equals("late")
              ? PartnerErasureScenario.PAID_AT.minusSeconds(60)
              : scenario.fixture.clock.instant();
      assertThat(
              program
                  .commissions()
                  .recordOrder(
                      RecordOrderCommand.of(
                          "evt-order-" + order,
                          new Order(
                              OrderId.of("order-" + order),
                              CustomerAccountId.of("c-erased-partner-1"),
                              placed,
                              List.of(ProgramFixture.line(1, "shared-hosting", "50.00"))))))
          .isInstanceOfSatisfying(
              OrderResult.NotEarning.class,
              r -> assertThat(r.reason()).isEqualTo(NotEarningReason.PARTNER_LEFT));
    }
    // the closed month's bank files cannot be written again without the account
    assertThatThrownBy(
            () ->
                program
                    .payouts()
                    .export(
                        new ExportPayoutsCommand(
                            PartnerErasureScenario.CLOSED_MONTH,
                            PainVersion.PAIN_001_001_03,
                            SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
                            LocalDate.parse("2026-12-02"),
                            Acts.TEST)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("erased");
    // the link no longer leads anywhere
    assertThat(
            program
                .referrals()
                .recordTouch(RecordTouchCommand.of(PartnerErasureScenario.VANITY, "v-later")))
        .isEqualTo(new TouchResult.Ignored(TouchResult.Why.UNKNOWN_CODE));
    // the same account enrols as a new partner, who cannot have the old code
    Partner fresh =
        program
            .partners()
            .enroll(EnrollPartnerCommand.of(PartnerErasureScenario.ACCOUNT.value()))
            .partner();
    assertThat(fresh.id()).isNotEqualTo(erased);
    assertThatThrownBy(
            () -> program.referrals().issueVanityCode(fresh.id(), PartnerErasureScenario.VANITY))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                program
                    .referrals()
                    .issueVanityCode(
                        fresh.id(), ProgramFixture.PSEUDONYM_KEY.pseudonymOf(VANITY).value()))
        .hasMessageContaining(ReferralCode.ERASED_PREFIX);
  }

  // ---------------------------------------------------------------- the store methods

  @Test
  void theStoreMethodsBehindTheErasureTouchOnlyThePartnersRowsAndCountThem() {
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    PartnerId erased = scenario.partner;
    PartnerId jan = scenario.fixture.partner.id();
    ReferralCode replacement = ProgramFixture.PSEUDONYM_KEY.pseudonymOf(VANITY);
    ReferralCode jansCode = ReferralCode.parse("jan-hosting");
    tx(
        () -> {
          assertThat(storage.partners().deletePayoutAccountHistory(erased)).isEqualTo(2);
          assertThat(storage.partners().deletePayoutAccountHistory(erased)).isZero();
          assertThat(storage.partners().payoutAccountHistory(erased)).isEmpty();
          assertThat(storage.partners().payoutAccountHistory(jan)).hasSize(1);

          assertThat(storage.payouts().eraseAccounts(erased)).isEqualTo(1);
          assertThat(storage.payouts().eraseAccounts(erased)).isZero();
          assertThat(storage.payouts().recentPayouts(erased, 10))
              .singleElement()
              .satisfies(p -> assertThat(p.account()).isEmpty());
          assertThat(storage.payouts().eraseAccounts(jan)).isZero();

          // a live code keeps its text; a revoked one takes the replacement
          assertThat(storage.codes().replaceCode(VANITY, replacement)).isFalse();
          assertThat(storage.codes().revoke(VANITY, scenario.fixture.clock.instant())).isTrue();
          assertThat(storage.codes().replaceCode(VANITY, replacement)).isTrue();
          assertThat(storage.codes().replaceCode(VANITY, replacement)).isFalse();
          assertThat(storage.codes().find(VANITY)).isEmpty();
          IssuedCode moved = storage.codes().find(replacement).orElseThrow();
          assertThat(moved.partnerId()).isEqualTo(erased);
          assertThat(moved.vanity()).isTrue();
          assertThat(moved.isLive()).isFalse();

          assertThat(storage.touches().replaceCode(jan, VANITY, replacement)).isZero();
          assertThat(storage.touches().replaceCode(erased, VANITY, replacement)).isEqualTo(1);
          assertThat(storage.touches().replaceCode(erased, VANITY, replacement)).isZero();
          assertThat(storage.touches().countByPartner(erased)).isEqualTo(1);

          assertThat(storage.attributions().replaceCode(jan, VANITY, replacement)).isZero();
          assertThat(storage.attributions().replaceCode(erased, VANITY, replacement)).isEqualTo(2);
          assertThat(storage.attributions().replaceCode(erased, VANITY, replacement)).isZero();
          assertThat(storage.attributions().replaceCode(jan, jansCode, jansCode)).isZero();
          return null;
        });
    // the replacement must be free
    tx(() -> storage.codes().revoke(jansCode, scenario.fixture.clock.instant()));
    assertThatThrownBy(() -> tx(() -> storage.codes().replaceCode(jansCode, replacement)))
        .isInstanceOf(ConflictException.class);
    tx(
        () -> {
          assertThat(storage.codes().find(jansCode)).isPresent();
          return null;
        });
  }

  @Test
  void anUpdateReplacesTheCustomerAccountIdAndFindsThePartnerUnderTheNewOneOnly() {
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    CustomerAccountId pseudonym =
        ProgramFixture.PSEUDONYM_KEY.partnerPseudonymOf(PartnerErasureScenario.ACCOUNT);
    tx(
        () -> {
          Partner stored = storage.partners().findById(scenario.partner).orElseThrow();
          storage.partners().update(stored.erase(scenario.fixture.clock.instant(), pseudonym));
          assertThat(storage.partners().findByCustomerAccount(PartnerErasureScenario.ACCOUNT))
              .isEmpty();
          Partner read = storage.partners().findByCustomerAccount(pseudonym).orElseThrow();
          assertThat(read.id()).isEqualTo(scenario.partner);
          assertThat(read.status()).isEqualTo(PartnerStatus.ERASED);
          assertThat(read.payoutAccount()).isEmpty();
          assertThat(read.version()).isEqualTo(stored.version() + 1);
          return null;
        });
  }
}
