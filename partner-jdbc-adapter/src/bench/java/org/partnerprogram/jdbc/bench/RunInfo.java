package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a results file records about its run besides the figures: its id and times, the code (the
 * commit and whether tracked files differed from it, both at the start), the machine (CPUs, memory,
 * OS, JDK) and how busy the machine was. The load average's 1-minute figure is sampled every
 * {@value #SAMPLE_SECONDS} s while the run lasts. Benchmarks here often run on a shared machine;
 * the ratios are interleaved round by round, so load slows the SDK and its baseline alike, and the
 * load says how far the times themselves can be compared.
 */
final class RunInfo implements AutoCloseable {
  /** The run id's form: the UTC minute the run (the Maven build) started. */
  static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  static final int SAMPLE_SECONDS = 10;

  private final String id;
  private final Instant startedAt;
  private final double[] loadAtStart;

  /** The commit at the start, and whether tracked files differed from it then (null: unknown). */
  private final String commit;

  private final Boolean uncommittedChanges;
  private final List<Double> samples = new ArrayList<>();
  private final ScheduledExecutorService sampler;
  private final ScheduledFuture<?> sampling;

  private RunInfo(String id, Instant startedAt) {
    this.id = id;
    this.startedAt = startedAt;
    this.loadAtStart = loadAverage();
    // At the start: the code measured is the code the build compiled, whatever happens to the
    // working tree while the run lasts.
    this.commit = git("rev-parse", "HEAD").orElse(null);
    this.uncommittedChanges =
        git("status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty()).orElse(null);
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "load-average-sampler");
              t.setDaemon(true);
              return t;
            });
    this.sampling = sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Starts recording a run: its id is {@code bench.run} if set (the bench profile sets it to the
   * Maven build's start, so the core's and the databases' results of one build share it), else the
   * current UTC minute.
   */
  static RunInfo start() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String id = System.getProperty("bench.run", "");
    return new RunInfo(id.isBlank() ? RUN_ID.format(now) : id.trim(), now);
  }

  String id() {
    return id;
  }

  private void sample() {
    double load = loadAverage()[0];
    if (!Double.isNaN(load)) {
      synchronized (samples) {
        samples.add(load);
      }
    }
  }

  /** The 1-, 5- and 15-minute load averages (NaN where the system does not say). */
  static double[] loadAverage() {
    Path proc = Path.of("/proc/loadavg");
    if (Files.isReadable(proc)) {
      try {
        String[] fields = Files.readString(proc, StandardCharsets.US_ASCII).trim().split("\\s+", 4);
        return new double[] {
          Double.parseDouble(fields[0]),
          Double.parseDouble(fields[1]),
          Double.parseDouble(fields[2])
        };
      } catch (IOException | RuntimeException e) {
        // Fall through to the JVM's 1-minute figure.
      }
    }
    double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new double[] {one < 0 ? Double.NaN : one, Double.NaN, Double.NaN};
  }

  /** The run as JSON, stamped with the time it is called as the run's end. */
  ObjectNode toJson(ObjectNode settings) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode run = f.objectNode();
    run.put("id", id);
    run.put("started_at", startedAt.toString());
    run.put("finished_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    run.put("commit", commit);
    run.put("uncommitted_changes", uncommittedChanges);
    run.set("machine", machine());
    ObjectNode load = run.putObject("load_average");
    load.set("at_start", triple(loadAtStart));
    load.set("at_end", triple(loadAverage()));
    double[] sorted;
    synchronized (samples) {
      sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
    ObjectNode sampled = load.putObject("sampled_1m");
    sampled.put("every_s", SAMPLE_SECONDS);
    sampled.put("count", sorted.length);
    if (sorted.length > 0) {
      sampled.put("min", round(sorted[0], 2));
      sampled.put("median", round(sorted[(sorted.length - 1) / 2], 2));
      sampled.put("max", round(sorted[sorted.length - 1], 2));
    }
    run.set("settings", settings);
    return run;
  }

  private static ObjectNode machine() {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      m.put("memory_mib", sun.getTotalMemorySize() >> 20);
    }
    m.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(null));
    m.put(
        "os",
        firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
                .map(s -> s.replace("\"", ""))
                .orElse(System.getProperty("os.name"))
            + " ("
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + ", "
            + System.getProperty("os.arch")
            + ")");
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    return m;
  }

  /** The value of the first line of a file that starts with the key, after the separator. */
  private static Optional<String> firstValue(Path file, String key, char separator) {
    if (!Files.isReadable(file)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> l.startsWith(key) && l.indexOf(separator) > 0)
          .map(l -> l.substring(l.indexOf(separator) + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The output of a git command in the current folder, trimmed; empty if git cannot say. */
  private static Optional<String> git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static ArrayNode triple(double[] load) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (double v : load) {
      if (Double.isNaN(v)) {
        a.addNull();
      } else {
        a.add(round(v, 2));
      }
    }
    return a;
  }

  /** A number rounded for a results file, so that files do not carry noise digits. */
  static BigDecimal round(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public void close() {
    sampling.cancel(false);
    sampler.shutdownNow();
  }
}
