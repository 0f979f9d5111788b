package org.partnerprogram.core.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the core benchmarks and writes {@code results.json} (JMH), {@code summary.md} (each
 * benchmark's time and its ratio to the baseline of the same class, measured in the same run) and
 * {@code core.json}: the run ({@link RunInfo}), what each benchmark measures against which baseline
 * and target ({@link #DESCRIBED}), and JMH's results as they are. With {@code -Dbench.keep=true} it
 * also copies {@code core.json} to {@code <bench.results>/<bench.run>/}, the kept results that
 * partner-jdbc-adapter's {@code BenchmarksDocument} makes BENCHMARKS.md from.
 */
public final class BenchmarkMain {
  /** The benchmarks run: every {@code *Benchmark} class of this package. */
  private static final String INCLUDE = "org\\.partnerprogram\\.core\\.bench\\..*Benchmark";

  private BenchmarkMain() {}

  /**
   * A benchmark class: what it measures, its SDK method against its baseline method (a {@code
   * baseline*} method of the same class, measured in the same run), and the target for the ratio of
   * the two (0: none).
   */
  record Described(
      String benchmarkClass,
      String what,
      String method,
      String baselineMethod,
      String baseline,
      double target) {}

  /** The core's benchmarks as the benchmark document shows them. */
  static final List<Described> DESCRIBED =
      List.of(
          new Described(
              "CorePricingBenchmark",
              "pricing a 5-line order",
              "priceOrder",
              "baselineBareMultiplyAndRound",
              "bare BigDecimal multiply-and-round",
              3.0),
          new Described(
              "AttributionBenchmark",
              "attribution decision over a visitor's 10 clicks",
              "decide",
              "baselineLatestInWindow",
              "bare latest-in-window scan",
              0),
          new Described(
              "RateLookupBenchmark",
              "rate lookup among 1,000 versions + 100 partners × 10 overrides (in-memory adapter)",
              "lookUp",
              "baselineFloorEntry",
              "`TreeMap.floorEntry` + hash lookup",
              0),
          new Described(
              "BalanceBenchmark",
              "balance over 1,000 ledger entries (in-memory adapter)",
              "balance",
              "baselineBareSum",
              "bare BigDecimal sum",
              0));

  /**
   * Runs the benchmarks.
   *
   * @param args the output folder
   * @throws RunnerException if JMH fails
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws RunnerException, IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/jmh");
    Files.createDirectories(out);
    try (RunInfo run = RunInfo.start()) {
      run(out, run);
    }
  }

  private static void run(Path out, RunInfo run) throws RunnerException, IOException {
    Options options =
        new OptionsBuilder()
            .include(INCLUDE)
            .resultFormat(ResultFormatType.JSON)
            .result(out.resolve("results.json").toString())
            .build();
    Collection<RunResult> results = new Runner(options).run();

    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      scores.put(r.getParams().getBenchmark(), r.getPrimaryResult().getScore());
    }
    StringBuilder md =
        new StringBuilder("| benchmark | ns/op | ratio to same-run baseline |\n|---|---:|---:|\n");
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      String name = e.getKey();
      String cls = name.substring(0, name.lastIndexOf('.'));
      Double baseline =
          scores.entrySet().stream()
              .filter(b -> b.getKey().startsWith(cls + ".baseline"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s |%n",
              shortName,
              e.getValue(),
              baseline == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2fx", e.getValue() / baseline)));
    }
    Files.writeString(out.resolve("summary.md"), md, StandardCharsets.UTF_8);
    System.out.println(md);

    StringJoiner described = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
    for (Described d : DESCRIBED) {
      described.add(
          String.format(
              Locale.ROOT,
              "{\"class\": %s, \"what\": %s, \"method\": %s, \"baseline_method\": %s,"
                  + " \"baseline\": %s, \"target\": %s}",
              RunInfo.string(d.benchmarkClass()),
              RunInfo.string(d.what()),
              RunInfo.string(d.method()),
              RunInfo.string(d.baselineMethod()),
              RunInfo.string(d.baseline()),
              d.target() > 0 ? String.valueOf(d.target()) : "null"));
    }
    String settings = "{\"include\": " + RunInfo.string(INCLUDE) + "}";
    String core =
        "{\n  \"run\": "
            + run.toJson(settings)
            + ",\n  \"benchmarks\": "
            + described
            + ",\n  \"jmh\": "
            + Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8).trim()
            + "\n}\n";
    Files.writeString(out.resolve("core.json"), core, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("bench.keep")) {
      Path kept =
          Path.of(System.getProperty("bench.results", "target/jmh/kept"))
              .resolve(run.id())
              .resolve("core.json");
      Files.createDirectories(kept.getParent());
      Files.copy(out.resolve("core.json"), kept, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("kept the results in " + kept.toAbsolutePath().normalize());
    }
  }
}
