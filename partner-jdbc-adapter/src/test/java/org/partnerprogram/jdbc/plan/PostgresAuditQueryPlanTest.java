package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The audit trail's per-partner and per-actor pages are index ranges on PostgreSQL. */
class PostgresAuditQueryPlanTest extends AbstractAuditQueryPlanTest {
  // A database of its own: the rows and statistics of this test must not change other plans.
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("audit-plans");

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  boolean localTimes() {
    return false;
  }

  @Override
  void analyze(Statement s) throws SQLException {
    s.execute("ANALYZE pp_audit_record");
  }

  @Override
  void assertReadsByIndex(List<String> plan, String index) {
    String text = String.join("\n", plan);
    assertThat(text)
        .as("the plan:%n%s", text)
        .containsAnyOf(" using " + index + " on pp_audit_record", "Bitmap Index Scan on " + index);
    assertThat(text).as("the plan:%n%s", text).doesNotContain("Seq Scan");
  }
}
