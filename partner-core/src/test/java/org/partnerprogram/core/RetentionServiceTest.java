package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.MutableClock;

/** The retention's batches, cutoffs and repeats, on in-memory storage. */
class RetentionServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00.123456Z");
  private final MutableClock clock = MutableClock.at(NOW);

  private Privacy privacy(ProgramStorage storage, Duration grace) {
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .attributionWindow(Duration.ofDays(60))
                .clickRetentionGrace(grace)
                .build())
        .storage(storage)
        .clock(clock)
        .random(new SplittableRandom(3))
        .build()
        .privacy();
  }

  private static void clicks(InMemoryStorage storage, Instant newest, int count) {
    storage
        .transactions()
        .execute(
            () -> {
              for (int i = 0; i < count; i++) {
                storage
                    .touches()
                    .insert(
                        new Touch(
                            ReferralCode.parse("jan-hosting"),
                            PartnerId.of("p-1"),
                            VisitorId.of("v-" + i),
                            newest.minusSeconds(i),
                            Optional.empty()));
              }
              return null;
            });
  }

  private static long stored(InMemoryStorage storage) {
    return storage
        .transactions()
        .execute(() -> storage.touches().countByPartner(PartnerId.of("p-1")));
  }

  @Test
  void manyExpiredClicksGoInBatchesOfAtMostTheBatchSize() {
    InMemoryStorage storage = new InMemoryStorage();
    Instant cutoff = NOW.minus(Duration.ofDays(60 + 7));
    int expired = 2 * Privacy.RETENTION_BATCH + 1;
    clicks(storage, cutoff.minusNanos(1_000), expired);
    clicks(storage, cutoff.plusSeconds(9), 10); // the oldest exactly at the cutoff: kept

    RetentionRun run = privacy(storage, Duration.ofDays(7)).applyRetention();

    Instant bookkeeping = Instant.parse("2019-12-07T09:00:00.123456Z"); // 7 years, in Amsterdam
    // three batches from where the one before ended, then one from the oldest click finds nothing
    assertThat(run).isEqualTo(new RetentionRun(expired, 0, 0, cutoff, bookkeeping, 4 + 2));
    assertThat(stored(storage)).isEqualTo(10);
    assertThat(privacy(storage, Duration.ofDays(7)).applyRetention())
        .isEqualTo(new RetentionRun(0, 0, 0, cutoff, bookkeeping, 3));
  }

  @Test
  void clicksAtOneInstantThatTheBatchesSplitAreAllPurged() {
    InMemoryStorage storage = new InMemoryStorage();
    Instant cutoff = NOW.minus(Duration.ofDays(60 + 7));
    Instant shared = cutoff.minusSeconds(3_600);
    clicks(storage, shared.plusSeconds(3), 4); // the oldest of these at it
    clicks(storage, cutoff.minusSeconds(1), 1);
    // more than two batches' worth at that one instant: every batch boundary falls inside it
    storage
        .transactions()
        .execute(
            () -> {
              for (int i = 0; i < 2 * Privacy.RETENTION_BATCH + 7; i++) {
                storage
                    .touches()
                    .insert(
                        new Touch(
                            ReferralCode.parse("jan-hosting"),
                            PartnerId.of("p-1"),
                            VisitorId.of("same-" + i),
                            shared,
                            Optional.empty()));
              }
              return null;
            });
    clicks(storage, cutoff.plusSeconds(9), 10); // kept

    RetentionRun run = privacy(storage, Duration.ofDays(7)).applyRetention();

    assertThat(run.clicksRemoved()).isEqualTo(2L * Privacy.RETENTION_BATCH + 7 + 5);
    assertThat(stored(storage)).isEqualTo(10);
    assertThat(privacy(storage, Duration.ofDays(7)).applyRetention().changedNothing()).isTrue();
  }

  @Test
  void manyOldDecisionsAndSupersededAccountsGoInBatchesOfAtMostTheBatchSize() {
    InMemoryStorage storage = new InMemoryStorage();
    int many = Privacy.RETENTION_BATCH + 1;
    Instant longAgo = NOW.minus(Duration.ofDays(365 * 9));
    storage
        .transactions()
        .execute(
            () -> {
              for (int i = 0; i < many; i++) {
                storage
                    .attributions()
                    .insert(
                        new AttributionRecord(
                            CustomerAccountId.of("c-" + i),
                            new AttributionDecision.NotAttributed(
                                AttributionDecision.Reason.NO_TOUCH),
                            Optional.empty(),
                            Optional.of(VisitorId.of("v-" + i)),
                            Optional.empty(),
                            true,
                            false,
                            longAgo.plusSeconds(i),
                            longAgo.plusSeconds(i)));
              }
              for (int v = 1; v <= many + 1; v++) { // the last one is current and stays
                storage
                    .partners()
                    .appendPayoutAccountChange(
                        new PayoutAccountChange(
                            PartnerId.of("p-1"),
                            v,
                            PayoutAccount.of("NL91ABNA0417164300", "Holder"),
                            longAgo.plusSeconds(v)));
              }
              return null;
            });

    RetentionRun run = privacy(storage, Duration.ofDays(30)).applyRetention();

    assertThat(run.attributionInputsPseudonymised()).isEqualTo(many);
    assertThat(run.payoutAccountChangesRemoved()).isEqualTo(many);
    assertThat(run.batches()).isEqualTo(1 + 2 + 2);
    assertThat(
            storage
                .transactions()
                .execute(() -> storage.partners().payoutAccountHistory(PartnerId.of("p-1"))))
        .extracting(PayoutAccountChange::partnerVersion)
        .containsExactly((long) many + 1);
    assertThat(
            storage
                .transactions()
                .execute(() -> storage.attributions().findByCustomer(CustomerAccountId.of("c-0")))
                .orElseThrow()
                .visitorId())
        .contains(PseudonymKey.of(new byte[32]).pseudonymOf(VisitorId.of("v-0")));
    assertThat(privacy(storage, Duration.ofDays(30)).applyRetention().changedNothing()).isTrue();
  }

  @Test
  void aGraceOfZeroKeepsTheWindowOnlyAndTheCutoffFollowsTheClock() {
    InMemoryStorage storage = new InMemoryStorage();
    clicks(storage, NOW.minus(Duration.ofDays(60)), 3);

    assertThat(privacy(storage, Duration.ZERO).applyRetention().clicksRemoved()).isEqualTo(2);

    clock.advance(Duration.ofNanos(1_000));
    RetentionRun later = privacy(storage, Duration.ZERO).applyRetention();
    assertThat(later.clicksRemoved()).isEqualTo(1);
    assertThat(later.clickCutoff()).isEqualTo(NOW.plusNanos(1_000).minus(Duration.ofDays(60)));
  }

  @Test
  void aBatchThatFailedTransientlyIsRepeatedEvenWithoutARetryPolicy() {
    RetryPolicyTest.FlakyStorage storage = new RetryPolicyTest.FlakyStorage(2, true);
    clicks(storage.target, NOW.minus(Duration.ofDays(365)), 4);

    RetentionRun run = privacy(storage, Duration.ofDays(30)).applyRetention();

    assertThat(run.clicksRemoved()).isEqualTo(4);
    assertThat(run.batches()).isEqualTo(3);
    // the clicks' batch: two rolled back, one committed; then one for each other kind of data
    assertThat(storage.units.get()).isEqualTo(3 + 2);
    assertThat(stored(storage.target)).isZero();
  }

  @Test
  void aBatchInTheHostsTransactionIsNotRepeatedAndItsFailureReachesTheHost() {
    RetryPolicyTest.FlakyStorage storage = new RetryPolicyTest.FlakyStorage(1, false);
    clicks(storage.target, NOW.minus(Duration.ofDays(365)), 4);

    assertThatThrownBy(() -> privacy(storage, Duration.ofDays(30)).applyRetention())
        .isInstanceOf(RetryableException.class);
    assertThat(stored(storage.target)).isEqualTo(4); // rolled back whole
  }
}
