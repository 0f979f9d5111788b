package org.partnerprogram.core.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionPolicy;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;

/**
 * The attribution decision over a visitor's ten clicks against the bare "latest click in the
 * window" scan it cannot beat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AttributionBenchmark {
  private static final Instant SIGNUP = Instant.parse("2026-06-15T12:00:00Z");

  private AttributionPolicy policy;
  private AttributionPolicy.Signup signup;
  private final List<AttributionPolicy.Candidate> clicks = new ArrayList<>();
  private Instant[] bareTimes;

  /** Ten clicks of three partners over the last 100 days, some outside the window. */
  @Setup
  public void setUp() {
    policy =
        new AttributionPolicy(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/{code}"))
                .build());
    signup =
        new AttributionPolicy.Signup(
            CustomerAccountId.of("new-customer"), SIGNUP, true, Optional.empty());
    Instant enrolled = Instant.parse("2026-01-01T00:00:00Z");
    bareTimes = new Instant[10];
    for (int i = 0; i < 10; i++) {
      Partner p =
          Partner.enrol(
              PartnerId.of("p-" + (i % 3)),
              CustomerAccountId.of("acct-" + (i % 3)),
              enrolled,
              Optional.empty());
      IssuedCode code =
          new IssuedCode(
              ReferralCode.parse("CODE" + (i % 3)), p.id(), false, enrolled, Optional.empty());
      Instant at = SIGNUP.minus(Duration.ofDays(i * 10L + 1));
      clicks.add(new AttributionPolicy.Candidate(code, p, at));
      bareTimes[i] = at;
    }
  }

  /**
   * Baseline: the latest click inside the window, by a bare scan.
   *
   * @return its instant
   */
  @Benchmark
  public Instant baselineLatestInWindow() {
    Instant windowStart = SIGNUP.minus(Duration.ofDays(90));
    Instant best = null;
    for (Instant at : bareTimes) {
      if (!at.isAfter(SIGNUP) && !at.isBefore(windowStart) && (best == null || at.isAfter(best))) {
        best = at;
      }
    }
    return best;
  }

  /**
   * The SDK's decision: window, ordering, and eligibility checks per candidate.
   *
   * @return the decision
   */
  @Benchmark
  public AttributionDecision decide() {
    return policy.decide(signup, Optional.empty(), false, clicks);
  }
}
