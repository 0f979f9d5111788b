package org.partnerprogram.jdbc.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * Issue #9's memory check: loads {@code bench.memory.scale} (default 1,000,000) payable entries
 * over {@code scale / 20} partners into a fresh PostgreSQL database, closes the month through the
 * SDK, streams its close lines ({@code forEachLine}) and streams its SEPA batch and CSV to files
 * ({@code exportTo}). The bench profile runs it in a JVM with {@code -Xmx64m}; it exits with status
 * 1 if the heap runs out.
 */
public final class CloseExportMemoryCheck {
  private CloseExportMemoryCheck() {}

  /**
   * Runs the check.
   *
   * @param args the output folder (default {@code target/bench})
   * @throws Exception if the check fails for another reason than memory
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    long scale = Long.getLong("bench.memory.scale", 1_000_000);
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT, "== memory check: %,d entries, max heap %d MiB%n", scale, maxHeap >> 20);
    String report;
    String failure = null;
    try (BenchDatabase db = BenchDatabase.create(BenchDatabase.Kind.POSTGRESQL)) {
      Fixtures fixtures = new Fixtures(BenchDatabase.Kind.POSTGRESQL, scale);
      fixtures.load(db.dataSource, false, true);
      try (FixedPool pool = new FixedPool(db.dataSource, 1)) {
        PartnerProgram program =
            PartnerProgram.builder()
                .terms(
                    ProgramTerms.builder()
                        .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
                        .build())
                .storage(JdbcProgramStorage.create(pool, Dialect.POSTGRESQL))
                .clock(Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC))
                .build();
        YearMonth month = YearMonth.of(2026, 10);
        long t0 = System.nanoTime();
        int payouts;
        long lines;
        long liveAfterClose;
        try {
          PeriodCloseResult close = program.payouts().close(month);
          // What stays live while the caller holds the result (a summary: the payouts and lines
          // are read from storage when asked for).
          liveAfterClose = liveHeap();
          payouts = close.payoutCount();
          // The month's report, streamed from storage as a host would page through it.
          long[] counted = {0, 0};
          program
              .payouts()
              .forEachCloseLine(
                  close.month(), line -> counted[line.payoutId().isPresent() ? 0 : 1]++);
          if (counted[0] != close.payoutCount() || counted[1] != close.carriedOverCount()) {
            throw new IllegalStateException(
                "the close counted "
                    + close
                    + " but its lines hold "
                    + counted[0]
                    + " payouts and "
                    + counted[1]
                    + " carry-overs");
          }
          lines = counted[0] + counted[1];
        } catch (OutOfMemoryError e) {
          failure = "closing the period ran out of memory: " + e;
          throw new OutOfHeap();
        }
        long t1 = System.nanoTime();
        PayoutExportSummary export;
        Path xml = out.resolve("memory-check.pain.001.001.03.xml");
        try (OutputStream sepa = new BufferedOutputStream(Files.newOutputStream(xml));
            OutputStream csv =
                new BufferedOutputStream(Files.newOutputStream(out.resolve("memory-check.csv")))) {
          export =
              program
                  .payouts()
                  .exportTo(
                      new ExportPayoutsCommand(
                          month,
                          PainVersion.PAIN_001_001_03,
                          SepaDebtor.of("Example Hosting B.V.", "NL91 ABNA 0417 1643 00"),
                          LocalDate.of(2026, 11, 20)),
                      sepa,
                      csv);
        } catch (OutOfMemoryError e) {
          failure = "exporting the batch ran out of memory: " + e;
          throw new OutOfHeap();
        }
        long t2 = System.nanoTime();
        report =
            String.format(
                Locale.ROOT,
                "memory check passed with -Xmx%dm: closed %,d entries into %,d payouts and"
                    + " streamed its %,d close lines in %.1f s, exported %,d transfers (%,d bytes"
                    + " of pain.001) in %.1f s; heap live after a full GC with the close's result"
                    + " held: %d MiB%n",
                maxHeap >> 20,
                scale + fixtures.bigPartnerEntries,
                payouts,
                lines,
                (t1 - t0) / 1e9,
                export.count(),
                Files.size(xml),
                (t2 - t1) / 1e9,
                liveAfterClose >> 20);
      }
    } catch (OutOfHeap e) {
      report = "FAILED: " + failure + "\n";
    }
    System.out.print(report);
    Files.writeString(out.resolve("memory-check.txt"), report);
    if (failure != null) {
      System.exit(1);
    }
  }

  /** Thrown after an OutOfMemoryError, so the database is dropped before the JVM exits. */
  private static final class OutOfHeap extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Heap in use right after a full collection: the live data. (The pools' peak usages, summed,
   * overstate it: each pool peaks at a different moment and holds garbage until collected.)
   */
  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
