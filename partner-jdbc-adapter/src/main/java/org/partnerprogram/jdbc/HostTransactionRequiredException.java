package org.partnerprogram.jdbc;

import org.partnerprogram.core.domain.PartnerProgramException;

/**
 * A storage that only {@linkplain JdbcProgramStorage#joining(HostTransactions) joins} the host's
 * transactions was called where the host has none open: either {@link HostTransactions#current()}
 * was empty, or the connection it returned was in autocommit mode. Thrown before any SQL runs and
 * before any connection is taken, so nothing was written and nothing leaks. Call the SDK inside the
 * host's transaction (for example from a {@code @Transactional} method), or use {@link
 * JdbcProgramStorage#joiningOrOwning(javax.sql.DataSource, HostTransactions)}, which owns a
 * transaction when the host has none.
 */
public final class HostTransactionRequiredException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was missing and what to do about it; never null
   */
  public HostTransactionRequiredException(String message) {
    super(message);
  }
}
