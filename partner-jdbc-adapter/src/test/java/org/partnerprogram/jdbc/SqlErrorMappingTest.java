package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.StorageException;

/** SQL failures reach the host as the core's exceptions, never as SQLException. */
class SqlErrorMappingTest {

  @ParameterizedTest(name = "SQLState {0}, error {1} -> {2}")
  @CsvSource({
    "23505, 0, ConflictException", // PostgreSQL / H2 unique violation
    "23000, 1062, ConflictException", // MariaDB duplicate key
    "08006, 0, RetryableException", // connection failure
    "08S01, 0, RetryableException", // communication link failure
    "57P01, 0, RetryableException", // PostgreSQL session terminated (pg_terminate_backend)
    "57P02, 0, RetryableException", // PostgreSQL crash shutdown
    "57P03, 0, RetryableException", // PostgreSQL cannot connect now (starting up)
    "70100, 1927, RetryableException", // MariaDB connection killed (KILL CONNECTION)
    "40001, 0, RetryableException", // serialization failure
    "40P01, 0, RetryableException", // PostgreSQL deadlock
    "40001, 1213, RetryableException", // MariaDB deadlock
    "HY000, 1205, RetryableException", // MariaDB lock wait timeout
    "HY000, 1020, RetryableException", // MariaDB record changed (snapshot isolation)
    "HYT00, 50200, RetryableException", // H2 lock timeout
    "42P01, 0, StorageException", // undefined table
    "23514, 0, StorageException", // check violation
    "HY000, 1406, StorageException", // MariaDB data too long
  })
  void sqlStatesMapToTheCoresExceptions(String state, int code, String expected) {
    PartnerProgramException mapped =
        SqlErrors.map(new SQLException("failure", state, code), "testing");
    assertThat(mapped.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(mapped.getCause()).isInstanceOf(SQLException.class);
    assertThat(mapped.getMessage()).contains("testing").contains(state);
  }

  @Test
  void transientExceptionsAreRetryable() {
    assertThat(SqlErrors.map(new SQLTransientConnectionException("gone"), "x"))
        .isInstanceOf(RetryableException.class);
    assertThat(SqlErrors.map(new SQLException("dup", "23505"), "x"))
        .isInstanceOf(ConflictException.class)
        .matches(e -> !e.isRetryable());
  }

  @Test
  void aMissingSchemaSurfacesAsStorageExceptionNotSqlException() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:pp_unmigrated_" + System.nanoTime());
    JdbcProgramStorage storage = JdbcProgramStorage.create(empty, Dialect.H2);

    assertThatThrownBy(
            () ->
                storage
                    .transactions()
                    .execute(() -> storage.partners().findById(PartnerId.of("p-1"))))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("pp_partner")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void anUnreachableDatabaseIsRetryable() {
    org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
    nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none");
    nowhere.setConnectTimeout(2);
    JdbcProgramStorage storage = JdbcProgramStorage.create(nowhere, Dialect.POSTGRESQL);

    assertThatThrownBy(
            () ->
                storage
                    .transactions()
                    .execute(() -> storage.partners().findById(PartnerId.of("p-1"))))
        .isInstanceOf(RetryableException.class)
        .hasCauseInstanceOf(SQLException.class);
  }
}
