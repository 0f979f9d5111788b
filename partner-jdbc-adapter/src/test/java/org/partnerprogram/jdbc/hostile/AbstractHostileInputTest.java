package org.partnerprogram.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TableChecksums;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.hostile.HostileCorpus;
import org.partnerprogram.testkit.hostile.HostileWorld;

/**
 * The hostile corpus of partner-core against a real database holding a populated programme (two
 * partners, vanity and random codes, a rate card and an override, paid and refunded orders, a
 * closed month with one payout paid and one open). Every case must end in a typed refusal (or an
 * empty answer to a query about something unknown) and leave every {@code pp_%} table exactly as it
 * was: the checksum taken after each case must equal the one taken after set-up, so the state
 * before each case is the state after the previous one. Finally, no SQL string the adapter handed
 * to JDBC during the whole run contains any of the hostile payloads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractHostileInputTest {
  private RecordingDataSource recording;
  private DataSource plain;
  private HostileWorld world;
  private List<String> tables;
  private Map<String, TableChecksums.Sum> baseline;
  private Connection reader;

  /** The database of the subclass. */
  abstract TestDatabase database();

  @BeforeAll
  void populate() throws SQLException {
    plain = database().emptied();
    // The storage's connections: on PostgreSQL from a pool, as a host's (a new PostgreSQL
    // connection costs some 4 ms, and the corpus has some 800 cases); MariaDB and H2 unpooled.
    recording = new RecordingDataSource(database().isPostgres() ? database().emptiedPool() : plain);
    world = HostileWorld.on(JdbcProgramStorage.create(recording.dataSource()));
    tables = TableChecksums.tables(plain);
    reader = plain.getConnection();
    reader.setAutoCommit(true);
    baseline = TableChecksums.of(reader, tables);
  }

  @AfterAll
  void closeReader() throws SQLException {
    if (reader != null) {
      reader.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsRefusedWithATypedErrorAndLeavesEveryTableUnchanged() {
    List<HostileCorpus.Case> cases = HostileCorpus.cases(world);
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "the programme is populated",
            () -> {
              assertThat(tables).hasSizeGreaterThanOrEqualTo(15);
              assertThat(baseline.get("pp_partner").rows()).isEqualTo(2);
              assertThat(baseline.get("pp_referral_code").rows()).isGreaterThanOrEqualTo(3);
              assertThat(baseline.get("pp_rate_version").rows()).isGreaterThanOrEqualTo(2);
              assertThat(baseline.get("pp_order").rows()).isEqualTo(3);
              assertThat(baseline.get("pp_payout").rows()).isGreaterThanOrEqualTo(2);
              assertThat(baseline.get("pp_ledger_entry").rows()).isGreaterThanOrEqualTo(5);
              assertThat(baseline.get("pp_outbox").rows()).isPositive();
            }));
    for (HostileCorpus.Case c : cases) {
      tests.add(
          DynamicTest.dynamicTest(
              c.toString(),
              () -> {
                assertThat(HostileCorpus.problem(c)).as(c.toString()).isEmpty();
                assertThat(TableChecksums.of(reader, tables)).as(c.toString()).isEqualTo(baseline);
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "no hostile payload ever became SQL text", this::noPayloadReachedTheSqlText));
    return tests.stream();
  }

  private void noPayloadReachedTheSqlText() {
    List<String> payloads = new ArrayList<>();
    for (List<String> list :
        List.of(
            HostileCorpus.NASTY,
            HostileCorpus.BAD_FREE_TEXT,
            HostileCorpus.BAD_IBANS,
            HostileCorpus.BAD_CURRENCIES)) {
      list.stream().filter(p -> p.strip().length() >= 3).forEach(payloads::add);
    }
    List<String> statements = recording.statements();
    assertThat(statements).hasSizeGreaterThan(100);
    for (String sql : statements) {
      for (String payload : payloads) {
        assertThat(sql).as("SQL text").doesNotContain(payload);
      }
    }
  }
}
