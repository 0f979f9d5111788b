package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;

class RateVersionProperties {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Versions added with gaps (in minutes) between their starts; probes at offsets (in minutes). */
  @Test
  void theVersionInForceIsTheLatestStartingAtOrBeforeTheInstant() {
    qt().forAll(
            lists().of(integers().between(1, 10_000)).ofSizeBetween(1, 15),
            lists().of(integers().between(-100, 200_000)).ofSizeBetween(1, 20))
        .checkAssert(
            (gaps, probes) -> {
              InMemoryStorage storage = new InMemoryStorage();
              MutableClock clock = MutableClock.at(START);
              PartnerProgram program =
                  PartnerProgram.builder()
                      .pseudonymKey(PseudonymKey.of(new byte[32]))
                      .terms(
                          ProgramTerms.builder()
                              .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/{code}"))
                              .build())
                      .storage(storage)
                      .clock(clock)
                      .build();
              List<Instant> starts = new ArrayList<>();
              Instant at = START;
              for (int gap : gaps) {
                at = at.plus(Duration.ofMinutes(gap));
                starts.add(at);
                program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST)
                            .setAll(Map.of(RateTarget.product("p"), Rate.percent("1")))
                            .from(at));
              }
              for (int probe : probes) {
                Instant instant = START.plus(Duration.ofMinutes(probe));
                Optional<RateVersion> found =
                    storage
                        .transactions()
                        .execute(() -> storage.rates().inForceAt(Optional.empty(), instant));
                int expected = 0;
                for (int i = 0; i < starts.size(); i++) {
                  if (!starts.get(i).isAfter(instant)) {
                    expected = i + 1;
                  }
                }
                if (expected == 0) {
                  assertThat(found).isEmpty();
                } else {
                  assertThat(found).get().extracting(RateVersion::number).isEqualTo(expected);
                  assertThat(found.get().effectiveFrom()).isEqualTo(starts.get(expected - 1));
                }
              }
            });
  }
}
