package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own promises on Postgres. */
class PostgresJdbcAdapterTest extends AbstractJdbcAdapterTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return DB;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }

  /** The plan of a query when the planner may not scan whole tables (they are tiny in tests). */
  private static String plan(String query) throws SQLException {
    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  @Test
  void theHotQueriesCanUseTheirIndexes() throws Exception {
    assertThat(
            plan(
                "SELECT code FROM pp_touch WHERE visitor_id = 'v-1'"
                    + " AND touched_at >= TIMESTAMPTZ '2026-01-01Z'"
                    + " AND touched_at <= TIMESTAMPTZ '2026-02-01Z' ORDER BY touched_at, code"))
        .contains("ix_pp_touch_visitor");
    assertThat(
            plan(
                "SELECT entry_id FROM pp_ledger_entry WHERE partner_id = 'p-1'"
                    + " ORDER BY recorded_at DESC, entry_order DESC LIMIT 10"))
        .contains("ix_pp_ledger_entry_partner");
    assertThat(plan("SELECT entry_id FROM pp_ledger_entry WHERE order_id = 'o-1'"))
        .contains("ix_pp_ledger_entry_order");
    assertThat(plan("SELECT entry_id FROM pp_ledger_entry WHERE source_event_id = 'e-1'"))
        .contains("uq_pp_ledger_entry_event");
    assertThat(plan("SELECT COUNT(*) FROM pp_attribution WHERE partner_id = 'p-1'"))
        .contains("ix_pp_attribution_partner");
  }
}
