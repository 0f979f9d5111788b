package org.partnerprogram.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateVersion;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates {@link RateTable}s: a catalogue of {@code product-1 .. product-n}, programme-wide
 * versions a few days to two months apart, and override versions for {@link
 * RateTable#OVERRIDDEN_PARTNER}. In each version a product has a percentage in steps of 0.1 % or
 * does not participate; an override lists a subset of the products. Obtain it from {@link
 * Gens#rateTables()} and configure it by chaining: {@code Gens.rateTables().products(3).versions(1,
 * 4).overrides(0, 2)}. Shrinks towards one version, no overrides, rates of 0 % and versions one day
 * apart.
 */
public final class RateTableGen implements Gen<RateTable> {
  private final int products;
  private final int minVersions;
  private final int maxVersions;
  private final int minOverrides;
  private final int maxOverrides;
  private final Instant start;

  RateTableGen(
      int products,
      int minVersions,
      int maxVersions,
      int minOverrides,
      int maxOverrides,
      Instant start) {
    if (products < 1 || products > 50) {
      throw new IllegalArgumentException("1 to 50 products, not " + products);
    }
    if (minVersions < 1 || maxVersions < minVersions || maxVersions > 50) {
      throw new IllegalArgumentException("versions: 1 <= min <= max <= 50");
    }
    if (minOverrides < 0 || maxOverrides < minOverrides || maxOverrides > 50) {
      throw new IllegalArgumentException("overrides: 0 <= min <= max <= 50");
    }
    this.products = products;
    this.minVersions = minVersions;
    this.maxVersions = maxVersions;
    this.minOverrides = minOverrides;
    this.maxOverrides = maxOverrides;
    this.start = start;
  }

  /**
   * The size of the catalogue.
   *
   * @param count how many products, 1 to 50
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public RateTableGen products(int count) {
    return new RateTableGen(count, minVersions, maxVersions, minOverrides, maxOverrides, start);
  }

  /**
   * How many programme-wide versions.
   *
   * @param min at least 1
   * @param max at least {@code min}, at most 50
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public RateTableGen versions(int min, int max) {
    return new RateTableGen(products, min, max, minOverrides, maxOverrides, start);
  }

  /**
   * How many override versions for {@link RateTable#OVERRIDDEN_PARTNER}.
   *
   * @param min at least 0
   * @param max at least {@code min}, at most 50
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public RateTableGen overrides(int min, int max) {
    return new RateTableGen(products, minVersions, maxVersions, min, max, start);
  }

  /**
   * When the first programme-wide version takes effect (by default {@link ProgramFixture#START}).
   *
   * @param first the instant; never null
   * @return a new generator
   */
  public RateTableGen from(Instant first) {
    return new RateTableGen(products, minVersions, maxVersions, minOverrides, maxOverrides, first);
  }

  @Override
  public RateTable generate(RandomnessSource in) {
    List<ProductId> catalogue = new ArrayList<>();
    for (int i = 1; i <= products; i++) {
      catalogue.add(ProductId.of("product-" + i));
    }
    // per product: -1 = not participating, else tenths of a percent; shrinks to 0 %
    Gen<List<Integer>> rates =
        lists().of(integers().between(-1, 1000)).ofSizeBetween(products, products);
    Gen<Integer> gapDays = integers().between(1, 60);
    Gen<List<List<Integer>>> programme = Gens.listOf(rates, minVersions, maxVersions);
    List<RateVersion> versions =
        versions(Optional.empty(), catalogue, programme.generate(in), gapDays, in, start);
    Gen<List<List<Integer>>> overrideRates = Gens.listOf(rates, minOverrides, maxOverrides);
    List<List<Integer>> drawn = overrideRates.generate(in);
    Instant firstOverride = start.plus(Duration.ofDays(gapDays.generate(in)));
    List<RateVersion> overrides =
        versions(
            Optional.of(RateTable.OVERRIDDEN_PARTNER),
            catalogue,
            drawn,
            gapDays,
            in,
            firstOverride);
    return new RateTable(start, catalogue, versions, overrides);
  }

  private static List<RateVersion> versions(
      Optional<PartnerId> scope,
      List<ProductId> catalogue,
      List<List<Integer>> drawn,
      Gen<Integer> gapDays,
      RandomnessSource in,
      Instant first) {
    List<RateVersion> result = new ArrayList<>();
    Instant at = first;
    for (int n = 0; n < drawn.size(); n++) {
      if (n > 0) {
        at = at.plus(Duration.ofDays(gapDays.generate(in)));
      }
      RateVersion.Builder b =
          RateVersion.builder().partnerId(scope).number(n + 1).effectiveFrom(at).createdAt(first);
      List<Integer> rates = drawn.get(n);
      for (int p = 0; p < catalogue.size(); p++) {
        int tenths = rates.get(p);
        if (tenths >= 0) {
          b.putRates(
              RateTable.target(catalogue.get(p)),
              new Rate.Percentage(BigDecimal.valueOf(tenths, 1)));
        }
      }
      result.add(b.build());
    }
    return result;
  }

  @Override
  public String toString() {
    return "rate tables of "
        + products
        + " products, "
        + minVersions
        + "-"
        + maxVersions
        + " versions, "
        + minOverrides
        + "-"
        + maxOverrides
        + " overrides";
  }
}
