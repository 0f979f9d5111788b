package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.ClickPurge;
import org.partnerprogram.core.port.in.Referrals;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.MutableClock;

/** The click purge's batches, cutoff and repeats, on in-memory storage. */
class ClickPurgeTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00.123456Z");
  private final MutableClock clock = MutableClock.at(NOW);

  private Referrals referrals(ProgramStorage storage, Duration grace) {
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
        .referrals();
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
    int expired = 2 * Referrals.CLICK_PURGE_BATCH + 1;
    clicks(storage, cutoff.minusNanos(1_000), expired);
    clicks(storage, cutoff.plusSeconds(9), 10); // the oldest exactly at the cutoff: kept

    ClickPurge purge = referrals(storage, Duration.ofDays(7)).purgeExpiredClicks();

    assertThat(purge).isEqualTo(new ClickPurge(expired, cutoff, 3));
    assertThat(stored(storage)).isEqualTo(10);
    assertThat(referrals(storage, Duration.ofDays(7)).purgeExpiredClicks())
        .isEqualTo(new ClickPurge(0, cutoff, 1));
  }

  @Test
  void aGraceOfZeroKeepsTheWindowOnlyAndTheCutoffFollowsTheClock() {
    InMemoryStorage storage = new InMemoryStorage();
    clicks(storage, NOW.minus(Duration.ofDays(60)), 3);

    assertThat(referrals(storage, Duration.ZERO).purgeExpiredClicks().clicksRemoved()).isEqualTo(2);

    clock.advance(Duration.ofNanos(1_000));
    ClickPurge later = referrals(storage, Duration.ZERO).purgeExpiredClicks();
    assertThat(later.clicksRemoved()).isEqualTo(1);
    assertThat(later.cutoff()).isEqualTo(NOW.plusNanos(1_000).minus(Duration.ofDays(60)));
  }

  @Test
  void aBatchThatFailedTransientlyIsRepeatedEvenWithoutARetryPolicy() {
    RetryPolicyTest.FlakyStorage storage = new RetryPolicyTest.FlakyStorage(2, true);
    clicks(storage.target, NOW.minus(Duration.ofDays(365)), 4);

    ClickPurge purge = referrals(storage, Duration.ofDays(30)).purgeExpiredClicks();

    assertThat(purge.clicksRemoved()).isEqualTo(4);
    assertThat(purge.batches()).isEqualTo(1);
    assertThat(storage.units.get()).isEqualTo(3); // two rolled back, one committed
    assertThat(stored(storage.target)).isZero();
  }

  @Test
  void aBatchInTheHostsTransactionIsNotRepeatedAndItsFailureReachesTheHost() {
    RetryPolicyTest.FlakyStorage storage = new RetryPolicyTest.FlakyStorage(1, false);
    clicks(storage.target, NOW.minus(Duration.ofDays(365)), 4);

    assertThatThrownBy(() -> referrals(storage, Duration.ofDays(30)).purgeExpiredClicks())
        .isInstanceOf(RetryableException.class);
    assertThat(stored(storage.target)).isEqualTo(4); // rolled back whole
  }
}
