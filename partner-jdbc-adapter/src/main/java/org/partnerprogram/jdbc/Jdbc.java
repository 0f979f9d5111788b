package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The prepare / bind / execute ceremony of one statement, so the stores say only their SQL, how to
 * bind it and how to read a row. Every method runs on a connection of a unit of work ({@link
 * Sql#run}, which maps the {@link SQLException}s through {@link SqlErrors}) and closes what it
 * opens.
 */
final class Jdbc {
  private Jdbc() {}

  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    /**
     * Binds.
     *
     * @param ps the statement
     * @throws SQLException on failure
     */
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Binds one row of a batch. */
  @FunctionalInterface
  interface RowBinder<T> {
    /**
     * Binds the row.
     *
     * @param ps the statement
     * @param row the row
     * @throws SQLException on failure
     */
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** Reads the current row of a result. */
  @FunctionalInterface
  interface RowMapper<T> {
    /**
     * Maps the row.
     *
     * @param rs the result, on the row
     * @return the value
     * @throws SQLException on failure
     */
    T map(ResultSet rs) throws SQLException;
  }

  /** Takes the current row of a result, to gather rows that make one value. */
  @FunctionalInterface
  interface RowHandler {
    /**
     * Takes the row.
     *
     * @param rs the result, on the row
     * @throws SQLException on failure
     */
    void handle(ResultSet rs) throws SQLException;
  }

  /** No parameters. */
  static final Binder NONE = ps -> {};

  /**
   * Runs an INSERT, UPDATE or DELETE.
   *
   * @param c the connection
   * @param sql the statement
   * @param binder binds its parameters
   * @return the update count
   * @throws SQLException on failure
   */
  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /**
   * Runs an insert that a unique key may refuse ({@link Sql#insertUnlessDuplicate}).
   *
   * @param c the connection
   * @param sql the insert, ending with the database's {@link Statements#onConflictDoNothing()}
   * @param binder binds its parameters
   * @return true if a row was inserted; false if a unique key refused it
   * @throws SQLException on any other failure
   */
  static boolean insertUnlessDuplicate(Connection c, String sql, Binder binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return Sql.insertUnlessDuplicate(ps);
    }
  }

  /**
   * Runs a query and maps every row.
   *
   * @param c the connection
   * @param sql the query
   * @param binder binds its parameters
   * @param mapper reads a row
   * @return the rows' values in the query's order; unmodifiable
   * @throws SQLException on failure
   */
  static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    forEach(c, sql, binder, 0, mapper, rows::add);
    return List.copyOf(rows);
  }

  /**
   * Runs a query and maps its first row.
   *
   * @param c the connection
   * @param sql the query
   * @param binder binds its parameters
   * @param mapper reads a row
   * @return the first row's value, or empty if there is no row
   * @throws SQLException on failure
   */
  static <T> Optional<T> queryFirst(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Runs a query whose one row always exists (an aggregate) and maps it.
   *
   * @param c the connection
   * @param sql the query
   * @param binder binds its parameters
   * @param mapper reads the row
   * @return the row's value
   * @throws SQLException on failure, or if there is no row
   */
  static <T> T queryOne(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the query returned no row");
        }
        return mapper.map(rs);
      }
    }
  }

  /**
   * Runs a query and hands each row's value to an action as it is read.
   *
   * @param c the connection
   * @param sql the query
   * @param binder binds its parameters
   * @param fetchSize rows per round trip, 0 for the driver's default
   * @param mapper reads a row
   * @param action takes each value
   * @throws SQLException on failure
   */
  static <T> void forEach(
      Connection c,
      String sql,
      Binder binder,
      int fetchSize,
      RowMapper<T> mapper,
      Consumer<? super T> action)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.setFetchSize(fetchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(mapper.map(rs));
        }
      }
    }
  }

  /**
   * Runs a query and hands each row to a handler.
   *
   * @param c the connection
   * @param sql the query
   * @param binder binds its parameters
   * @param handler takes each row
   * @throws SQLException on failure
   */
  static void forEachRow(Connection c, String sql, Binder binder, RowHandler handler)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    }
  }

  /**
   * Runs one statement for many rows as a JDBC batch.
   *
   * @param c the connection
   * @param sql the statement
   * @param rows the rows, in order
   * @param binder binds one row
   * @throws SQLException on failure (a {@link java.sql.BatchUpdateException} if a row failed)
   */
  static <T> void batch(Connection c, String sql, Collection<? extends T> rows, RowBinder<T> binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
