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
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.WorkProgress;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * Issue #9's memory check: loads {@code bench.memory.scale} (default 1,000,000) payable entries
 * over {@code bench.memory.partners} partners (default 500,000, at most the scale) into a fresh
 * PostgreSQL database, closes the month through the SDK, streams its close lines ({@code
 * forEachLine}) and streams its SEPA batch and CSV to files ({@code exportTo}). A {@link
 * ProgramObserver} prints the close's and the export's progress every 10 % and each use case's
 * outcome, as a host's progress bar would show them. The bench profile runs it in a JVM with {@code
 * -Xmx64m}; it exits with status 1 if the heap runs out.
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
    long partners = Long.getLong("bench.memory.partners", Math.min(500_000, scale + 1));
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "== memory check: %,d entries over %,d partners, max heap %d MiB%n",
        scale,
        partners,
        maxHeap >> 20);
    String report;
    String failure = null;
    try (BenchDatabase db = BenchDatabase.create(BenchDatabase.Kind.POSTGRESQL)) {
      Fixtures fixtures = new Fixtures(BenchDatabase.Kind.POSTGRESQL, scale, partners);
      fixtures.load(db.dataSource, false, true);
      try (FixedPool pool = new FixedPool(db.dataSource, 1)) {
        PartnerProgram program =
            PartnerProgram.builder()
                .pseudonymKey(PseudonymKey.of(new byte[32]))
                .terms(
                    ProgramTerms.builder()
                        .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
                        .build())
                .storage(JdbcProgramStorage.create(pool, Dialect.POSTGRESQL))
                .clock(Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC))
                .observer(new ProgressPrinter())
                .build();
        YearMonth month = YearMonth.of(2026, 10);
        long t0 = System.nanoTime();
        int payouts;
        long lines;
        long liveAfterClose;
        try {
          PeriodCloseResult close =
              program.payouts().close(month, Act.by("bench", "monthly close"));
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
                          LocalDate.of(2026, 11, 20),
                          Act.by("bench", "monthly payout run")),
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

  /**
   * Prints a close's and an export's progress every 10 % (as a host's progress bar would move), and
   * how each use case ended.
   */
  private static final class ProgressPrinter implements ProgramObserver {
    private final long started = System.nanoTime();
    private String work = "";
    private long shown = -1;

    @Override
    public UseCaseScope started(String useCase) {
      return outcome ->
          System.out.printf(
              Locale.ROOT,
              "   %s: %s in %.1f s (%d attempt%s)%n",
              outcome.useCase(),
              outcome.kind(),
              outcome.duration().toMillis() / 1e3,
              outcome.attempts(),
              outcome.attempts() == 1 ? "" : "s");
    }

    @Override
    public void progressed(WorkProgress progress) {
      if (!progress.work().equals(work)) {
        work = progress.work();
        shown = -1;
      }
      long tenths = (long) Math.floor(progress.fraction().orElse(0) * 10);
      if (tenths > shown) {
        shown = tenths;
        System.out.printf(
            Locale.ROOT,
            "   %s %s: %,d of %s done (%d %%) at %.1f s%n",
            progress.work(),
            progress.month(),
            progress.done(),
            progress.total().isPresent()
                ? String.format(Locale.ROOT, "%,d", progress.total().getAsLong())
                : "?",
            tenths * 10,
            (System.nanoTime() - started) / 1e9);
      }
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
