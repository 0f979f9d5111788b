package org.partnerprogram.jdbc.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A checksum of every {@code pp_%} table: per table the row count and an order-independent hash
 * (the sum of a SHA-256 prefix of each row, its columns read as strings via JDBC metadata).
 */
public final class TableChecksums {
  private TableChecksums() {}

  /** One table's checksum. */
  public record Sum(long rows, long hash) {}

  public static List<String> tables(DataSource dataSource) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs =
          meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (name.toLowerCase(Locale.ROOT).startsWith("pp_")) {
            tables.add(name);
          }
        }
      }
    }
    return tables;
  }

  public static Map<String, Sum> of(DataSource dataSource, List<String> tables)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return of(c, tables);
    }
  }

  public static Map<String, Sum> of(Connection c, List<String> tables) throws SQLException {
    Map<String, Sum> sums = new TreeMap<>();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Statement s = c.createStatement()) {
      for (String table : tables) {
        long rows = 0;
        long hash = 0;
        // The table name comes from the database's own metadata, not from input.
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          int columns = meta.getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              String value = rs.getString(i);
              row.append(meta.getColumnLabel(i))
                  .append('=')
                  .append(value == null ? "\u0000NULL" : value)
                  .append('\u0001');
            }
            byte[] digest = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
            hash += ByteBuffer.wrap(digest).getLong();
            rows++;
          }
        }
        sums.put(table.toLowerCase(Locale.ROOT), new Sum(rows, hash));
      }
    }
    return sums;
  }
}
