package org.partnerprogram.jdbc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link BenchmarksDocument}: BENCHMARKS.md is exactly what it makes of the kept results, and its
 * tables, on the hand-made results in {@code src/test/resources/bench-results} (three runs: an
 * older one with H2 and PostgreSQL, a newer one with PostgreSQL at two scales and the core, and the
 * newest with only the scenarios that have sections of their own, history and overview by partner
 * size, on PostgreSQL).
 */
class BenchmarksDocumentTest {
  /** The adapter module: Surefire runs in it. */
  private static final Path MODULE = Path.of("").toAbsolutePath();

  private static final Path SAMPLE = MODULE.resolve("src/test/resources/bench-results");

  @Test
  void benchmarksMdIsExactlyWhatTheGeneratorMakesOfTheKeptResults() throws IOException {
    Path file = MODULE.resolve("BENCHMARKS.md");
    assertThat(file).as("partner-jdbc-adapter/BENCHMARKS.md").exists();
    String expected = BenchmarksDocument.render(MODULE);
    String actual = Files.readString(file, StandardCharsets.UTF_8);
    if (!actual.equals(expected)) {
      String[] a = actual.split("\n", -1);
      String[] e = expected.split("\n", -1);
      int line = 0;
      while (line < a.length && line < e.length && a[line].equals(e[line])) {
        line++;
      }
      fail(
          "BENCHMARKS.md is generated from src/bench/results, src/bench/doc and BenchmarksDocument,"
              + " and it differs from what they make, first at line %d:%n  file:      %s%n"
              + "  generated: %s%nEdit the template or the appendix, not the file, and run%n  %s",
          line + 1,
          line < a.length ? a[line] : "(end of file)",
          line < e.length ? e[line] : "(end of document)",
          BenchmarksDocument.REGENERATE);
    }
  }

  @Test
  void theKeptResultsHoldARunWithTheCoreAndEveryDatabase() throws IOException {
    List<BenchmarksDocument.KeptRun> runs =
        BenchmarksDocument.readRuns(MODULE.resolve(BenchmarksDocument.RESULTS));
    assertThat(BenchmarksDocument.databasesOf(runs)).contains("postgresql", "mariadb", "h2");
    assertThat(BenchmarksDocument.newestWithCore(runs)).isPresent();
  }

  @Test
  void aDatabaseTableHasARowPerResultWithItsRatioTargetStatementsRoundsAndLoad()
      throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    String table = BenchmarksDocument.databaseTable(runs.get(1).results("postgresql"));
    assertThat(table)
        .isEqualTo(
            """
            | rows | scenario | SDK median (p90) | baseline | baseline median (p90) | ratio | target | statements (+ commits) per op | rounds | load (1 min) |
            |---:|---|---:|---|---:|---:|---|---:|---:|---:|
            | 10^5 | record an order of 2 lines (`order`) | 2.89 ms (3.50 ms) | bare INSERT + COMMIT | 633 µs (700 µs) | 4.57× | – | 10 (+1) | 3 | 1.5 |
            | 10^5 | record a payment, 1 thread (`payment`) | 1.97 ms (2.40 ms) | bare INSERT + COMMIT | 461 µs (520 µs) | 4.27× | ≤ 2×: missed | 6 (+1) | 3 | 1.75 |
            | 10^5 | record a payment, 8 threads (`payment8`) | 8.05 ms (9.00 ms) | bare INSERT + COMMIT, 8 threads | 1.45 ms (1.60 ms) | 5.55× | ≤ 2×: missed | – | 3 | 2 |
            | 10^5 | attribute a signup (`attribution`) | 1.00 ms (1.20 ms) | bare indexed SELECT | 250 µs (300 µs) | 4.00× | ≤ 2×: missed | 3 (+1) | 3 | 2 |
            | 10^5 | partner overview (`overview`) | 2.39 ms (2.60 ms) | bare SUM | 1.24 ms (1.30 ms) | **1.93×** | ≤ 2×: **met** | 7 (+1) | 3 | 2.25 |
            | 10^5 | close a period (`close`) | 3.85 s (3.90 s) | bare SQL close | 2.98 s (3.00 s) | **1.29×** | ≤ 1.5×: **met** | 114 (+1) | 3 | – |
            | 10^6 | attribute a signup (`attribution`) | 1.50 ms (1.80 ms) | bare indexed SELECT | 300 µs (350 µs) | 5.00× | ≤ 2×: missed | 3.5 (+1) | 3 | 1.5 |

            Attribution at 10^6 stored touches costs 1.50× its cost at 10^5 (target ≤ 1.3×: missed).""");
  }

  @Test
  void theCoreTableSetsEachBenchmarkAgainstItsBaselineAndJudgesNoNoisyRatio() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    String table = BenchmarksDocument.coreTable(runs.get(1).core().orElseThrow());
    assertThat(table)
        .isEqualTo(
            """
            | benchmark | SDK | same-run baseline | ratio | target |
            |---|---:|---|---:|---|
            | pricing an order | 164.3 ± 3.0 ns | 62.0 ± 1.0 ns, bare multiply | **2.65×** | ≤ 3×: **met** |
            | rate lookup | 150.0 ± 40.0 ns | 20.0 ± 0.5 ns, bare floorEntry | 7.50× (noisy) | ≤ 8×: not judged (noisy) |
            | `NewBenchmark.run` | 2.50 ± 0.05 µs | 1.00 ± 0.30 µs, `baselineBare` | 2.50× (noisy) | – |""");
  }

  @Test
  void eachDatabaseComesFromTheNewestRunThatMeasuredIt() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    String databases = BenchmarksDocument.databases(runs);
    assertThat(databases)
        .contains(
            "### PostgreSQL\n\n*Generated from `src/bench/results/2026-01-02-0300/db.json`,"
                + " PostgreSQL 15.20.*")
        .contains(
            "### H2 (a reference: in memory, in the benchmark's JVM)\n\n*Generated from"
                + " `src/bench/results/2026-01-01-0300/db.json`, H2 2.3.232.*")
        .contains("| 10^5 | record a payment (`payment`) | 416 µs (500 µs) |")
        // The older run's PostgreSQL payment is history, not the current table.
        .doesNotContain("9999");
    assertThat(databases.indexOf("### PostgreSQL")).isLessThan(databases.indexOf("### H2"));
  }

  @Test
  void theSummaryHasAColumnPerDatabaseAndScaleAndBoldsWhatMeetsItsTarget() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.summary(runs))
        .isEqualTo(
            """
            | SDK ÷ same-run baseline | PostgreSQL, 10^5 rows | PostgreSQL, 10^6 rows | H2, 10^5 rows | target |
            |---|---:|---:|---:|---|
            | record a payment, 1 thread | 4.27× | – | 40.00× | ≤ 2× |
            | record a payment, 8 threads | 5.55× | – | – | ≤ 2× |
            | attribute a signup | 4.00× | 5.00× | – | ≤ 2× |
            | partner overview | **1.93×** | – | – | ≤ 2× |
            | close a month | **1.29×** | – | – | ≤ 1.5× |

            Bold: the target is met. Core (JMH): pricing an order **2.65×** a bare multiply (target ≤ 3×).""");
  }

  @Test
  void theHistoryListsEveryKeptRunNewestFirst() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.history(runs))
        .isEqualTo(
            """
            | run | commit | load (1 min, median) | database | rows | record a payment, 1 thread | record a payment, 8 threads | attribute a signup | partner overview | close a month |
            |---|---|---:|---|---:|---:|---:|---:|---:|---:|
            | 2026-01-02-0300 | `2222222222` | 1.75 | PostgreSQL | 10^5 | 4.27× | 5.55× | 4.00× | 1.93× | 1.29× |
            | 2026-01-02-0300 | `2222222222` | 1.75 | PostgreSQL | 10^6 | – | – | 5.00× | – | – |
            | 2026-01-01-0300 | `1111111111` with uncommitted changes | – | PostgreSQL | 10^5 | 9999.00× | – | – | – | – |
            | 2026-01-01-0300 | `1111111111` with uncommitted changes | – | H2 | 10^5 | 40.00× | – | – | – | – |

            | run | commit | load (1 min, median) | pricing an order | rate lookup | `NewBenchmark.run` |
            |---|---|---:|---:|---:|---:|
            | 2026-01-02-0300 | `2222222222` | 1 | 2.65× | 7.50× (noisy) | 2.50× (noisy) |""");
  }

  @Test
  void theRunsShownStateTheirMachineLoadAndServers() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.runsShown(runs))
        .contains("**Run 2026-01-01-0300** (`src/bench/results/2026-01-01-0300/`): H2.")
        .contains(
            "**Run 2026-01-02-0300** (`src/bench/results/2026-01-02-0300/`): PostgreSQL, the"
                + " core.")
        .contains("  Machine: 2 CPUs (Test CPU), 24.0 GiB memory, Test OS, Test JDK 17.")
        .contains(
            "  Load average (1, 5, 15 min): 1.5 / 1.25 / 1 at the start, 2 / 1.5 / 1 at the end;"
                + " the 1-minute figure sampled every 10 s: median 1.75, 1.5 to 2.25 (3 samples).")
        .contains("  PostgreSQL: PostgreSQL 15.20, shared_buffers 128MB, synchronous_commit on.");
  }

  @Test
  void theHistoryScenarioHasARowPerMonthAndJudgesTheGrowthAndTheFloor() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.historyScenario(runs))
        .isEqualTo(
            """
            ### PostgreSQL

            *Generated from `src/bench/results/2026-01-03-0300/db.json`, PostgreSQL 15.20: 3 months from 2024-01, 10,000 new payable entries a month over 500 partners.*

            | month | ledger entries | open entries | SDK close | floor, rolled back (median) | SDK ÷ floor | SDK ÷ SDK of month 1 | SDK statements | load (1 min) |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | 1 (2024-01) | 10,000 | 10,000 | 500.00 ms | 400.00 ms | **1.25×** | 1.00× | 14 | 1.25 |
            | 2 (2024-02) | 20,000 | 10,000 | 550.00 ms | 400.00 ms | **1.38×** | 1.10× | 14 | 1.25 |
            | 3 (2024-03) | 30,000 | 10,000 | 620.00 ms | 400.00 ms | 1.55× | 1.24× | 14 | 1.25 |

            The SDK's close of month 3 costs 1.24× its close of month 1 (target ≤ 1.2×: missed; the\
             median of the last three months over the first three's: 1.24×; the floor's month 3 over\
             its month 1: 1.00×). SDK ÷ floor: median 1.38×, at most 1.55× (target ≤ 1.5× in every\
             month: missed).

            Where the SDK's close of month 3 (620.00 ms) spent its time: each statement that took 5 %\
             of the close or more, its executions summed (the rest: the other statements, the\
             commit, reading results, Java):

            - 250.00 ms: `INSERT INTO pp_payout_item (entry_id, payout_id) SELECT …`
            - 50.00 ms: `SELECT o.partner_id FROM pp_open_entry o`""");
  }

  @Test
  void aRunWithOnlyTheHistoryScenarioLeavesTheOtherTablesToTheRunsThatMeasuredThem()
      throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.newestWith(runs, "postgresql").orElseThrow().id())
        .isEqualTo("2026-01-02-0300");
    assertThat(BenchmarksDocument.runsShown(runs))
        .contains(
            "**Run 2026-01-03-0300** (`src/bench/results/2026-01-03-0300/`): the history scenario"
                + " on PostgreSQL, the overview by partner size on PostgreSQL.");
    assertThat(BenchmarksDocument.historyScenario(runs.subList(0, 2)))
        .isEqualTo("No history run was kept.");
  }

  @Test
  void theOverviewByPartnerSizeHasARowPerPartnerAndJudgesTheLargestOverTheSmallest()
      throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    assertThat(BenchmarksDocument.overviewScale(runs))
        .isEqualTo(
            """
            ### PostgreSQL

            *Generated from `src/bench/results/2026-01-03-0300/db.json`, PostgreSQL 15.20.*

            | partner's ledger lines | overview, SDK median (p90) | bare SUM median (p90) | SDK ÷ bare | SDK ÷ SDK of the smallest | SDK statements (+ commits) | load (1 min) |
            |---:|---:|---:|---:|---:|---:|---:|
            | 10^4 | 2.00 ms (2.50 ms) | 4.00 ms (4.40 ms) | 0.50× | 1.00× | 7 (+1) | 1.5 |
            | 10^6 | 2.20 ms (3.00 ms) | 400.00 ms (440.00 ms) | 0.0055× | 1.10× | 7 (+1) | 1.25 |

            The overview of the partner with 10^6 ledger lines costs **1.10×** that of the partner\
             with 10^4 (target ≤ 2×: **met**).""");
    // Its results stay out of the per-database tables and the kept runs' ratios.
    assertThat(BenchmarksDocument.databases(runs)).doesNotContain("1000000 ledger lines");
    assertThat(BenchmarksDocument.history(runs)).doesNotContain("2026-01-03-0300");
    assertThat(BenchmarksDocument.runsShown(runs))
        .contains(
            "the history scenario on PostgreSQL, the overview by partner size on PostgreSQL.");
    assertThat(BenchmarksDocument.overviewScale(runs.subList(0, 2)))
        .isEqualTo("No run of the overviewscale scenario was kept.");
  }

  /**
   * A hand-made run with only the click purge, on MariaDB and PostgreSQL (in that order, which the
   * section does not keep), after the sample runs.
   */
  private static List<BenchmarksDocument.KeptRun> withClickPurge() throws IOException {
    String side =
        """
        {"seconds": %s, "clicks_removed": 10000000, "clicks_per_s": %s, "units_of_work": 2001,
         "batches_reported": %s, "unit_median_ms": %s, "unit_p99_ms": %s, "unit_max_ms": %s,
         "statements": %s, "heap_after_gc_mib": %s, "heap_peak_mib": %s, "load_1m": %s}
        """;
    String purge =
        """
        {"database": "%s", "scale": 10000000, "scenario": "clickpurge",
         "what": "purge 10,000,000 expired clicks, keep 100,000 young ones, in batches of 5,000",
         "sdk_call": "program.referrals().purgeExpiredClicks()",
         "baseline": "bare SQL: batched DELETE", "expired_clicks": 10000000,
         "young_clicks": 100000, "batch": 5000, "cutoff": "2026-07-18T12:00:00Z",
         "expired_spacing_s": 3, "seed_s": 200.0, "heap_max_mib": 64,
         "order": "floor first on the fresh table", "floor": %s, "sdk": %s,
         "sdk_over_floor": %s, "young_kept": 100000, "expired_left": 0, "rounds": 1,
         "at": "2026-01-04T03:30:00Z", "load_1m": 2.0}
        """;
    String db =
        "{\"run\": {\"id\": \"2026-01-04-0300\", \"started_at\": \"2026-01-04T03:00:00Z\","
            + " \"finished_at\": \"2026-01-04T03:40:00Z\", \"commit\": \"4444444444aaaa\","
            + " \"uncommitted_changes\": false, \"machine\": {\"cpus\": 2, \"os\": \"Test OS\","
            + " \"jdk\": \"Test JDK 17\"}, \"load_average\": {\"at_start\": [1.0, 1.0, 1.0],"
            + " \"at_end\": [2.0, 1.5, 1.0], \"sampled_1m\": {\"every_s\": 10, \"count\": 0}},"
            + " \"settings\": {}}, \"databases\": {\"mariadb\": {\"version\": \"MariaDB 10.11.19\"},"
            + " \"postgresql\": {\"version\": \"PostgreSQL 15.20\"}}, \"results\": ["
            + String.format(
                purge,
                "mariadb",
                String.format(
                    side, "400.0", "25000", "2001", "200.0", "300.0", "450.0", "2001", "9.5", "14",
                    "3.0"),
                String.format(
                    side, "500.0", "20000", "2001", "240.0", "400.0", "600.0", "4002", "9.5",
                    "30.25", "3.5"),
                "1.25")
            + ", "
            + String.format(
                purge,
                "postgresql",
                String.format(
                    side, "100.0", "100000", "2001", "45.0", "100.0", "1200.0", "2001", "9.3", "12",
                    "4.25"),
                String.format(
                    side, "125.5", "79681", "2001", "55.0", "120.0", "250.0", "2001", "9.4", "21.5",
                    "3.5"),
                "1.5")
            + "]}";
    List<BenchmarksDocument.KeptRun> runs = new ArrayList<>(BenchmarksDocument.readRuns(SAMPLE));
    JsonNode json = new ObjectMapper().readTree(db);
    runs.add(
        new BenchmarksDocument.KeptRun("2026-01-04-0300", Optional.of(json), Optional.empty()));
    return runs;
  }

  @Test
  void theClickPurgeSetsTheSdkBesideTheFloorWithItsUnitsOfWorkHeapAndLoad() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = withClickPurge();
    assertThat(BenchmarksDocument.clickPurge(runs))
        .isEqualTo(
            """
            ### PostgreSQL

            *Generated from `src/bench/results/2026-01-04-0300/db.json`, PostgreSQL 15.20: 10^7 expired clicks, one every 3 s up to the cutoff 2026-07-18T12:00:00Z, and 100,000 young ones; batches of 5,000; JVM heap limit 64 MiB.*

            | purge | total | clicks/s | units of work | unit median | unit p99 | longest unit | statements | heap after GC → peak | load (1 min) |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | SDK: `program.referrals().purgeExpiredClicks()` | 125.50 s | 79,681 | 2,001 | 55.00 ms | 120.00 ms | 250.00 ms | 2,001 | 9.4 → 21.5 MiB | 3.5 |
            | floor: bare SQL: batched DELETE | 100.00 s | 100,000 | 2,001 | 45.00 ms | 100.00 ms | 1.20 s | 2,001 | 9.3 → 12 MiB | 4.25 |

            The SDK's purge took 1.50× the floor's (floor first on the fresh table). Its longest unit\
             of work, one transaction, took 250.00 ms; it reported 2,001 batches. After each purge\
             the run checked that none of the 10^7 expired clicks was left and all 100,000 young\
             ones were kept.

            ### MariaDB

            *Generated from `src/bench/results/2026-01-04-0300/db.json`, MariaDB 10.11.19: 10^7 expired clicks, one every 3 s up to the cutoff 2026-07-18T12:00:00Z, and 100,000 young ones; batches of 5,000; JVM heap limit 64 MiB.*

            | purge | total | clicks/s | units of work | unit median | unit p99 | longest unit | statements | heap after GC → peak | load (1 min) |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | SDK: `program.referrals().purgeExpiredClicks()` | 500.00 s | 20,000 | 2,001 | 240.00 ms | 400.00 ms | 600.00 ms | 4,002 | 9.5 → 30.25 MiB | 3.5 |
            | floor: bare SQL: batched DELETE | 400.00 s | 25,000 | 2,001 | 200.00 ms | 300.00 ms | 450.00 ms | 2,001 | 9.5 → 14 MiB | 3 |

            The SDK's purge took 1.25× the floor's (floor first on the fresh table). Its longest unit\
             of work, one transaction, took 600.00 ms; it reported 2,001 batches. After each purge\
             the run checked that none of the 10^7 expired clicks was left and all 100,000 young\
             ones were kept.""");
    // Its results stay out of the per-database tables and the kept runs' ratios, and the runs
    // shown name it.
    assertThat(BenchmarksDocument.databases(runs)).doesNotContain("expired clicks");
    assertThat(BenchmarksDocument.history(runs)).doesNotContain("2026-01-04-0300");
    assertThat(BenchmarksDocument.newestWith(runs, "postgresql").orElseThrow().id())
        .isEqualTo("2026-01-02-0300");
    assertThat(BenchmarksDocument.runsShown(runs))
        .contains(
            "**Run 2026-01-04-0300** (`src/bench/results/2026-01-04-0300/`): the click purge on"
                + " PostgreSQL and MariaDB.")
        .contains("  MariaDB: MariaDB 10.11.19.");
    assertThat(BenchmarksDocument.clickPurge(runs.subList(0, 3)))
        .isEqualTo("No run of the clickpurge scenario was kept.");
  }

  @Test
  void aTemplateMustUseEveryPlaceholderAndNoOther() throws IOException {
    List<BenchmarksDocument.KeptRun> runs = BenchmarksDocument.readRuns(SAMPLE);
    String all =
        "{{summary}}\n{{runs}}\n{{core}}\n{{databases}}\n{{history-scenario}}\n"
            + "{{overview-scale}}\n{{click-purge}}\n{{reports}}\n{{history}}\n{{before-kept-results}}\n";
    assertThat(BenchmarksDocument.render(all, runs, "appendix\n"))
        .startsWith("<!-- Generated by BenchmarksDocument")
        .endsWith("\nappendix\n");
    assertThatThrownBy(
            () -> BenchmarksDocument.render(all.replace("{{history}}\n", ""), runs, "appendix"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks placeholders");
    assertThatThrownBy(() -> BenchmarksDocument.render(all + "{{typo}}\n", runs, "appendix"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("{{typo}}");
    assertThatThrownBy(() -> BenchmarksDocument.render(all, List.of(), "appendix"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no kept run");
  }
}
