package org.partnerprogram.jdbc;

import org.partnerprogram.core.domain.PartnerProgramException;

/**
 * {@link JdbcMigrations#migrate(javax.sql.DataSource)} was called but Flyway is not on the class
 * path. Add {@code org.flywaydb:flyway-core} (and {@code flyway-database-postgresql} or {@code
 * flyway-mysql} for those databases), or run the migrations with your own tooling.
 */
public final class FlywayMissingException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing and what to add; never null
   * @param cause the class-loading failure; may be null
   */
  public FlywayMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
