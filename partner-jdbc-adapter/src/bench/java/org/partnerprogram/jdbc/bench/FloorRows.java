package org.partnerprogram.jdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads rows for the check that a floor ({@link PaymentFloor}, {@link AttributionFloor}) wrote what
 * the SDK writes: the same columns with the same values, apart from ids and the keys the two runs
 * were given.
 */
final class FloorRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FloorRows() {}

  /**
   * The rows of a query, each as the text of its columns (numbers without trailing zeros, so the
   * scale a driver reports does not matter).
   */
  static List<List<String>> read(DataSource ds, String sql, String... params) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int k = 1; k <= columns; k++) {
            Object v = rs.getObject(k);
            row.add(
                v instanceof java.math.BigDecimal d
                    ? d.stripTrailingZeros().toPlainString()
                    : Objects.toString(v, null));
          }
          rows.add(row);
        }
      }
      c.commit();
      return rows;
    }
  }

  /** Fails unless the floor runs on a server it is written for (PostgreSQL or MariaDB). */
  static void requireServer(BenchDatabase.Kind kind, String floor) {
    if (kind == BenchDatabase.Kind.H2) {
      throw new IllegalArgumentException(floor + " is written for PostgreSQL and MariaDB");
    }
  }

  /** A column as text, for {@code LIKE} (PostgreSQL's {@code json} has no {@code LIKE}). */
  static String text(BenchDatabase.Kind kind, String column) {
    return kind == BenchDatabase.Kind.POSTGRESQL ? "CAST(" + column + " AS text)" : column;
  }

  /** A JSON payload without the given fields (ids that differ between the two runs). */
  static JsonNode payloadWithout(String json, Set<String> fields) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      node.remove(fields);
      return node;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not a JSON object: " + json, e);
    }
  }

  /** Fails unless a query gives the same rows for the SDK's key as for the floor's. */
  static void sameRows(DataSource ds, String what, String sql, String sdkKey, String floorKey)
      throws SQLException {
    same(what, read(ds, sql, sdkKey), read(ds, sql, floorKey));
  }

  /**
   * Fails unless the one outbox row of {@code eventType} whose payload names {@code sdkKey} equals
   * the one naming {@code floorKey}: the given columns, and the payload apart from {@code ids}.
   */
  static void sameOutbox(
      BenchDatabase.Kind kind,
      DataSource ds,
      String eventType,
      String columns,
      String sdkKey,
      String floorKey,
      Set<String> ids)
      throws SQLException {
    String outbox =
        "SELECT "
            + columns
            + ", payload FROM pp_outbox WHERE event_type = ? AND "
            + text(kind, "payload")
            + " LIKE ?";
    List<String> sdk = onlyRow(read(ds, outbox, eventType, "%\"" + sdkKey + "\"%"));
    List<String> floor = onlyRow(read(ds, outbox, eventType, "%\"" + floorKey + "\"%"));
    int payload = sdk.size() - 1;
    same("outbox columns", sdk.subList(0, payload), floor.subList(0, payload));
    same(
        "outbox payload",
        payloadWithout(sdk.get(payload), ids),
        payloadWithout(floor.get(payload), ids));
  }

  private static List<String> onlyRow(List<List<String>> rows) {
    same("outbox rows", 1, rows.size());
    return rows.get(0);
  }

  /** Fails unless the two are equal, naming what differs. */
  static void same(String what, Object sdk, Object floor) {
    if (!sdk.equals(floor)) {
      throw new IllegalStateException(
          "the floor does not write what the SDK writes ("
              + what
              + "): SDK "
              + sdk
              + ", floor "
              + floor);
    }
  }
}
