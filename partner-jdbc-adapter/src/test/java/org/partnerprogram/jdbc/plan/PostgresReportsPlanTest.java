package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The reports are index ranges on PostgreSQL (see the base class). */
class PostgresReportsPlanTest extends AbstractReportsPlanTest {
  // A database of its own: the rows and statistics of this test must not change other plans.
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("report-plans");

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  List<String> plan(Connection c, String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        AbstractPartnerPageQueryPlanTest.bind(ps, i + 1, parameters.get(i), false);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return AbstractPartnerPageQueryPlanTest.rows(rs);
      }
    }
  }

  @Override
  void analyze(Statement s) throws SQLException {
    // VACUUM as well: the visibility map lets the covering indexes answer without the rows.
    s.execute(
        "VACUUM ANALYZE pp_partner, pp_ledger_entry, pp_touch, pp_attribution, pp_order,"
            + " pp_payout");
  }

  @Override
  void assertNoFullScan(List<String> plan) {
    String text = String.join("\n", plan);
    assertThat(text).as("the plan:%n%s", text).doesNotContain("Seq Scan");
  }

  @Override
  void assertReadsByIndex(List<String> plan, String table, String alias, String index) {
    String text = String.join("\n", plan);
    // An index scan ("using <index> on <table>") or a bitmap of the index, both ranges.
    assertThat(text)
        .as("the plan:%n%s", text)
        .containsAnyOf(" using " + index + " on " + table, "Bitmap Index Scan on " + index);
    assertThat(text).as("the plan:%n%s", text).doesNotContain("Seq Scan on " + table);
  }
}
