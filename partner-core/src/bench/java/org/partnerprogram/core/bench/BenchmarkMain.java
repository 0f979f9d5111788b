package org.partnerprogram.core.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the core benchmarks and writes {@code results.json} (JMH) and {@code summary.md} (each
 * benchmark's time and its ratio to the baseline of the same class, measured in the same run).
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

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
    Options options =
        new OptionsBuilder()
            .include("org\\.partnerprogram\\.core\\.bench\\..*Benchmark")
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
  }
}
