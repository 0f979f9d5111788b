package org.partnerprogram.examples.spring;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.partnerprogram.jdbc.HostTransactions;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transaction open on the calling thread, as the JDBC adapter asks for it: the connection
 * Spring's transaction manager bound to this data source, or empty when there is none. It never
 * opens a connection of its own (outside a transaction {@link DataSourceUtils#getConnection} would,
 * and nobody would close it), so a {@code joiningOrOwning} storage then owns its transaction.
 */
public final class SpringHostTransactions implements HostTransactions {
  private final DataSource dataSource;

  /**
   * Spring's transactions on one data source.
   *
   * @param dataSource the data source Spring's transaction manager runs on; never null
   */
  public SpringHostTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The connection of Spring's transaction on the data source.
   *
   * @return the connection bound to the open transaction, or empty outside one (also inside a
   *     transaction of another resource); never null
   */
  @Override
  public Optional<Connection> current() {
    // tag::spring-host[]
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.getResource(dataSource) == null) {
      return Optional.empty(); // no Spring transaction on this data source: the adapter owns one
    }
    return Optional.of(DataSourceUtils.getConnection(dataSource)); // the bound connection
    // end::spring-host[]
  }
}
