package org.partnerprogram.core.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.out.RateStore;

/**
 * The rate of one order line among 1,000 programme-wide versions and 10 override versions for each
 * of 100 partners (the SDK: version in force for the override and the programme card, then product
 * before group), against a bare {@link TreeMap#floorEntry} per scope and a map lookup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLookupBenchmark {
  private static final int VERSIONS = 1_000;
  private static final int PARTNERS = 100;
  private static final int OVERRIDE_VERSIONS = 10;
  private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

  private final InMemoryStorage storage = new InMemoryStorage();
  private RateStore rates;
  private final TreeMap<Instant, Map<String, Rate>> bareProgramme = new TreeMap<>();
  private final Map<String, TreeMap<Instant, Map<String, Rate>>> bareOverrides = new HashMap<>();
  private final Optional<PartnerId> partner = Optional.of(PartnerId.of("partner-42"));
  private final ProductId product = ProductId.of("product-7");
  private final Optional<ProductGroupId> group = Optional.of(ProductGroupId.of("group-3"));
  private Instant placedAt;
  private final String productKey = RateTarget.product("product-7").toString();
  private final String groupKey = RateTarget.group("group-3").toString();

  /** Stores the versions, one a day, in the in-memory adapter and in the bare maps. */
  @Setup
  public void setUp() {
    rates = storage.rates();
    storage
        .transactions()
        .execute(
            () -> {
              for (int v = 1; v <= VERSIONS; v++) {
                Instant from = START.plus(Duration.ofDays(v));
                RateVersion version = version(Optional.empty(), v, from, 20, "5");
                rates.insert(version);
                bareProgramme.put(from, bareRates(version));
              }
              for (int p = 0; p < PARTNERS; p++) {
                Optional<PartnerId> scope = Optional.of(PartnerId.of("partner-" + p));
                TreeMap<Instant, Map<String, Rate>> bare = new TreeMap<>();
                for (int v = 1; v <= OVERRIDE_VERSIONS; v++) {
                  Instant from = START.plus(Duration.ofDays(v * 90L + p));
                  RateVersion version = version(scope, v, from, 2, "15");
                  rates.insert(version);
                  bare.put(from, bareRates(version));
                }
                bareOverrides.put(scope.get().value(), bare);
              }
              return null;
            });
    placedAt = START.plus(Duration.ofDays(VERSIONS / 2)).plusSeconds(3600);
  }

  private static RateVersion version(
      Optional<PartnerId> scope, int number, Instant from, int products, String percent) {
    RateVersion.Builder b =
        RateVersion.builder().partnerId(scope).number(number).effectiveFrom(from).createdAt(START);
    for (int i = 0; i < products; i++) {
      b.putRates(RateTarget.product("product-" + i), Rate.percent(percent));
    }
    b.putRates(RateTarget.group("group-3"), Rate.percent("12.5"));
    return b.build();
  }

  private static Map<String, Rate> bareRates(RateVersion version) {
    Map<String, Rate> map = new HashMap<>();
    version.rates().forEach((target, rate) -> map.put(target.toString(), rate));
    return map;
  }

  /**
   * Baseline: the floor entry of the override's and the programme's version maps, product before
   * group, by hash lookups.
   *
   * @return the rate
   */
  @Benchmark
  public Rate baselineFloorEntry() {
    Map.Entry<Instant, Map<String, Rate>> override =
        bareOverrides.get(partner.get().value()).floorEntry(placedAt);
    if (override != null) {
      Rate rate = override.getValue().get(productKey);
      rate = rate != null ? rate : override.getValue().get(groupKey);
      if (rate != null) {
        return rate;
      }
    }
    Map<String, Rate> card = bareProgramme.floorEntry(placedAt).getValue();
    Rate rate = card.get(productKey);
    return rate != null ? rate : card.get(groupKey);
  }

  /**
   * The SDK: the override and the programme version in force (in-memory adapter), then the rate for
   * the product, else its group.
   *
   * @return the rate
   */
  @Benchmark
  public Optional<Rate> lookUp() {
    return storage
        .transactions()
        .execute(
            () -> {
              Optional<Rate> override =
                  rates.inForceAt(partner, placedAt).flatMap(v -> v.rateFor(product, group));
              return override.isPresent()
                  ? override
                  : rates
                      .inForceAt(Optional.empty(), placedAt)
                      .flatMap(v -> v.rateFor(product, group));
            });
  }
}
