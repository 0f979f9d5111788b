package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;

/** Statement helpers shared by the stores: running SQL in the current unit, binding instants. */
final class Sql {
  /** One piece of JDBC work on the unit's connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the unit's connection
     * @return the result
     * @throws SQLException on any database failure
     */
    T apply(Connection connection) throws SQLException;
  }

  private final JdbcTransactions tx;

  /**
   * Helpers over a transaction boundary.
   *
   * @param tx the boundary whose current connection statements use
   */
  public Sql(JdbcTransactions tx) {
    this.tx = tx;
  }

  /**
   * The statements of the database.
   *
   * @return never null inside a unit of work
   */
  Statements statements() {
    return Statements.of(tx.dialect());
  }

  /**
   * Runs JDBC work on the current unit's connection and maps any {@link SQLException}.
   *
   * @param what what the work does, for error messages
   * @param work the work
   * @return what the work returned
   */
  public <T> T run(String what, Work<T> work) {
    Connection c = tx.connection();
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw SqlErrors.map(e, what);
    }
  }

  /**
   * Checks that an instant can be stored and read back exactly: within [1970, 3000) and whole
   * microseconds.
   *
   * @param field the name for the error message
   * @param instant the instant
   * @return the instant
   * @throws InvalidInputException if it cannot be stored exactly
   */
  public static Instant storable(String field, Instant instant) {
    Instant checked = Instants.check(field, instant);
    if (!checked.equals(instant)) {
      throw new InvalidInputException(
          field,
          "must be whole microseconds (storage keeps microseconds), was "
              + instant
              + "; truncate it with truncatedTo(ChronoUnit.MICROS)");
    }
    return checked;
  }

  /**
   * The latest instant storage keeps (the last microsecond before {@link Instants#MAX_EXCLUSIVE}).
   */
  static final Instant LATEST_STORABLE = Instants.MAX_EXCLUSIVE.minusNanos(1_000);

  /**
   * For a condition "stored strictly before {@code cutoff}": the storable bound {@code b} with
   * {@code stored < b} exactly when {@code stored < cutoff}, for every stored (whole microsecond)
   * instant: the cutoff rounded up to the microsecond, clamped to the storable range.
   *
   * @param cutoff the cutoff; never null
   * @return the bound, or empty when no storable instant lies before the cutoff
   */
  static Optional<Instant> before(Instant cutoff) {
    if (!cutoff.isAfter(Instants.MIN)) {
      return Optional.empty();
    }
    if (cutoff.isAfter(LATEST_STORABLE)) {
      return Optional.of(LATEST_STORABLE);
    }
    Instant micros = cutoff.truncatedTo(ChronoUnit.MICROS);
    Instant bound = micros.isBefore(cutoff) ? micros.plus(1, ChronoUnit.MICROS) : micros;
    return Optional.of(bound.isAfter(LATEST_STORABLE) ? LATEST_STORABLE : bound);
  }

  /**
   * Binds an instant.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param field the name for error messages
   * @param instant the instant; must be {@linkplain #storable storable}
   * @throws SQLException on failure
   */
  public void setInstant(PreparedStatement ps, int index, String field, Instant instant)
      throws SQLException {
    statements().setInstant(ps, index, storable(field, instant));
  }

  /**
   * Binds an optional instant (NULL when empty).
   *
   * @param ps the statement
   * @param index the parameter index
   * @param field the name for error messages
   * @param instant the instant or empty
   * @throws SQLException on failure
   */
  public void setInstant(PreparedStatement ps, int index, String field, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      setInstant(ps, index, field, instant.get());
    } else {
      ps.setObject(index, null);
    }
  }

  /**
   * Reads an instant.
   *
   * @param rs the result set
   * @param column the column
   * @return the instant, or empty if NULL
   * @throws SQLException on failure
   */
  public Optional<Instant> getInstant(ResultSet rs, String column) throws SQLException {
    return statements().getInstant(rs, column);
  }

  /**
   * Reads a NOT NULL instant.
   *
   * @param rs the result set
   * @param column the column
   * @return the instant
   * @throws SQLException on failure, or if the column is NULL
   */
  public Instant getRequiredInstant(ResultSet rs, String column) throws SQLException {
    return getInstant(rs, column)
        .orElseThrow(() -> new SQLException("column " + column + " is unexpectedly NULL"));
  }

  /**
   * Runs an insert that may hit a unique key and reports whether it stored a row. On PostgreSQL the
   * statement must end with {@code ON CONFLICT DO NOTHING} (a failed statement would abort the
   * transaction there); on MariaDB and H2 the duplicate-key error is caught, which rolls back only
   * the statement.
   *
   * @param ps the prepared insert
   * @return true if a row was inserted; false if a unique key refused it
   * @throws SQLException on any other failure
   */
  public static boolean insertUnlessDuplicate(PreparedStatement ps) throws SQLException {
    try {
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** The most values bound into one {@code IN (...)} list: well inside every database's limits. */
  public static final int IN_LIST = 500;

  /**
   * The rows of a multi-row {@code VALUES}: {@code rows} groups of {@code perRow} placeholders.
   *
   * @param rows how many rows, at least 1
   * @param perRow placeholders per row, at least 1
   * @return {@code (?, ?), (?, ?), ...}
   */
  public static String rows(int rows, int perRow) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, was " + rows);
    }
    String row = "(" + placeholders(perRow) + ")";
    return row + (", " + row).repeat(rows - 1);
  }

  /**
   * The placeholders of an {@code IN (...)} list.
   *
   * @param count how many, at least 1
   * @return {@code "?, ?, ..."} with {@code count} placeholders
   */
  public static String placeholders(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    return "?" + ", ?".repeat(count - 1);
  }

  /**
   * The suffix that makes an insert duplicate-safe on this database ({@link
   * Statements#onConflictDoNothing()}).
   *
   * @return the suffix; may be empty
   */
  public String onConflictDoNothing() {
    return statements().onConflictDoNothing();
  }

  /**
   * The rows' values as one array per column, for {@link #setColumnArrays}: {@code columns.get(j)}
   * gives a row's text for column {@code j} (null for SQL NULL).
   *
   * @param rows the rows, in the order they are to be written
   * @param columns one function per column, in the statement's parameter order
   * @param <T> the row type
   * @return {@code columns.size()} arrays of {@code rows.size()} values each
   */
  public static <T> String[][] columnArrays(
      List<? extends T> rows, List<Function<? super T, String>> columns) {
    String[][] arrays = new String[columns.size()][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      T row = rows.get(i);
      for (int j = 0; j < arrays.length; j++) {
        arrays[j][i] = columns.get(j).apply(row);
      }
    }
    return arrays;
  }

  /**
   * PostgreSQL: binds one text array per column, for an {@code INSERT … SELECT FROM unnest(CAST(?
   * AS type[]), …)} that writes many rows in one statement. The statement casts each array to its
   * column's type; instants go as ISO-8601 text in UTC, amounts as plain decimals, nulls as nulls.
   *
   * <p>One statement instead of a JDBC batch: PostgreSQL runs a batch as one statement per row, and
   * PgJDBC's batch fails with an {@link AssertionError} instead of an {@link SQLException} when the
   * connection dies under it and assertions are on.
   *
   * @param c the connection
   * @param ps the statement, with one parameter per column, in order
   * @param columns the columns' values, each of the same length
   * @throws SQLException on failure
   */
  public static void setColumnArrays(Connection c, PreparedStatement ps, String[][] columns)
      throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      ps.setArray(i + 1, c.createArrayOf("text", columns[i]));
    }
  }

  /**
   * Binds an amount of money to two parameters: the amount (DECIMAL) and the currency code.
   *
   * @param ps the statement
   * @param amountIndex the parameter index of the amount
   * @param currencyIndex the parameter index of the currency code
   * @param money the money; never null
   * @throws SQLException on failure
   */
  public static void setMoney(PreparedStatement ps, int amountIndex, int currencyIndex, Money money)
      throws SQLException {
    ps.setBigDecimal(amountIndex, money.amount());
    ps.setString(currencyIndex, money.currency().getCurrencyCode());
  }

  /**
   * Reads an amount of money from an amount and a currency-code column.
   *
   * @param rs the result set
   * @param amountColumn the DECIMAL column
   * @param currencyColumn the CHAR(3) column
   * @return the money, at its currency's scale
   * @throws SQLException on failure, or if a column is NULL
   */
  public static Money getMoney(ResultSet rs, String amountColumn, String currencyColumn)
      throws SQLException {
    return read(rs, amountColumn, currencyColumn, Money::of);
  }

  /**
   * Reads a total (a sum the SDK computed, such as a close line's amount), bounded by {@link
   * Money#MAX_ABS_TOTAL}.
   *
   * @param rs the row
   * @param amountColumn the amount's column
   * @param currencyColumn the currency code's column
   * @return the total
   * @throws SQLException if either column is NULL or reading fails
   */
  public static Money getTotal(ResultSet rs, String amountColumn, String currencyColumn)
      throws SQLException {
    return read(rs, amountColumn, currencyColumn, Money::total);
  }

  private static Money read(
      ResultSet rs,
      String amountColumn,
      String currencyColumn,
      BiFunction<BigDecimal, Currency, Money> factory)
      throws SQLException {
    BigDecimal amount = rs.getBigDecimal(amountColumn);
    String currency = rs.getString(currencyColumn);
    if (amount == null || currency == null) {
      throw new SQLException(
          "column " + amountColumn + " or " + currencyColumn + " is unexpectedly NULL");
    }
    return factory.apply(amount, Currency.getInstance(currency.trim()));
  }
}
