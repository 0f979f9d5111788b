package org.partnerprogram.jdbc.privacy;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ThreadConnections;
import org.partnerprogram.testkit.ProgramFixture;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of {@link PostgresPartnerExportInASmallHeapTest}: exports one partner of a
 * PostgreSQL database to its standard output, which carries the document only (everything else,
 * logging included, goes to standard error), and prints what the export reported to standard error.
 * Arguments: the JDBC URL, the user, the partner id, the export's instant.
 */
final class PartnerExportInASmallHeap {
  private PartnerExportInASmallHeap() {}

  public static void main(String[] args) throws Exception {
    OutputStream document = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, "UTF-8");
    System.setOut(log); // the document owns the real standard output
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(args[0]);
    db.setUser(args[1]);
    try (ThreadConnections connections = new ThreadConnections(db)) {
      PartnerProgram program =
          PartnerProgram.builder()
              .pseudonymKey(ProgramFixture.PSEUDONYM_KEY)
              .terms(
                  ProgramTerms.builder()
                      .referralLinkTemplate(ReferralLinkTemplate.of("https://x.nl/?ref={code}"))
                      .build())
              .storage(JdbcProgramStorage.create(connections, Dialect.POSTGRESQL))
              .clock(Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC))
              .build();
      long t0 = System.nanoTime();
      PartnerExport summary = program.privacy().exportPartner(PartnerId.of(args[2]), document);
      document.close();
      Runtime rt = Runtime.getRuntime();
      log.printf(
          "EXPORTED %d entries, %d attributions in %d ms; heap max %d MiB, used %d MiB%n",
          summary.ledgerEntries(),
          summary.attributions(),
          (System.nanoTime() - t0) / 1_000_000,
          rt.maxMemory() >> 20,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      log.println("DONE");
    }
  }
}
