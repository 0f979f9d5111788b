package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The audit trail's per-partner and per-actor pages are index ranges on MariaDB: in EXPLAIN, the
 * table is read by the index (type range or ref, never ALL or a whole index).
 */
class MariaDbAuditQueryPlanTest extends AbstractAuditQueryPlanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  boolean localTimes() {
    return true;
  }

  @Override
  void analyze(Statement s) throws SQLException {
    s.execute("ANALYZE TABLE pp_audit_record");
  }

  @Override
  void assertReadsByIndex(List<String> plan, String index) {
    // Columns: id select_type table type possible_keys key key_len ref rows Extra.
    assertThat(plan)
        .as("the plan: %s", plan)
        .singleElement()
        .satisfies(
            row -> {
              String[] columns = row.split(" ", -1);
              assertThat(columns[2]).isEqualTo("pp_audit_record");
              assertThat(columns[3]).isIn("range", "ref");
              assertThat(columns[5]).isEqualTo(index);
            });
  }
}
