package org.partnerprogram.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.AuditVerification.Problem;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * A row of the audit trail changed or deleted over plain JDBC, behind the SDK's back, is reported
 * by {@code program.audit().verify()} at the record where the chain breaks: a changed reason as a
 * hash mismatch of that record, a deleted middle record as a gap at its sequence, a deleted last
 * record as a gap against the head, and a head rewritten or deleted as a head mismatch.
 */
abstract class AbstractAuditTamperTest {
  private static final Act OPS = Act.by("ops@host.example", "fraud review #4711");

  /** The database under test, migrated. */
  abstract TestDatabase db();

  /** A programme on the emptied database with seven audit records. */
  private ProgramFixture sevenRecords(DataSource data) {
    ProgramFixture f = ProgramFixture.on(JdbcProgramStorage.create(data), b -> b);
    PartnerId jan = f.partner.id(); // the fixture's rate version is record 1
    for (int i = 0; i < 3; i++) {
      f.program.partners().suspend(jan, OPS);
      f.program.partners().reinstate(jan, OPS);
    }
    AuditVerification intact = f.program.audit().verify();
    assertThat(intact.intact()).as("%s", intact).isTrue();
    assertThat(intact.recordsChecked()).isEqualTo(7);
    return f;
  }

  private static void execute(DataSource data, String sql) throws SQLException {
    try (Connection c = data.getConnection();
        Statement s = c.createStatement()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(1);
    }
  }

  private static void brokenAt(
      AuditVerification verification, long sequence, Problem problem, long checked) {
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(sequence);
              assertThat(b.problem()).isEqualTo(problem);
            });
    assertThat(verification.recordsChecked()).isEqualTo(checked);
  }

  @Test
  void aReasonUpdatedBehindTheSdksBackIsAHashMismatchAtThatRecord() throws SQLException {
    DataSource data = db().emptied();
    ProgramFixture f = sevenRecords(data);
    execute(data, "UPDATE pp_audit_record SET reason = 'routine check' WHERE sequence_no = 4");
    brokenAt(f.program.audit().verify(), 4, Problem.HASH_MISMATCH, 4);
  }

  @Test
  void aDeletedMiddleRecordIsAGapAtItsSequence() throws SQLException {
    DataSource data = db().emptied();
    ProgramFixture f = sevenRecords(data);
    execute(data, "DELETE FROM pp_audit_record WHERE sequence_no = 3");
    brokenAt(f.program.audit().verify(), 3, Problem.GAP, 3);
  }

  @Test
  void aDeletedLastRecordIsAGapAgainstTheHead() throws SQLException {
    DataSource data = db().emptied();
    ProgramFixture f = sevenRecords(data);
    execute(data, "DELETE FROM pp_audit_record WHERE sequence_no = 7");
    brokenAt(f.program.audit().verify(), 7, Problem.GAP, 6);
  }

  @Test
  void aDeletedHeadIsAHeadMismatchAtTheFirstRecord() throws SQLException {
    DataSource data = db().emptied();
    ProgramFixture f = sevenRecords(data);
    execute(data, "DELETE FROM pp_audit_head WHERE id = 1");
    brokenAt(f.program.audit().verify(), 1, Problem.HEAD_MISMATCH, 0);
  }

  @Test
  void aRewrittenHeadIsAHeadMismatch() throws SQLException {
    DataSource data = db().emptied();
    ProgramFixture f = sevenRecords(data);
    execute(data, "UPDATE pp_audit_head SET last_hash = '" + "f".repeat(64) + "' WHERE id = 1");
    brokenAt(f.program.audit().verify(), 7, Problem.HEAD_MISMATCH, 7);
  }
}
