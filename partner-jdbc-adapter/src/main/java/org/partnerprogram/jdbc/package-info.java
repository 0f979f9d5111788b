/**
 * The JDBC adapter: every outbound port of partner-core over plain JDBC on PostgreSQL, MariaDB and
 * H2 (not MySQL).
 *
 * <p>Entry points: {@link org.partnerprogram.jdbc.JdbcProgramStorage} (the storage, owning
 * transactions, joining the host's, or joining when the host has one open and owning otherwise),
 * {@link org.partnerprogram.jdbc.HostTransactions} (how a host says which transaction is open),
 * {@link org.partnerprogram.jdbc.JdbcMigrations} (the schema), {@link
 * org.partnerprogram.jdbc.JdbcOutbox} (reading and acknowledging events) and {@link
 * org.partnerprogram.jdbc.Dialect}. SQL failures surface as the core's exceptions: a duplicate key
 * as {@link org.partnerprogram.core.domain.ConflictException}, connection, serialization, deadlock
 * and lock-timeout failures as {@link org.partnerprogram.core.domain.RetryableException}, anything
 * else as {@link org.partnerprogram.core.domain.StorageException}.
 */
package org.partnerprogram.jdbc;
