package org.partnerprogram.jdbc.contract;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.HostManagedStorage;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The three ways a host runs the JDBC adapter, the second axis of the contract matrix. */
enum TransactionMode {
  /** The adapter owns its transactions ({@link JdbcProgramStorage#create}). */
  OWNED {
    @Override
    ProgramStorage open(DataSource dataSource) {
      return JdbcProgramStorage.create(dataSource);
    }

    @Override
    List<UUID> publishedEventIds(ProgramStorage storage) {
      return TestDatabase.eventIds((JdbcProgramStorage) storage);
    }
  },

  /**
   * The adapter joins the host's transactions ({@link JdbcProgramStorage#joining}): every unit of
   * work runs inside a transaction of the host's own, which the host commits or rolls back.
   */
  JOINED {
    @Override
    ProgramStorage open(DataSource dataSource) {
      return new HostManagedStorage(dataSource);
    }

    @Override
    List<UUID> publishedEventIds(ProgramStorage storage) {
      HostManagedStorage host = (HostManagedStorage) storage;
      return host.inHostTransaction(() -> TestDatabase.eventIds(host.joined()));
    }
  },

  /**
   * The adapter joins the host's transaction when one is open and owns one otherwise ({@link
   * JdbcProgramStorage#joiningOrOwning}): every other unit of work runs in a transaction of the
   * host's, the rest in the adapter's own, so both branches meet the same data.
   */
  JOINED_OR_OWNED {
    @Override
    ProgramStorage open(DataSource dataSource) {
      return HostManagedStorage.joinOrOwn(dataSource);
    }

    @Override
    List<UUID> publishedEventIds(ProgramStorage storage) {
      // Outside a host transaction: the storage owns the read.
      return TestDatabase.eventIds(((HostManagedStorage) storage).joined());
    }
  };

  /** Storage over the database in this mode. */
  abstract ProgramStorage open(DataSource dataSource);

  /** The ids of the events committed through the outbox of storage {@link #open opened} here. */
  abstract List<UUID> publishedEventIds(ProgramStorage storage);
}
