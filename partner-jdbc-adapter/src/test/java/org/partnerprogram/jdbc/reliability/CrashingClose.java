package org.partnerprogram.jdbc.reliability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.ReliabilityWorld;
import org.partnerprogram.testkit.Acts;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of {@link PostgresCrashDuringCloseTest}: closes a month on PostgreSQL through a
 * {@link FaultInjectingDataSource} and, just before statement {@code k}, reports {@code CRASH-POINT
 * k} on stdout and waits to be killed (the parent sends SIGKILL). If the close ends first it
 * reports {@code CLOSED <statements>}.
 *
 * <p>Arguments: JDBC URL, user, password, month (yyyy-MM), now (an ISO instant), k.
 */
final class CrashingClose {
  private CrashingClose() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setUrl(args[0]);
    database.setUser(args[1]);
    database.setPassword(args[2]);
    YearMonth month = YearMonth.parse(args[3]);
    Instant now = Instant.parse(args[4]);
    int k = Integer.parseInt(args[5]);
    FaultInjectingDataSource faults =
        new FaultInjectingDataSource(
            database,
            (number, sql, connection) -> {
              if (number == k) {
                out.println("CRASH-POINT " + k + " " + sql);
                try {
                  Thread.sleep(Long.MAX_VALUE); // until the parent kills this JVM
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    PartnerProgram program =
        ReliabilityWorld.program(
            JdbcProgramStorage.create(faults.dataSource(), Dialect.POSTGRESQL),
            Clock.fixed(now, ZoneOffset.UTC),
            System.nanoTime());
    program.payouts().close(month, Acts.TEST);
    out.println("CLOSED " + faults.executed());
  }
}
