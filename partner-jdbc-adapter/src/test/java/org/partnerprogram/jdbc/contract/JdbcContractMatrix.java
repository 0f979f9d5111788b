package org.partnerprogram.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.contract.AttributionAndCommissionContractTest;
import org.partnerprogram.testkit.contract.PayoutContractTest;
import org.partnerprogram.testkit.contract.ProgramStorageContractTest;
import org.partnerprogram.testkit.contract.QueriesContractTest;

/**
 * The storage contracts of partner-core's test kit, each written once there, bound here to one
 * database in one {@link TransactionMode}. Each database has one class ({@link H2ContractTest},
 * {@link MariaDbContractTest}, {@link PostgresContractTest}) with an {@code Owned} and a {@code
 * Joined} {@code @Nested} subclass of this one, and in each a one-line {@code @Nested} class per
 * suite:
 *
 * <pre>{@code
 * @Nested
 * class Joined extends JdbcContractMatrix {
 *   Joined() {
 *     super(DB, TransactionMode.JOINED);
 *   }
 *
 *   @Nested
 *   class PayoutContract extends PayoutSuite {}
 * }
 * }</pre>
 *
 * <p>Every suite × database × mode is a class of its own, so a report names all three ({@code
 * PostgresContractTest$Joined$PayoutContract}).
 *
 * <p>Adding a suite: an inner class here that extends it and takes its storage from {@link
 * #newStorage()} (as {@link PayoutSuite} does), then one line in {@code Owned} and one in {@code
 * Joined} of each database's class: {@code @Nested class QueriesContract extends QueriesSuite {}}.
 */
abstract class JdbcContractMatrix {
  private final TestDatabase database;
  private final TransactionMode mode;

  JdbcContractMatrix(TestDatabase database, TransactionMode mode) {
    this.database = database;
    this.mode = mode;
  }

  /**
   * After every test of every suite, the host's check: the partners' totals and the open entries
   * agree with the ledger ({@link JdbcProgramStorage#reconcile()}).
   */
  @AfterEach
  void totalsAndOpenEntriesReconcileWithTheLedger() {
    assertThat(JdbcProgramStorage.create(database.dataSource()).reconcile())
        .as("JdbcProgramStorage.reconcile() after the test")
        .isEmpty();
  }

  /** Fresh, empty storage on this database in this mode. */
  final ProgramStorage newStorage() {
    return mode.open(database.emptied());
  }

  /** {@link ProgramStorageContractTest} on this database in this mode. */
  abstract class StorageSuite extends ProgramStorageContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }

    @Override
    protected List<UUID> publishedEventIds(ProgramStorage storage) {
      return mode.publishedEventIds(storage);
    }
  }

  /** {@link AttributionAndCommissionContractTest} on this database in this mode. */
  abstract class AttributionAndCommissionSuite
      extends AttributionAndCommissionContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link PayoutContractTest} on this database in this mode. */
  abstract class PayoutSuite extends PayoutContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link QueriesContractTest} on this database in this mode. */
  abstract class QueriesSuite extends QueriesContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }
}
