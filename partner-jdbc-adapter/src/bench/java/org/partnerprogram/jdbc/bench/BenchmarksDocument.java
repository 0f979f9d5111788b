package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code BENCHMARKS.md} from the kept results, so that nobody edits its figures by hand.
 *
 * <p>Inputs, all under the adapter module: the kept runs in {@code src/bench/results/<run id>/}
 * ({@code db.json} from {@link DbBenchmarkMain}, {@code core.json} from partner-core's {@code
 * BenchmarkMain}, written there by {@code -Dbench.keep=true}); the hand-written text in {@code
 * src/bench/doc/BENCHMARKS.template.md}, whose placeholder lines ({@code {{summary}}} and so on,
 * see {@link #render}) this fills; and {@code src/bench/doc/history-before-kept-results.md}, the
 * runs recorded before results were kept, included as it is. Each database's table (and the core's)
 * comes from the newest run that measured it. The output depends on nothing else (no clock, no
 * machine), so {@code BenchmarksDocumentTest} can check that the file is exactly what this makes.
 */
public final class BenchmarksDocument {
  /** The results folder, relative to the module. */
  static final String RESULTS = "src/bench/results";

  /** The template, relative to the module. */
  static final String TEMPLATE = "src/bench/doc/BENCHMARKS.template.md";

  /** The runs before results were kept, relative to the module. */
  static final String BEFORE_KEPT = "src/bench/doc/history-before-kept-results.md";

  /** The command that regenerates the document, as the document and the test quote it. */
  static final String REGENERATE =
      "./mvnw -B -q -Pbench-doc -pl partner-jdbc-adapter -am process-test-classes";

  /** The scenario of months of closes, which has a section of its own. */
  static final String HISTORY = DbBenchmarkMain.HISTORY;

  /** The scenario of overviews of partners of several sizes, which has a section of its own. */
  static final String OVERVIEW_SCALE = DbBenchmarkMain.OVERVIEW_SCALE;

  /** The purge of expired clicks, which has a section of its own. */
  static final String CLICK_PURGE = DbBenchmarkMain.CLICK_PURGE;

  /** The reports against their bare aggregates, which have a section of their own. */
  static final String REPORTS = DbBenchmarkMain.REPORTS;

  private static final Pattern LEDGER_LINES = Pattern.compile("\\((\\d+) ledger lines\\)");

  private static final Pattern PLACEHOLDER = Pattern.compile("^\\{\\{([a-z-]+)}}$");

  /** The databases in the order the document shows them; others follow by name. */
  private static final List<String> DATABASE_ORDER = List.of("postgresql", "mariadb", "h2");

  /** The scenarios of the summary and history tables: scenario id and its name there. */
  private static final Map<String, String> KEY_SCENARIOS = new LinkedHashMap<>();

  static {
    KEY_SCENARIOS.put("payment", "record a payment, 1 thread");
    KEY_SCENARIOS.put("payment8", "record a payment, 8 threads");
    KEY_SCENARIOS.put("attribution", "attribute a signup");
    KEY_SCENARIOS.put("overview", "partner overview");
    KEY_SCENARIOS.put("close", "close a month");
  }

  private BenchmarksDocument() {}

  /**
   * Writes {@code BENCHMARKS.md} in the module folder from its kept results.
   *
   * @param args the adapter module's folder (default: the current folder)
   * @throws IOException if an input cannot be read or the document written
   */
  public static void main(String[] args) throws IOException {
    Path module = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
    Path target = module.resolve("BENCHMARKS.md");
    String document = render(module);
    boolean same =
        Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(document);
    Files.writeString(target, document, StandardCharsets.UTF_8);
    System.out.println((same ? "unchanged: " : "wrote ") + target);
  }

  /**
   * The document made from the module's template, appendix and kept results.
   *
   * @param module the adapter module's folder; never null
   * @return the document's text
   * @throws IOException if an input cannot be read
   * @throws IllegalStateException if the template has an unknown placeholder or lacks one, or no
   *     run was kept
   */
  public static String render(Path module) throws IOException {
    return render(
        Files.readString(module.resolve(TEMPLATE), StandardCharsets.UTF_8),
        readRuns(module.resolve(RESULTS)),
        Files.readString(module.resolve(BEFORE_KEPT), StandardCharsets.UTF_8));
  }

  /**
   * The document: the template with each placeholder line replaced. {@code {{summary}}}: the key
   * ratios; {@code {{runs}}}: the date, code, machine and load of the runs shown; {@code {{core}}}:
   * the core's JMH table; {@code {{databases}}}: a section per database; {@code
   * {{history-scenario}}}, {@code {{overview-scale}}}, {@code {{click-purge}}} and {@code
   * {{reports}}}: the scenarios with sections of their own ({@link #historyScenario}, {@link
   * #overviewScale}, {@link #clickPurge}, {@link #reports}); {@code {{history}}}: the key ratios of
   * every kept run; {@code {{before-kept-results}}}: the appendix as it is.
   *
   * @param template the hand-written text with its placeholder lines; never null
   * @param runs the kept runs, oldest first; never null, not empty
   * @param beforeKept the runs recorded before results were kept; never null
   * @return the document's text
   * @throws IllegalStateException if the template has an unknown placeholder or lacks one, or there
   *     is no run
   */
  static String render(String template, List<KeptRun> runs, String beforeKept) {
    if (runs.isEmpty()) {
      throw new IllegalStateException("no kept run in " + RESULTS);
    }
    Map<String, Function<List<KeptRun>, String>> parts = new LinkedHashMap<>();
    parts.put("summary", BenchmarksDocument::summary);
    parts.put("runs", BenchmarksDocument::runsShown);
    parts.put("core", BenchmarksDocument::core);
    parts.put("databases", BenchmarksDocument::databases);
    parts.put("history", BenchmarksDocument::history);
    parts.put("history-scenario", BenchmarksDocument::historyScenario);
    parts.put("overview-scale", BenchmarksDocument::overviewScale);
    parts.put("click-purge", BenchmarksDocument::clickPurge);
    parts.put("reports", BenchmarksDocument::reports);
    parts.put("before-kept-results", r -> beforeKept.stripTrailing());
    StringBuilder out =
        new StringBuilder(
            "<!-- Generated by BenchmarksDocument from "
                + TEMPLATE
                + ", "
                + BEFORE_KEPT
                + " and "
                + RESULTS
                + "/. Do not edit: change those and run "
                + REGENERATE
                + " -->\n");
    List<String> used = new ArrayList<>();
    for (String line : template.split("\n", -1)) {
      Matcher m = PLACEHOLDER.matcher(line.strip());
      if (!m.matches()) {
        out.append(line).append('\n');
        continue;
      }
      Function<List<KeptRun>, String> part = parts.get(m.group(1));
      if (part == null) {
        throw new IllegalStateException("unknown placeholder in the template: " + line);
      }
      used.add(m.group(1));
      out.append(part.apply(runs)).append('\n');
    }
    if (!used.containsAll(parts.keySet())) {
      throw new IllegalStateException(
          "the template lacks placeholders: " + parts.keySet() + " needed, " + used + " found");
    }
    return out.toString().stripTrailing() + "\n";
  }

  // ------------------------------------------------------------------ reading

  /** One kept run: its id (folder name) and its results files, if present. */
  record KeptRun(String id, Optional<JsonNode> db, Optional<JsonNode> core) {
    /**
     * The database results of this run for one database, in the order they were measured, without
     * those of the scenarios with a section of their own (see {@link #history}, {@link
     * #overviewScale}).
     */
    List<JsonNode> results(String database) {
      List<JsonNode> list = new ArrayList<>();
      for (JsonNode r : db.map(d -> d.path("results")).orElse(MissingNode.getInstance())) {
        if (database.equals(text(r, "database")) && !ownSection(text(r, "scenario"))) {
          list.add(r);
        }
      }
      return list;
    }

    /** This run's overviews of partners of several sizes on one database, as measured. */
    List<JsonNode> overviewScale(String database) {
      List<JsonNode> list = new ArrayList<>();
      for (JsonNode r : db.map(d -> d.path("results")).orElse(MissingNode.getInstance())) {
        if (database.equals(text(r, "database")) && OVERVIEW_SCALE.equals(text(r, "scenario"))) {
          list.add(r);
        }
      }
      return list;
    }

    /** This run's history scenario on one database ({@link HistoryScenario}), if it ran. */
    Optional<JsonNode> history(String database) {
      return single(database, HISTORY);
    }

    /** This run's click purge on one database ({@link ClickPurgeScenario}), if it ran. */
    Optional<JsonNode> clickPurge(String database) {
      return single(database, CLICK_PURGE);
    }

    /** This run's reports on one database ({@link ReportsScenario}), if they ran. */
    Optional<JsonNode> reports(String database) {
      return single(database, REPORTS);
    }

    private Optional<JsonNode> single(String database, String scenario) {
      for (JsonNode r : db.map(d -> d.path("results")).orElse(MissingNode.getInstance())) {
        if (database.equals(text(r, "database")) && scenario.equals(text(r, "scenario"))) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The kept runs in a results folder, oldest first (run ids sort by time).
   *
   * @param results the folder of run folders
   * @return the runs with at least one results file
   * @throws IOException if a file cannot be read or parsed
   */
  static List<KeptRun> readRuns(Path results) throws IOException {
    List<KeptRun> runs = new ArrayList<>();
    if (!Files.isDirectory(results)) {
      return runs;
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Path> folders;
    try (Stream<Path> list = Files.list(results)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path folder : folders) {
      Optional<JsonNode> db = read(mapper, folder.resolve("db.json"));
      Optional<JsonNode> core = read(mapper, folder.resolve("core.json"));
      if (db.isPresent() || core.isPresent()) {
        runs.add(new KeptRun(folder.getFileName().toString(), db, core));
      }
    }
    return runs;
  }

  private static Optional<JsonNode> read(ObjectMapper mapper, Path file) throws IOException {
    return Files.exists(file) ? Optional.of(mapper.readTree(file.toFile())) : Optional.empty();
  }

  /**
   * The databases measured in any run (the history scenario aside), in {@link #DATABASE_ORDER},
   * then by name.
   */
  static List<String> databasesOf(List<KeptRun> runs) {
    return ordered(runs, false);
  }

  /** The databases with a history scenario in any run, as {@link #databasesOf} orders them. */
  static List<String> historyDatabasesOf(List<KeptRun> runs) {
    return ordered(runs, true);
  }

  private static List<String> ordered(List<KeptRun> runs, boolean history) {
    TreeSet<String> all = new TreeSet<>();
    for (KeptRun run : runs) {
      run.db()
          .ifPresent(
              d ->
                  d.path("results")
                      .forEach(
                          r -> {
                            String scenario = text(r, "scenario");
                            if (history ? HISTORY.equals(scenario) : !ownSection(scenario)) {
                              all.add(text(r, "database"));
                            }
                          }));
    }
    List<String> ordered = new ArrayList<>();
    DATABASE_ORDER.stream().filter(all::contains).forEach(ordered::add);
    all.stream().filter(d -> !DATABASE_ORDER.contains(d)).forEach(ordered::add);
    return ordered;
  }

  /** The newest run with results for the database. */
  static Optional<KeptRun> newestWith(List<KeptRun> runs, String database) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (!runs.get(i).results(database).isEmpty()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** Whether the scenario has a section of its own, outside the per-database tables. */
  static boolean ownSection(String scenario) {
    return HISTORY.equals(scenario)
        || OVERVIEW_SCALE.equals(scenario)
        || CLICK_PURGE.equals(scenario)
        || REPORTS.equals(scenario);
  }

  /** The newest run with the reports on the database. */
  static Optional<KeptRun> newestReports(List<KeptRun> runs, String database) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).reports(database).isPresent()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The newest run with a click purge on the database. */
  static Optional<KeptRun> newestClickPurge(List<KeptRun> runs, String database) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).clickPurge(database).isPresent()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The newest run with overviews of at least two partner sizes on the database. */
  static Optional<KeptRun> newestOverviewScale(List<KeptRun> runs, String database) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).overviewScale(database).size() >= 2) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The newest run with a history scenario on the database. */
  static Optional<KeptRun> newestHistory(List<KeptRun> runs, String database) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).history(database).isPresent()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The newest run with core results. */
  static Optional<KeptRun> newestWithCore(List<KeptRun> runs) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).core().isPresent()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ parts

  /** The key ratios of the runs shown: one column per database and scale, one row per scenario. */
  static String summary(List<KeptRun> runs) {
    List<String> headers = new ArrayList<>();
    List<Map<String, JsonNode>> columns = new ArrayList<>();
    for (String database : databasesOf(runs)) {
      List<JsonNode> results = newestWith(runs, database).orElseThrow().results(database);
      for (long scale : scales(results)) {
        headers.add(label(database) + ", " + rows(scale) + " rows");
        Map<String, JsonNode> byScenario = new LinkedHashMap<>();
        results.stream()
            .filter(r -> r.path("scale").asLong() == scale)
            .forEach(r -> byScenario.putIfAbsent(text(r, "scenario"), r));
        columns.add(byScenario);
      }
    }
    StringBuilder s = new StringBuilder("| SDK ÷ same-run baseline |");
    headers.forEach(h -> s.append(' ').append(h).append(" |"));
    s.append(" target |\n|---|");
    headers.forEach(h -> s.append("---:|"));
    s.append("---|\n");
    for (Map.Entry<String, String> scenario : KEY_SCENARIOS.entrySet()) {
      if (columns.stream().noneMatch(c -> c.containsKey(scenario.getKey()))) {
        continue;
      }
      s.append("| ").append(scenario.getValue()).append(" |");
      Double target = null;
      for (Map<String, JsonNode> column : columns) {
        JsonNode r = column.get(scenario.getKey());
        if (r == null) {
          s.append(" – |");
        } else {
          s.append(' ').append(ratioCell(r.path("ratio").asDouble(), target(r))).append(" |");
          target = target == null ? target(r) : target;
        }
      }
      s.append(' ').append(target == null ? "–" : "≤ " + number(target) + "×").append(" |\n");
    }
    s.append("\nBold: the target is met.");
    newestWithCore(runs)
        .flatMap(run -> coreRows(run.core().orElseThrow()).stream().findFirst())
        .ifPresent(
            row ->
                s.append(" Core (JMH): ")
                    .append(row.what())
                    .append(' ')
                    .append(row.ratioText())
                    .append(" a ")
                    .append(row.baselineWhat())
                    .append(row.target() == null ? "" : " (target ≤ " + number(row.target()) + "×)")
                    .append('.'));
    return s.toString();
  }

  /** The date, code, machine and load of each run whose figures the document shows. */
  static String runsShown(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (KeptRun run : runs) {
      boolean coreShown = newestWithCore(runs).filter(r -> r.id().equals(run.id())).isPresent();
      List<String> dbsShown =
          databasesOf(runs).stream()
              .filter(d -> newestWith(runs, d).filter(r -> r.id().equals(run.id())).isPresent())
              .map(BenchmarksDocument::label)
              .toList();
      List<String> historiesShown =
          historyDatabasesOf(runs).stream()
              .filter(d -> newestHistory(runs, d).filter(r -> r.id().equals(run.id())).isPresent())
              .map(BenchmarksDocument::label)
              .toList();
      List<String> scalesShown =
          DATABASE_ORDER.stream()
              .filter(
                  d ->
                      newestOverviewScale(runs, d).filter(r -> r.id().equals(run.id())).isPresent())
              .map(BenchmarksDocument::label)
              .toList();
      List<String> purgesShown =
          DATABASE_ORDER.stream()
              .filter(
                  d -> newestClickPurge(runs, d).filter(r -> r.id().equals(run.id())).isPresent())
              .map(BenchmarksDocument::label)
              .toList();
      List<String> reportsShown =
          DATABASE_ORDER.stream()
              .filter(d -> newestReports(runs, d).filter(r -> r.id().equals(run.id())).isPresent())
              .map(BenchmarksDocument::label)
              .toList();
      boolean dbShown =
          !dbsShown.isEmpty()
              || !historiesShown.isEmpty()
              || !scalesShown.isEmpty()
              || !purgesShown.isEmpty()
              || !reportsShown.isEmpty();
      if (!coreShown && !dbShown) {
        continue;
      }
      s.append("**Run ").append(run.id()).append("** (`").append(RESULTS).append('/');
      s.append(run.id()).append("/`): ");
      List<String> shown = new ArrayList<>(dbsShown);
      if (!historiesShown.isEmpty()) {
        shown.add("the history scenario on " + String.join(" and ", historiesShown));
      }
      if (!scalesShown.isEmpty()) {
        shown.add("the overview by partner size on " + String.join(" and ", scalesShown));
      }
      if (!purgesShown.isEmpty()) {
        shown.add("the click purge on " + String.join(" and ", purgesShown));
      }
      if (!reportsShown.isEmpty()) {
        shown.add("the reports on " + String.join(" and ", reportsShown));
      }
      if (coreShown) {
        shown.add("the core");
      }
      s.append(String.join(", ", shown)).append(".\n\n");
      if (dbShown) {
        run.db().ifPresent(d -> s.append(runLines("Databases", d.path("run"))));
        run.db().ifPresent(d -> s.append(serverLines(d.path("databases"))));
      }
      if (coreShown) {
        s.append(runLines("Core", run.core().orElseThrow().path("run")));
      }
      s.append('\n');
    }
    return s.toString().stripTrailing();
  }

  private static String runLines(String what, JsonNode run) {
    JsonNode m = run.path("machine");
    JsonNode load = run.path("load_average");
    JsonNode sampled = load.path("sampled_1m");
    StringBuilder s = new StringBuilder("- ").append(what).append(": from ");
    s.append(text(run, "started_at")).append(" to ").append(text(run, "finished_at"));
    s.append(", commit ").append(commit(run)).append(".\n");
    s.append("  Machine: ").append(m.path("cpus").asInt()).append(" CPUs");
    if (m.hasNonNull("cpu_model")) {
      s.append(" (").append(text(m, "cpu_model")).append(')');
    }
    if (m.hasNonNull("memory_mib")) {
      s.append(", ")
          .append(String.format(Locale.ROOT, "%.1f", m.path("memory_mib").asLong() / 1024.0))
          .append(" GiB memory");
    }
    s.append(", ").append(text(m, "os")).append(", ").append(text(m, "jdk")).append(".\n");
    s.append("  Load average (1, 5, 15 min): ").append(triple(load.path("at_start")));
    s.append(" at the start, ").append(triple(load.path("at_end"))).append(" at the end");
    if (sampled.path("count").asInt() > 0) {
      s.append("; the 1-minute figure sampled every ")
          .append(sampled.path("every_s").asInt())
          .append(" s: median ")
          .append(number(sampled.path("median").asDouble()))
          .append(", ")
          .append(number(sampled.path("min").asDouble()))
          .append(" to ")
          .append(number(sampled.path("max").asDouble()))
          .append(" (")
          .append(sampled.path("count").asInt())
          .append(" samples)");
    }
    s.append(".\n");
    JsonNode settings = run.path("settings");
    if (settings.size() > 0) {
      List<String> pairs = new ArrayList<>();
      settings.properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
      s.append("  Settings: `").append(String.join("`, `", pairs)).append("`.\n");
    }
    return s.toString();
  }

  private static String serverLines(JsonNode databases) {
    StringBuilder s = new StringBuilder();
    databases
        .properties()
        .forEach(
            e -> {
              s.append("  ").append(label(e.getKey())).append(": ");
              List<String> parts = new ArrayList<>();
              e.getValue()
                  .properties()
                  .forEach(
                      f ->
                          parts.add(
                              f.getKey().equals("version")
                                  ? f.getValue().asText()
                                  : f.getKey() + " " + f.getValue().asText()));
              s.append(String.join(", ", parts)).append(".\n");
            });
    return s.toString();
  }

  /** The core's section: the JMH settings and the table. */
  static String core(List<KeptRun> runs) {
    Optional<KeptRun> run = newestWithCore(runs);
    if (run.isEmpty()) {
      return "No core run was kept.";
    }
    JsonNode core = run.get().core().orElseThrow();
    JsonNode first = core.path("jmh").path(0);
    return "*Generated from `"
        + RESULTS
        + "/"
        + run.get().id()
        + "/core.json`"
        + String.format(
            Locale.ROOT,
            ": JMH %s, %d fork, %d × %s warm-up, %d × %s measurement, %s, %s %s.*",
            text(first, "jmhVersion"),
            first.path("forks").asInt(),
            first.path("warmupIterations").asInt(),
            text(first, "warmupTime"),
            first.path("measurementIterations").asInt(),
            text(first, "measurementTime"),
            "avgt".equals(text(first, "mode")) ? "average time per operation" : text(first, "mode"),
            text(first, "vmName"),
            text(first, "vmVersion"))
        + "\n\n"
        + coreTable(core);
  }

  /**
   * A JMH score is noisy when its 99.9 % confidence interval's half-width exceeds this share of the
   * score; a ratio with a noisy score is shown but not judged against its target.
   */
  static final double NOISY = 0.2;

  /**
   * A row of the core's table: the SDK's and the baseline's scores as shown, the ratio of the
   * scores, the target (null: none), and whether either score is {@linkplain #NOISY noisy}.
   */
  record CoreRow(
      String what,
      String sdk,
      String baseline,
      String baselineWhat,
      double ratio,
      Double target,
      boolean noisy) {
    /** The ratio as a table cell: bold when it meets its target, marked when noisy. */
    String ratioText() {
      if (Double.isNaN(ratio)) {
        return "–";
      }
      return noisy ? String.format(Locale.ROOT, "%.2f× (noisy)", ratio) : ratioCell(ratio, target);
    }

    /** The target as a table cell, judged unless the ratio is noisy. */
    String targetText() {
      return noisy && target != null
          ? "≤ " + number(target) + "×: not judged (noisy)"
          : targetCell(ratio, target);
    }
  }

  private static boolean noisy(JsonNode metric) {
    return metric.path("scoreError").asDouble() > NOISY * metric.path("score").asDouble();
  }

  /**
   * The core's benchmarks as rows: each described benchmark ({@code benchmarks} in core.json) in
   * its order, then any other class with a {@code baseline*} method, by name.
   */
  static List<CoreRow> coreRows(JsonNode core) {
    Map<String, JsonNode> scores = new LinkedHashMap<>();
    core.path("jmh").forEach(b -> scores.put(text(b, "benchmark"), b.path("primaryMetric")));
    Map<String, String> classes = new LinkedHashMap<>();
    scores.keySet().forEach(name -> classes.put(simpleClass(name), packageOf(name)));
    List<CoreRow> rows = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (JsonNode d : core.path("benchmarks")) {
      String cls = text(d, "class");
      String pkg = classes.get(cls);
      JsonNode sdk = pkg == null ? null : scores.get(pkg + cls + "." + text(d, "method"));
      JsonNode bare = pkg == null ? null : scores.get(pkg + cls + "." + text(d, "baseline_method"));
      if (sdk == null || bare == null) {
        continue;
      }
      described.add(cls);
      rows.add(
          new CoreRow(
              text(d, "what"),
              score(sdk),
              score(bare),
              text(d, "baseline"),
              sdk.path("score").asDouble() / bare.path("score").asDouble(),
              d.hasNonNull("target") ? d.path("target").asDouble() : null,
              noisy(sdk) || noisy(bare)));
    }
    classes.keySet().stream()
        .filter(c -> !described.contains(c))
        .sorted()
        .forEach(
            cls -> {
              String prefix = classes.get(cls) + cls + ".";
              Optional<Map.Entry<String, JsonNode>> bare =
                  scores.entrySet().stream()
                      .filter(e -> e.getKey().startsWith(prefix + "baseline"))
                      .findFirst();
              scores.entrySet().stream()
                  .filter(
                      e ->
                          e.getKey().startsWith(prefix)
                              && !e.getKey().startsWith(prefix + "baseline"))
                  .forEach(
                      e ->
                          rows.add(
                              new CoreRow(
                                  "`" + cls + "." + e.getKey().substring(prefix.length()) + "`",
                                  score(e.getValue()),
                                  bare.map(b -> score(b.getValue())).orElse("–"),
                                  bare.map(b -> "`" + b.getKey().substring(prefix.length()) + "`")
                                      .orElse(""),
                                  bare.map(
                                          b ->
                                              e.getValue().path("score").asDouble()
                                                  / b.getValue().path("score").asDouble())
                                      .orElse(Double.NaN),
                                  null,
                                  noisy(e.getValue())
                                      || bare.map(b -> noisy(b.getValue())).orElse(false))));
            });
    return rows;
  }

  /** The core's table. */
  static String coreTable(JsonNode core) {
    StringBuilder s =
        new StringBuilder(
            "| benchmark | SDK | same-run baseline | ratio | target |\n|---|---:|---|---:|---|\n");
    for (CoreRow row : coreRows(core)) {
      s.append("| ")
          .append(row.what())
          .append(" | ")
          .append(row.sdk())
          .append(" | ")
          .append(row.baseline())
          .append(row.baselineWhat().isEmpty() ? "" : ", " + row.baselineWhat())
          .append(" | ")
          .append(row.ratioText())
          .append(" | ")
          .append(row.targetText())
          .append(" |\n");
    }
    return s.toString().stripTrailing();
  }

  /** A section per database, each from the newest run that measured it. */
  static String databases(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (String database : databasesOf(runs)) {
      KeptRun run = newestWith(runs, database).orElseThrow();
      s.append("### ").append(label(database));
      if ("h2".equals(database)) {
        s.append(" (a reference: in memory, in the benchmark's JVM)");
      }
      s.append("\n\n");
      s.append("*Generated from `").append(RESULTS).append('/').append(run.id());
      s.append("/db.json`");
      JsonNode server = run.db().orElseThrow().path("databases").path(database);
      if (server.hasNonNull("version")) {
        s.append(", ").append(text(server, "version"));
      }
      s.append(".*\n\n").append(databaseTable(run.results(database))).append("\n\n");
    }
    return s.toString().stripTrailing();
  }

  /**
   * One database's table: a row per result, in the order measured.
   *
   * @param results one database's results of one run
   * @return the table, and a line per attribution measured at more than one scale
   */
  static String databaseTable(List<JsonNode> results) {
    StringBuilder s =
        new StringBuilder(
            "| rows | scenario | SDK median (p90) | baseline | baseline median (p90) | ratio |"
                + " target | statements (+ commits) per op | rounds | load (1 min) |\n"
                + "|---:|---|---:|---|---:|---:|---|---:|---:|---:|\n");
    for (JsonNode r : results) {
      Double target = target(r);
      double ratio = r.path("ratio").asDouble();
      s.append("| ")
          .append(rows(r.path("scale").asLong()))
          .append(" | ")
          .append(text(r, "what"))
          .append(" (`")
          .append(text(r, "scenario"))
          .append("`) | ")
          .append(time(r.path("sdk").path("median_us").asDouble()))
          .append(" (")
          .append(time(r.path("sdk").path("p90_us").asDouble()))
          .append(") | ")
          .append(text(r, "baseline"))
          .append(" | ")
          .append(time(r.path("bare").path("median_us").asDouble()))
          .append(" (")
          .append(time(r.path("bare").path("p90_us").asDouble()))
          .append(") | ")
          .append(ratioCell(ratio, target))
          .append(" | ")
          .append(targetCell(ratio, target))
          .append(" | ")
          .append(statements(r))
          .append(" | ")
          .append(r.path("rounds").asInt())
          .append(" | ")
          .append(r.hasNonNull("load_1m") ? number(r.path("load_1m").asDouble()) : "–")
          .append(" |\n");
    }
    List<JsonNode> attribution =
        results.stream()
            .filter(r -> "attribution".equals(text(r, "scenario")))
            .sorted(Comparator.comparingLong(r -> r.path("scale").asLong()))
            .toList();
    if (attribution.size() > 1) {
      JsonNode small = attribution.get(0);
      JsonNode large = attribution.get(attribution.size() - 1);
      double growth =
          large.path("sdk").path("median_us").asDouble()
              / small.path("sdk").path("median_us").asDouble();
      s.append(
          String.format(
              Locale.ROOT,
              "%nAttribution at %s stored touches costs %.2f× its cost at %s (target ≤ 1.3×: %s).%n",
              rows(large.path("scale").asLong()),
              growth,
              rows(small.path("scale").asLong()),
              growth <= 1.3 ? "met" : "missed"));
    }
    return s.toString().stripTrailing();
  }

  /** The key ratios of every kept run, newest first: the databases' and the core's. */
  static String history(List<KeptRun> runs) {
    StringBuilder s =
        new StringBuilder("| run | commit | load (1 min, median) | database | rows |");
    KEY_SCENARIOS.values().forEach(v -> s.append(' ').append(v).append(" |"));
    s.append("\n|---|---|---:|---|---:|");
    KEY_SCENARIOS.values().forEach(v -> s.append("---:|"));
    s.append('\n');
    boolean anyDb = false;
    for (int i = runs.size() - 1; i >= 0; i--) {
      KeptRun run = runs.get(i);
      if (run.db().isEmpty()) {
        continue;
      }
      JsonNode info = run.db().orElseThrow().path("run");
      for (String database : databasesOf(List.of(run))) {
        List<JsonNode> results = run.results(database);
        for (long scale : scales(results)) {
          anyDb = true;
          s.append("| ").append(run.id()).append(" | ").append(commit(info)).append(" | ");
          s.append(medianLoad(info)).append(" | ").append(label(database)).append(" | ");
          s.append(rows(scale)).append(" |");
          for (String scenario : KEY_SCENARIOS.keySet()) {
            Optional<JsonNode> r =
                results.stream()
                    .filter(
                        x ->
                            x.path("scale").asLong() == scale
                                && scenario.equals(text(x, "scenario")))
                    .findFirst();
            s.append(' ')
                .append(
                    r.map(x -> String.format(Locale.ROOT, "%.2f×", x.path("ratio").asDouble()))
                        .orElse("–"))
                .append(" |");
          }
          s.append('\n');
        }
      }
    }
    if (!anyDb) {
      s.setLength(0);
      s.append("No database run was kept.\n");
    }
    StringBuilder c = new StringBuilder();
    List<String> coreNames = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      KeptRun run = runs.get(i);
      if (run.core().isEmpty()) {
        continue;
      }
      List<CoreRow> rows = coreRows(run.core().orElseThrow());
      if (coreNames.isEmpty()) {
        rows.forEach(r -> coreNames.add(r.what()));
      }
      JsonNode info = run.core().orElseThrow().path("run");
      c.append("| ").append(run.id()).append(" | ").append(commit(info)).append(" | ");
      c.append(medianLoad(info)).append(" |");
      for (String name : coreNames) {
        c.append(' ')
            .append(
                rows.stream()
                    .filter(r -> r.what().equals(name))
                    .findFirst()
                    .map(
                        r ->
                            String.format(Locale.ROOT, "%.2f×", r.ratio())
                                + (r.noisy() ? " (noisy)" : ""))
                    .orElse("–"))
            .append(" |");
      }
      c.append('\n');
    }
    if (!coreNames.isEmpty()) {
      s.append("\n| run | commit | load (1 min, median) |");
      coreNames.forEach(n -> s.append(' ').append(n).append(" |"));
      s.append("\n|---|---|---:|");
      coreNames.forEach(n -> s.append("---:|"));
      s.append('\n').append(c);
    }
    return s.toString().stripTrailing();
  }

  /**
   * A database's heading in a section of its own, and the start of the line that names the results
   * file and the server (the caller ends the line).
   */
  private static String sectionHead(KeptRun run, String database) {
    StringBuilder s = new StringBuilder("### ").append(label(database)).append("\n\n");
    s.append("*Generated from `").append(RESULTS).append('/').append(run.id()).append("/db.json`");
    JsonNode server = run.db().orElseThrow().path("databases").path(database);
    if (server.hasNonNull("version")) {
      s.append(", ").append(text(server, "version"));
    }
    return s.toString();
  }

  /**
   * The history scenario's section: per database, from the newest run that ran it, a row per month
   * (the SDK's close beside the floor's) and the ratios of the targets.
   */
  static String historyScenario(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (String database : historyDatabasesOf(runs)) {
      KeptRun run = newestHistory(runs, database).orElseThrow();
      JsonNode h = run.history(database).orElseThrow();
      s.append(sectionHead(run, database));
      s.append(
          String.format(
              Locale.ROOT,
              ": %d months from %s, %,d new payable entries a month over %,d partners.*%n%n",
              h.path("months").asInt(),
              text(h, "first_month"),
              h.path("entries_per_month").asLong(),
              h.path("partners").asLong()));
      s.append(historyTable(h)).append("\n\n");
    }
    if (s.length() == 0) {
      return "No history run was kept.";
    }
    return s.toString().stripTrailing();
  }

  /**
   * The overview by the partner's size: per database, from the newest run of the {@code
   * overviewscale} scenario, a row per partner (its overview beside the bare SUM over its lines)
   * and the largest partner's overview over the smallest's, which issue #24 bounds by 2×.
   */
  static String overviewScale(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (String database : DATABASE_ORDER) {
      Optional<KeptRun> newest = newestOverviewScale(runs, database);
      if (newest.isEmpty()) {
        continue;
      }
      KeptRun run = newest.orElseThrow();
      List<JsonNode> rows = run.overviewScale(database);
      s.append(sectionHead(run, database));
      s.append(".*\n\n");
      s.append(
          "| partner's ledger lines | overview, SDK median (p90) | bare SUM median (p90) | SDK ÷"
              + " bare | SDK ÷ SDK of the smallest | SDK statements (+ commits) | load (1 min) |\n"
              + "|---:|---:|---:|---:|---:|---:|---:|\n");
      JsonNode smallest = rows.get(0);
      JsonNode largest = rows.get(0);
      for (JsonNode r : rows) {
        if (lines(r) < lines(smallest)) {
          smallest = r;
        }
        if (lines(r) > lines(largest)) {
          largest = r;
        }
      }
      double base = smallest.path("sdk").path("median_us").asDouble();
      for (JsonNode r : rows) {
        double sdk = r.path("sdk").path("median_us").asDouble();
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s (%s) | %s (%s) | %s× | %.2f× | %s | %s |%n",
                rows(lines(r)),
                time(sdk),
                time(r.path("sdk").path("p90_us").asDouble()),
                time(r.path("bare").path("median_us").asDouble()),
                time(r.path("bare").path("p90_us").asDouble()),
                smallRatio(sdk / r.path("bare").path("median_us").asDouble()),
                sdk / base,
                statements(r),
                r.hasNonNull("load_1m") ? number(r.path("load_1m").asDouble()) : "–"));
      }
      double growth = largest.path("sdk").path("median_us").asDouble() / base;
      s.append(
          String.format(
              Locale.ROOT,
              "%nThe overview of the partner with %s ledger lines costs %s that of the partner"
                  + " with %s (target ≤ 2×: %s).%n%n",
              rows(lines(largest)),
              ratioCell(growth, 2.0),
              rows(lines(smallest)),
              growth <= 2.0 ? "**met**" : "missed"));
    }
    if (s.length() == 0) {
      return "No run of the overviewscale scenario was kept.";
    }
    return s.toString().stripTrailing();
  }

  /**
   * The click purge: per database, from the newest run of the {@code clickpurge} scenario, a row
   * for the SDK's purge and one for the floor's bare batched delete of the same rows (total time,
   * clicks per second, units of work and their times, statements, heap, load), then the SDK's time
   * over the floor's and what the run checked.
   */
  static String clickPurge(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (String database : DATABASE_ORDER) {
      Optional<KeptRun> newest = newestClickPurge(runs, database);
      if (newest.isEmpty()) {
        continue;
      }
      KeptRun run = newest.orElseThrow();
      JsonNode p = run.clickPurge(database).orElseThrow();
      s.append(sectionHead(run, database));
      s.append(
          String.format(
              Locale.ROOT,
              ": %s expired clicks, one every %d s up to the cutoff %s, and %,d young ones;"
                  + " batches of %,d; JVM heap limit %d MiB.*%n%n",
              rows(p.path("expired_clicks").asLong()),
              p.path("expired_spacing_s").asLong(),
              text(p, "cutoff"),
              p.path("young_clicks").asLong(),
              p.path("batch").asInt(),
              p.path("heap_max_mib").asLong()));
      if (p.has("seed_indexes_s")) {
        s.append(
            String.format(
                Locale.ROOT,
                "The first load (not in the rows below) took %s, with pp_touch's secondary"
                    + " indexes dropped for it and built again after it (%s of that).%n%n",
                time(p.path("seed_s").asDouble() * 1e6),
                time(p.path("seed_indexes_s").asDouble() * 1e6)));
      }
      s.append(
          "| purge | total | clicks/s | units of work | unit median | unit p99 | longest unit |"
              + " statements | heap after GC → peak | load (1 min) |\n"
              + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      s.append(purgeRow("SDK: `" + text(p, "sdk_call") + "`", p.path("sdk")));
      s.append(purgeRow("floor: " + text(p, "baseline"), p.path("floor")));
      JsonNode sdk = p.path("sdk");
      s.append(
          String.format(
              Locale.ROOT,
              "%nThe SDK's purge took %.2f× the floor's (%s). Its longest unit of work, one"
                  + " transaction, took %s; it"
                  + " reported %,d batches. After each purge the run checked that none of the %s"
                  + " expired clicks was left and all %,d young ones were kept.%n%n",
              p.path("sdk_over_floor").asDouble(),
              text(p, "order"),
              time(sdk.path("unit_max_ms").asDouble() * 1e3),
              sdk.path("batches_reported").asLong(),
              rows(p.path("expired_clicks").asLong()),
              p.path("young_kept").asLong()));
    }
    if (s.length() == 0) {
      return "No run of the clickpurge scenario was kept.";
    }
    return s.toString().stripTrailing();
  }

  /**
   * The reports: per database, from the newest run of the {@code reports} scenario, a row per query
   * with the SDK's and the floor's median (p90), their ratio and the target.
   */
  static String reports(List<KeptRun> runs) {
    StringBuilder s = new StringBuilder();
    for (String database : DATABASE_ORDER) {
      Optional<KeptRun> newest = newestReports(runs, database);
      if (newest.isEmpty()) {
        continue;
      }
      KeptRun run = newest.orElseThrow();
      JsonNode r = run.reports(database).orElseThrow();
      s.append(sectionHead(run, database));
      s.append(
          String.format(
              Locale.ROOT,
              ": %s ledger entries over 2026, %,d partners, %,d clicks, %,d decisions, %,d"
                  + " orders, %,d payouts; month %s; %d rounds of %d calls per side; JVM heap"
                  + " limit %d MiB; 1-minute load %s at the end.*%n%n",
              rows(r.path("ledger_entries").asLong()),
              r.path("partners").asLong(),
              r.path("clicks").asLong(),
              r.path("decisions").asLong(),
              r.path("orders").asLong(),
              r.path("payouts").asLong(),
              text(r, "month"),
              r.path("rounds").asInt(),
              r.path("per_round").asInt(),
              r.path("heap_max_mib").asLong(),
              r.hasNonNull("load_1m") ? number(r.path("load_1m").asDouble()) : "–"));
      s.append(
          "| query | SDK median (p90) | floor median (p90) | SDK ÷ floor | target |\n"
              + "|---|---:|---:|---:|---|\n");
      for (JsonNode q : r.path("queries")) {
        s.append(
            String.format(
                Locale.ROOT,
                "| `%s` | %s (%s) | %s (%s) | %s | ≤ %s× |%n",
                text(q, "sdk_call"),
                time(q.path("sdk").path("median_us").asDouble()),
                time(q.path("sdk").path("p90_us").asDouble()),
                time(q.path("bare").path("median_us").asDouble()),
                time(q.path("bare").path("p90_us").asDouble()),
                ratioCell(q.path("ratio").asDouble(), q.path("target").asDouble()),
                number(q.path("target").asDouble())));
      }
      s.append('\n');
    }
    if (s.length() == 0) {
      return "No run of the reports scenario was kept.";
    }
    return s.toString().stripTrailing();
  }

  private static String purgeRow(String what, JsonNode side) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,d | %,d | %s | %s | %s | %,d | %s → %s MiB | %s |%n",
        what,
        time(side.path("seconds").asDouble() * 1e6),
        side.path("clicks_per_s").asLong(),
        side.path("units_of_work").asLong(),
        time(side.path("unit_median_ms").asDouble() * 1e3),
        time(side.path("unit_p99_ms").asDouble() * 1e3),
        time(side.path("unit_max_ms").asDouble() * 1e3),
        side.path("statements").asLong(),
        number(side.path("heap_after_gc_mib").asDouble()),
        number(side.path("heap_peak_mib").asDouble()),
        side.hasNonNull("load_1m") ? number(side.path("load_1m").asDouble()) : "–");
  }

  /** A ratio with two decimals, or two significant digits below 0.1 (0.0036 stays visible). */
  private static String smallRatio(double ratio) {
    return ratio >= 0.1
        ? String.format(Locale.ROOT, "%.2f", ratio)
        : new BigDecimal(ratio).round(new MathContext(2)).toPlainString();
  }

  /** The partner's ledger lines an overview result names. */
  private static long lines(JsonNode r) {
    Matcher m = LEDGER_LINES.matcher(text(r, "what"));
    if (!m.find()) {
      throw new IllegalStateException("no ledger lines in " + text(r, "what"));
    }
    return Long.parseLong(m.group(1));
  }

  /**
   * One database's history: a row per month, then the ratios the targets ask for.
   *
   * @param h a history result ({@link HistoryScenario})
   * @return the table and the targets' lines
   */
  static String historyTable(JsonNode h) {
    StringBuilder s =
        new StringBuilder(
            "| month | ledger entries | open entries | SDK close | floor, rolled back (median) |"
                + " SDK ÷ floor | SDK ÷ SDK of month 1 | SDK statements | load (1 min) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    JsonNode months = h.path("month_results");
    double first = months.path(0).path("sdk_s").asDouble();
    double targetFloor = h.path("target_over_floor").asDouble();
    for (JsonNode m : months) {
      double ratio = m.path("sdk_over_floor").asDouble();
      s.append(
          String.format(
              Locale.ROOT,
              "| %d (%s) | %,d | %,d | %s | %s | %s | %.2f× | %d | %s |%n",
              m.path("number").asInt(),
              text(m, "month"),
              m.path("ledger_entries").asLong(),
              m.path("open_entries").asLong(),
              time(m.path("sdk_s").asDouble() * 1e6),
              time(m.path("floor_s").asDouble() * 1e6),
              ratioCell(ratio, targetFloor),
              m.path("sdk_s").asDouble() / first,
              m.path("sdk_statements").asLong(),
              m.hasNonNull("load_1m") ? number(m.path("load_1m").asDouble()) : "–"));
    }
    int n = h.path("months").asInt();
    double growth = h.path("sdk_last_over_first").asDouble();
    double targetGrowth = h.path("target_last_over_first").asDouble();
    double worst = h.path("sdk_over_floor_max").asDouble();
    s.append(
        String.format(
            Locale.ROOT,
            "%nThe SDK's close of month %d costs %s its close of month 1 (target ≤ %s×: %s; the"
                + " median of the last three months over the first three's: %.2f×; the floor's"
                + " month %d over its month 1: %.2f×). SDK ÷ floor: median %.2f×, at most %s"
                + " (target ≤ %s× in every month: %s).",
            n,
            ratioCell(growth, targetGrowth),
            number(targetGrowth),
            growth <= targetGrowth ? "**met**" : "missed",
            h.path("sdk_last3_over_first3").asDouble(),
            n,
            h.path("floor_last_over_first").asDouble(),
            h.path("sdk_over_floor_median").asDouble(),
            ratioCell(worst, targetFloor),
            number(targetFloor),
            worst <= targetFloor ? "**met**" : "missed"));
    JsonNode last = months.path(months.size() - 1);
    if (last.path("sdk_statement_s").size() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "%n%nWhere the SDK's close of month %d (%s) spent its time: each statement that took"
                  + " 5 %% of the close or more, its executions summed (the rest: the other"
                  + " statements, the commit, reading results, Java):%n",
              last.path("number").asInt(),
              time(last.path("sdk_s").asDouble() * 1e6)));
      last.path("sdk_statement_s")
          .properties()
          .forEach(
              e ->
                  s.append("\n- ")
                      .append(time(e.getValue().asDouble() * 1e6))
                      .append(": `")
                      .append(e.getKey().replace('`', '\''))
                      .append('`'));
    }
    return s.toString();
  }

  // ------------------------------------------------------------------ formats

  private static List<Long> scales(List<JsonNode> results) {
    return results.stream().map(r -> r.path("scale").asLong()).distinct().sorted().toList();
  }

  private static Double target(JsonNode r) {
    return r.hasNonNull("target") ? r.path("target").asDouble() : null;
  }

  private static String ratioCell(double ratio, Double target) {
    String cell = String.format(Locale.ROOT, "%.2f×", ratio);
    return target != null && ratio <= target ? "**" + cell + "**" : cell;
  }

  private static String targetCell(double ratio, Double target) {
    if (target == null) {
      return "–";
    }
    return "≤ " + number(target) + "×: " + (ratio <= target ? "**met**" : "missed");
  }

  private static String statements(JsonNode r) {
    if (!r.hasNonNull("sdk_statements_per_op")) {
      return "–";
    }
    String s = number(r.path("sdk_statements_per_op").asDouble());
    return r.hasNonNull("sdk_other_calls_per_op")
        ? s + " (+" + number(r.path("sdk_other_calls_per_op").asDouble()) + ")"
        : s;
  }

  private static String commit(JsonNode run) {
    if (!run.hasNonNull("commit")) {
      return "unknown";
    }
    String commit = text(run, "commit");
    String shortCommit = "`" + commit.substring(0, Math.min(10, commit.length())) + "`";
    return run.path("uncommitted_changes").asBoolean(false)
        ? shortCommit + " with uncommitted changes"
        : shortCommit;
  }

  private static String medianLoad(JsonNode run) {
    JsonNode sampled = run.path("load_average").path("sampled_1m");
    return sampled.path("count").asInt() > 0 ? number(sampled.path("median").asDouble()) : "–";
  }

  private static String triple(JsonNode load) {
    List<String> parts = new ArrayList<>();
    load.forEach(v -> parts.add(v.isNull() ? "–" : number(v.asDouble())));
    return String.join(" / ", parts);
  }

  /** A JMH score with its error and unit, in ns or µs. */
  private static String score(JsonNode metric) {
    double score = metric.path("score").asDouble();
    double error = metric.path("scoreError").asDouble();
    String unit = text(metric, "scoreUnit");
    if ("ns/op".equals(unit) && score >= 1_000) {
      return String.format(Locale.ROOT, "%.2f ± %.2f µs", score / 1e3, error / 1e3);
    }
    if ("ns/op".equals(unit)) {
      return String.format(Locale.ROOT, "%.1f ± %.1f ns", score, error);
    }
    return String.format(Locale.ROOT, "%.3f ± %.3f %s", score, error, unit);
  }

  /** A time in µs, as µs, ms or s with three significant digits or so. */
  static String time(double micros) {
    if (micros >= 1e6) {
      return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }
    if (micros >= 1e3) {
      return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f µs", micros);
  }

  /** A row count: {@code 10^5} for a power of ten, else with thousands separators. */
  static String rows(long scale) {
    long p = 1;
    for (int k = 0; k <= 18; k++) {
      if (p == scale && k >= 3) {
        return "10^" + k;
      }
      if (p > Long.MAX_VALUE / 10) {
        break;
      }
      p *= 10;
    }
    return String.format(Locale.ROOT, "%,d", scale);
  }

  /** A number without needless decimals: 2, 1.5, 6.25. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.2f", value))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A database's name as the document writes it. */
  static String label(String database) {
    return switch (database) {
      case "postgresql" -> "PostgreSQL";
      case "mariadb" -> "MariaDB";
      case "h2" -> "H2";
      default -> database;
    };
  }

  private static String simpleClass(String benchmark) {
    String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
    return cls.substring(cls.lastIndexOf('.') + 1);
  }

  private static String packageOf(String benchmark) {
    String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
    return cls.substring(0, cls.lastIndexOf('.') + 1);
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText();
  }
}
