package org.partnerprogram.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the core's results file records about its run besides the figures: its id and times, the
 * code (commit), the machine and how busy it was (the 1-minute load average sampled every {@value
 * #SAMPLE_SECONDS} s). The same fields as the database benchmarks' {@code RunInfo} in
 * partner-jdbc-adapter, written by hand here: the core's benchmarks have no JSON library.
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

  /** Starts recording a run; its id is {@code bench.run} if set, else the current UTC minute. */
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

  /**
   * The run as a JSON object, stamped with the time it is called as the run's end.
   *
   * @param settings the benchmark's settings, a JSON object
   */
  String toJson(String settings) {
    double[] sorted;
    synchronized (samples) {
      sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
    StringJoiner sampled = new StringJoiner(", ", "{", "}");
    sampled.add("\"every_s\": " + SAMPLE_SECONDS).add("\"count\": " + sorted.length);
    if (sorted.length > 0) {
      sampled
          .add("\"min\": " + number(sorted[0]))
          .add("\"median\": " + number(sorted[(sorted.length - 1) / 2]))
          .add("\"max\": " + number(sorted[sorted.length - 1]));
    }
    StringJoiner machine = new StringJoiner(",\n      ", "{\n      ", "\n    }");
    machine.add("\"cpus\": " + Runtime.getRuntime().availableProcessors());
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      machine.add("\"memory_mib\": " + (sun.getTotalMemorySize() >> 20));
    }
    machine
        .add(
            "\"cpu_model\": "
                + string(firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(null)))
        .add(
            "\"os\": "
                + string(
                    firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
                            .map(s -> s.replace("\"", ""))
                            .orElse(System.getProperty("os.name"))
                        + " ("
                        + System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + ", "
                        + System.getProperty("os.arch")
                        + ")"))
        .add(
            "\"jdk\": "
                + string(
                    System.getProperty("java.vm.name")
                        + " "
                        + System.getProperty("java.runtime.version")));
    StringJoiner run = new StringJoiner(",\n    ", "{\n    ", "\n  }");
    run.add("\"id\": " + string(id))
        .add("\"started_at\": " + string(startedAt.toString()))
        .add("\"finished_at\": " + string(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
        .add("\"commit\": " + string(commit))
        .add("\"uncommitted_changes\": " + uncommittedChanges)
        .add("\"machine\": " + machine)
        .add(
            "\"load_average\": {\"at_start\": "
                + triple(loadAtStart)
                + ", \"at_end\": "
                + triple(loadAverage())
                + ", \"sampled_1m\": "
                + sampled
                + "}")
        .add("\"settings\": " + settings);
    return run.toString();
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

  private static String triple(double[] load) {
    StringJoiner a = new StringJoiner(", ", "[", "]");
    for (double v : load) {
      a.add(Double.isNaN(v) ? "null" : number(v));
    }
    return a.toString();
  }

  /** A number with two decimals, the way the results files write loads. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A JSON string (or null), escaped. */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        case '\r' -> s.append("\\r");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  @Override
  public void close() {
    sampling.cancel(false);
    sampler.shutdownNow();
  }
}
