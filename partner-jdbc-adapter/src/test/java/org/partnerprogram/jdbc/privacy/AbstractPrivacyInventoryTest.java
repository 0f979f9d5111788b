package org.partnerprogram.jdbc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * PRIVACY.md lists every column of every {@code pp_} table of the migrated schema, each classified,
 * and no column that is gone. Each database runs it through a subclass, since the migrations are
 * written per database.
 */
abstract class AbstractPrivacyInventoryTest {

  /** A migrated database of the subclass's kind. */
  abstract TestDatabase database();

  @Test
  void everyColumnOfEveryTableIsClassified() throws SQLException, IOException {
    Map<String, List<String>> columns = columns();
    assertThat(columns).containsKeys("pp_partner", "pp_touch", "pp_outbox");

    List<String> problems =
        PrivacyInventory.read().differences(columns, n -> n.startsWith("pp_"), "table", "column");

    assertThat(problems)
        .withFailMessage(
            "PRIVACY.md does not match %s:%n%s", "the schema", String.join("\n", problems))
        .isEmpty();
  }

  /** Per pp_ table of the connection's schema, its columns in order, names in lower case. */
  private Map<String, List<String>> columns() throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (Connection c = database().dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (table.startsWith("pp_")) {
            columns
                .computeIfAbsent(table, t -> new ArrayList<>())
                .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return columns;
  }
}
