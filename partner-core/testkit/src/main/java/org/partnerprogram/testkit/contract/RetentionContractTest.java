package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RetentionBatch;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of retention ({@code program.privacy().applyRetention()} and the store methods
 * behind it: {@link org.partnerprogram.core.port.out.TouchStore#deleteTouchedBetween}, {@link
 * org.partnerprogram.core.port.out.AttributionStore#pseudonymiseInputsSignedUpBefore} and {@link
 * org.partnerprogram.core.port.out.PartnerStore#deletePayoutAccountsSupersededBefore}) that every
 * {@link ProgramStorage} must pass: each rule at its edge (a row exactly at a cutoff is kept), the
 * current payout account kept however old, what a decision keeps, and a second run that changes
 * nothing and reports zeros. A storage adapter proves itself with a subclass that hands out fresh,
 * empty storage.
 *
 * @param <S> the storage type under test
 */
public abstract class RetentionContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  /** The fixture's zone, in which the bookkeeping retention's years are counted. */
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** An instant with microseconds, the precision every adapter keeps. */
  protected static final Instant T0 = Instant.parse("2026-03-15T10:15:30.123456Z");

  private static final UnaryOperator<VisitorId> PSEUDONYM =
      v -> PseudonymKey.isPseudonym(v.value()) ? v : ProgramFixture.PSEUDONYM_KEY.pseudonymOf(v);

  private static Instant yearsAfter(Instant at, int years) {
    return at.atZone(ZONE).plusYears(years).toInstant();
  }

  // ---------------------------------------------------------------- through the programme

  @Test
  void expiredClicksArePurgedAndAttributionWithinWindowAndGraceIsUnchanged() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    Duration kept = Duration.ofDays(90 + 30); // the default window plus the default grace
    f.program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-old"));
    f.clock.advance(Duration.ofDays(20));
    f.program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-late"));
    f.clock.advance(Duration.ofDays(20));
    f.program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-new"));
    f.clock.set(ProgramFixture.START.plus(kept));

    RetentionRun atTheEdge = f.program.privacy().applyRetention();

    assertThat(atTheEdge.clicksRemoved()).isZero();
    assertThat(atTheEdge.clickCutoff()).isEqualTo(ProgramFixture.START);
    assertThat(atTheEdge.batches()).isEqualTo(3);
    f.clock.advance(Duration.ofNanos(1_000));
    RetentionRun purged = f.program.privacy().applyRetention();
    assertThat(purged.clicksRemoved()).isEqualTo(1);
    assertThat(purged.clickCutoff()).isEqualTo(ProgramFixture.START.plus(1, ChronoUnit.MICROS));
    assertThat(purged.batches()).isEqualTo(3);
    RetentionRun again = f.program.privacy().applyRetention();
    assertThat(again.changedNothing()).as("a second run: %s", again).isTrue();
    assertThat(f.program.partners().overview(f.partner.id()).orElseThrow().referrals().clicks())
        .isEqualTo(2);

    // a signup now, 80 days after its click, and one reported late (its click 100 days ago, the
    // signup itself 20 days ago), are attributed as if nothing had been purged
    SignupAttribution now =
        f.program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("cust-new")
                    .visitor("v-new")
                    .at(f.clock.instant()));
    SignupAttribution late =
        f.program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("cust-late")
                    .visitor("v-late")
                    .at(f.clock.instant().minus(Duration.ofDays(20))));
    assertThat(now.decision()).isInstanceOf(AttributionDecision.Attributed.class);
    assertThat(late.decision()).isInstanceOf(AttributionDecision.Attributed.class);
  }

  @Test
  void aDecisionOlderThanTheClickCutoffKeepsEverythingButItsVisitorIdWhichBecomesItsPseudonym() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId old = f.referredCustomer("cust-old"); // visitor v-cust-old, at START
    f.program
        .referrals()
        .attributeSignup(AttributeSignupCommand.newCustomer("cust-typed").typedCode("jan-hosting"));
    f.clock.advance(Duration.ofDays(10));
    CustomerAccountId young = f.referredCustomer("cust-young");
    AttributionRecord oldBefore =
        f.program
            .referrals()
            .explain(old)
            .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
            .orElseThrow();
    AttributionRecord typedBefore =
        f.program
            .referrals()
            .explain(CustomerAccountId.of("cust-typed"))
            .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
            .orElseThrow();
    AttributionRecord youngBefore =
        f.program
            .referrals()
            .explain(young)
            .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
            .orElseThrow();

    f.clock.set(ProgramFixture.START.plus(Duration.ofDays(90 + 30)));
    RetentionRun atTheEdge = f.program.privacy().applyRetention();

    assertThat(atTheEdge.clickCutoff()).isEqualTo(ProgramFixture.START);
    assertThat(atTheEdge.attributionInputsPseudonymised()).isZero();
    assertThat(
            f.program
                .referrals()
                .explain(old)
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision))
        .contains(oldBefore);

    f.clock.advance(Duration.ofNanos(1_000));
    RetentionRun run = f.program.privacy().applyRetention();

    assertThat(run.attributionInputsPseudonymised()).isEqualTo(1);
    assertThat(run.clicksRemoved()).isEqualTo(1); // the click of v-cust-old
    AttributionRecord oldAfter =
        f.program
            .referrals()
            .explain(old)
            .map(org.partnerprogram.core.domain.AttributionExplanation::decision)
            .orElseThrow();
    VisitorId pseudonym = ProgramFixture.PSEUDONYM_KEY.pseudonymOf(VisitorId.of("v-cust-old"));
    assertThat(oldAfter.visitorId()).contains(pseudonym);
    assertThat(oldAfter)
        .isEqualTo(
            new AttributionRecord(
                oldBefore.customer(),
                oldBefore.decision(),
                oldBefore.candidatePartner(),
                Optional.of(pseudonym),
                oldBefore.typedCode(),
                oldBefore.newCustomer(),
                oldBefore.customerIbanGiven(),
                oldBefore.signupAt(),
                oldBefore.decidedAt()));
    assertThat(
            f.program
                .referrals()
                .explain(CustomerAccountId.of("cust-typed"))
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision))
        .as("a decision without a visitor id has nothing to pseudonymise")
        .contains(typedBefore);
    assertThat(
            f.program
                .referrals()
                .explain(young)
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision))
        .contains(youngBefore);

    RetentionRun again = f.program.privacy().applyRetention();
    assertThat(again.changedNothing()).as("a second run: %s", again).isTrue();
    assertThat(
            f.program
                .referrals()
                .explain(old)
                .map(org.partnerprogram.core.domain.AttributionExplanation::decision))
        .contains(oldAfter);

    // the customer account stays: a later order of the customer still earns commission
    OrderResult order =
        f.program
            .commissions()
            .recordOrder(
                new RecordOrderCommand(
                    EventId.of("order-after-retention"),
                    f.order(
                        "order-after-retention",
                        old,
                        ProgramFixture.line(1, "shared-hosting", "100.00"))));
    assertThat(order).isInstanceOf(OrderResult.Priced.class);
    assertThat(((OrderResult.Priced) order).earningPartner()).contains(f.partner.id());
    assertThat(order.orderId()).isEqualTo(OrderId.of("order-after-retention"));
  }

  @Test
  void aPayoutAccountIsDeletedOnlyOnceItStoppedBeingThePartnersLongerAgoThanTheRetention() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b); // the partner's first account at START
    PartnerId loyal =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-loyal")
                    .withPayoutAccount(PayoutAccount.of("DE89370400440532013000", "Loyal")))
            .partner()
            .id();
    Instant second = yearsAfter(ProgramFixture.START, 1);
    f.clock.set(second);
    f.program
        .partners()
        .updatePayoutAccount(f.partner.id(), PayoutAccount.of("BE68539007547034", "Second"));
    f.clock.set(yearsAfter(ProgramFixture.START, 3));
    f.program
        .partners()
        .updatePayoutAccount(
            f.partner.id(), PayoutAccount.of("FR1420041010050500013M02606", "Third"));
    List<PayoutAccountChange> before = history(f.partner.id());
    assertThat(before).hasSize(3);

    f.clock.set(yearsAfter(second, 7)); // the first account stopped exactly 7 years ago
    RetentionRun atTheEdge = f.program.privacy().applyRetention();

    assertThat(atTheEdge.bookkeepingCutoff()).isEqualTo(second);
    assertThat(atTheEdge.payoutAccountChangesRemoved()).isZero();
    assertThat(history(f.partner.id())).isEqualTo(before);

    f.clock.advance(Duration.ofNanos(1_000));
    RetentionRun run = f.program.privacy().applyRetention();

    assertThat(run.payoutAccountChangesRemoved()).isEqualTo(1);
    assertThat(run.bookkeepingCutoff()).isEqualTo(second.plus(1, ChronoUnit.MICROS));
    assertThat(history(f.partner.id())).containsExactly(before.get(1), before.get(2));
    assertThat(history(loyal))
        .as("the current account is kept, however old")
        .hasSize(1)
        .first()
        .satisfies(c -> assertThat(c.changedAt()).isEqualTo(ProgramFixture.START));
    assertThat(f.program.partners().find(f.partner.id()).orElseThrow().payoutAccount())
        .contains(PayoutAccount.of("FR1420041010050500013M02606", "Third"));

    RetentionRun again = f.program.privacy().applyRetention();
    assertThat(again.changedNothing()).as("a second run: %s", again).isTrue();
    assertThat(again.batches()).isEqualTo(3);

    f.clock.set(yearsAfter(ProgramFixture.START, 30));
    assertThat(f.program.privacy().applyRetention().payoutAccountChangesRemoved()).isEqualTo(1);
    assertThat(history(f.partner.id())).containsExactly(before.get(2));
    assertThat(history(loyal)).hasSize(1);
  }

  private List<PayoutAccountChange> history(PartnerId partner) {
    return tx(() -> storage.partners().payoutAccountHistory(partner));
  }

  // ---------------------------------------------------------------- the ports, in small batches

  private static AttributionRecord decision(String customer, String visitor, Instant signupAt) {
    return new AttributionRecord(
        CustomerAccountId.of(customer),
        new AttributionDecision.Attributed(
            PartnerId.of("p-1"),
            ReferralCode.parse("jan-hosting"),
            signupAt.minusSeconds(60),
            AttributionDecision.Rule.LAST_TOUCH),
        Optional.of(PartnerId.of("p-1")),
        Optional.ofNullable(visitor).map(VisitorId::of),
        Optional.empty(),
        true,
        false,
        signupAt,
        signupAt.plusSeconds(1));
  }

  @Test
  void decisionsAreTakenOldestFirstInBatchesAndNeverTwice() {
    Instant cutoff = T0.plus(Duration.ofDays(1));
    String ready = PseudonymKey.PREFIX + "abcdefghijklmnopqrstuvwxyz234567";
    tx(
        () -> {
          storage.attributions().insert(decision("c-4", "v-4", cutoff.minusSeconds(1)));
          storage.attributions().insert(decision("c-1", "v-1", T0));
          storage.attributions().insert(decision("c-2", null, T0.plusSeconds(1)));
          storage.attributions().insert(decision("c-3", ready, T0.plusSeconds(2)));
          storage.attributions().insert(decision("c-at", "v-at", cutoff)); // at the cutoff: kept
          storage.attributions().insert(decision("c-after", "v-after", cutoff.plusSeconds(1)));
          return null;
        });

    RetentionBatch first =
        tx(() -> storage.attributions().pseudonymiseInputsSignedUpBefore(cutoff, 2, PSEUDONYM));
    assertThat(first).isEqualTo(new RetentionBatch(2, 1)); // c-1 changed, c-2 has no visitor id
    assertThat(visitor("c-1")).contains(PSEUDONYM.apply(VisitorId.of("v-1")));
    assertThat(visitor("c-4")).contains(VisitorId.of("v-4"));

    RetentionBatch second =
        tx(() -> storage.attributions().pseudonymiseInputsSignedUpBefore(cutoff, 2, PSEUDONYM));
    assertThat(second).isEqualTo(new RetentionBatch(2, 1)); // c-3 is a pseudonym already, c-4
    assertThat(visitor("c-3")).contains(VisitorId.of(ready));
    assertThat(visitor("c-4")).contains(PSEUDONYM.apply(VisitorId.of("v-4")));

    RetentionBatch third =
        tx(() -> storage.attributions().pseudonymiseInputsSignedUpBefore(cutoff, 2, PSEUDONYM));
    assertThat(third).isEqualTo(new RetentionBatch(0, 0));
    assertThat(visitor("c-at")).contains(VisitorId.of("v-at"));
    assertThat(visitor("c-after")).contains(VisitorId.of("v-after"));
    AttributionRecord c1 =
        tx(() -> storage.attributions().findByCustomer(CustomerAccountId.of("c-1"))).orElseThrow();
    assertThat(c1)
        .usingRecursiveComparison()
        .ignoringFields("visitorId")
        .isEqualTo(decision("c-1", "v-1", T0));

    // a later, wider call takes the rest and nothing it took before
    RetentionBatch later =
        tx(
            () ->
                storage
                    .attributions()
                    .pseudonymiseInputsSignedUpBefore(cutoff.plusSeconds(2), 10, PSEUDONYM));
    assertThat(later).isEqualTo(new RetentionBatch(2, 2));
  }

  private Optional<VisitorId> visitor(String customer) {
    return tx(() -> storage.attributions().findByCustomer(CustomerAccountId.of(customer)))
        .orElseThrow()
        .visitorId();
  }

  private static PayoutAccountChange change(String partner, long version, Instant at) {
    return new PayoutAccountChange(
        PartnerId.of(partner),
        version,
        PayoutAccount.of("NL91ABNA0417164300", "Holder " + version),
        at);
  }

  @Test
  void historyEntriesGoWhenTheirNextEntryIsOlderThanTheCutoffEvenWhenAppendedOutOfOrder() {
    Instant cutoff = T0.plus(Duration.ofDays(100));
    PayoutAccountChange a1 = change("p-a", 1, T0);
    PayoutAccountChange a3 = change("p-a", 3, T0.plus(Duration.ofDays(10)));
    PayoutAccountChange a5 = change("p-a", 5, cutoff); // supersedes a3 exactly at the cutoff
    PayoutAccountChange a7 = change("p-a", 7, cutoff.plus(Duration.ofDays(1)));
    PayoutAccountChange b1 = change("p-b", 1, T0.minus(Duration.ofDays(1000))); // current, old
    PayoutAccountChange c1 = change("p-c", 1, T0.minusSeconds(10));
    PayoutAccountChange c2 = change("p-c", 2, T0.plusSeconds(5));
    PayoutAccountChange c4 = change("p-c", 4, T0.plusSeconds(7));
    tx(
        () -> {
          storage.partners().appendPayoutAccountChange(a3);
          storage.partners().appendPayoutAccountChange(a7);
          storage.partners().appendPayoutAccountChange(a1);
          storage.partners().appendPayoutAccountChange(b1);
          storage.partners().appendPayoutAccountChange(c4);
          storage.partners().appendPayoutAccountChange(c1);
          return null;
        });
    tx(
        () -> {
          storage.partners().appendPayoutAccountChange(a5);
          storage.partners().appendPayoutAccountChange(c2);
          return null;
        });

    // due, earliest superseded first: c1 (by c2, T0+5s), c2 (by c4, T0+7s), a1 (by a3, T0+10d)
    assertThat(tx(() -> storage.partners().deletePayoutAccountsSupersededBefore(cutoff, 2)))
        .isEqualTo(2);
    assertThat(history("p-c")).containsExactly(c4);
    assertThat(history("p-a")).containsExactly(a1, a3, a5, a7);

    assertThat(tx(() -> storage.partners().deletePayoutAccountsSupersededBefore(cutoff, 2)))
        .isEqualTo(1);
    assertThat(history("p-a")).containsExactly(a3, a5, a7);
    assertThat(tx(() -> storage.partners().deletePayoutAccountsSupersededBefore(cutoff, 2)))
        .isZero();
    assertThat(history("p-b")).containsExactly(b1);

    // a3 was superseded by a5 (not by a7), a moment after that cutoff
    Instant later = cutoff.plus(1, ChronoUnit.MICROS);
    assertThat(tx(() -> storage.partners().deletePayoutAccountsSupersededBefore(later, 10)))
        .isEqualTo(1);
    assertThat(history("p-a")).containsExactly(a5, a7);
    assertThat(
            tx(
                () ->
                    storage
                        .partners()
                        .deletePayoutAccountsSupersededBefore(cutoff.plus(Duration.ofDays(2)), 10)))
        .isEqualTo(1);
    assertThat(history("p-a")).containsExactly(a7);
    assertThat(history("p-b")).containsExactly(b1);
    assertThat(history("p-c")).containsExactly(c4);
  }

  private List<PayoutAccountChange> history(String partner) {
    return history(PartnerId.of(partner));
  }
}
