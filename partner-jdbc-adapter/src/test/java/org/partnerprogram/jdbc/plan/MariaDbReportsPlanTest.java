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

/**
 * The reports are index ranges on MariaDB (see the base class): in EXPLAIN, each table is read by
 * its index (type range or ref, never ALL or a whole index).
 */
class MariaDbReportsPlanTest extends AbstractReportsPlanTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.mariadb();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  List<String> plan(Connection c, String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        AbstractPartnerPageQueryPlanTest.bind(ps, i + 1, parameters.get(i), true);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return AbstractPartnerPageQueryPlanTest.rows(rs);
      }
    }
  }

  @Override
  void analyze(Statement s) throws SQLException {
    s.execute(
        "ANALYZE TABLE pp_partner, pp_ledger_entry, pp_touch, pp_attribution, pp_order,"
            + " pp_payout");
  }

  @Override
  void assertNoFullScan(List<String> plan) {
    // Type ALL reads the table whole, type index the whole index.
    assertThat(plan)
        .as("the plan: %s", plan)
        .noneMatch(row -> List.of("ALL", "index").contains(column(row, 3)));
  }

  @Override
  void assertReadsByIndex(List<String> plan, String table, String alias, String index) {
    // Columns: id select_type table type possible_keys key key_len ref rows Extra. A range read
    // with a rowid filter from a second index shows as type "range|filter", key "index|other".
    assertThat(plan)
        .as("the plan: %s", plan)
        .anySatisfy(
            row -> {
              assertThat(column(row, 2)).isEqualTo(alias);
              assertThat(column(row, 3).replaceFirst("\\|.*", "")).isIn("range", "ref");
              assertThat(column(row, 5).replaceFirst("\\|.*", "")).isEqualTo(index);
            });
  }

  /** The {@code index}-th space-separated column of a plan row. */
  private static String column(String row, int index) {
    return row.split(" ", -1)[index];
  }
}
