package org.partnerprogram.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.CountingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.contract.AttributionAndCommissionContractTest;
import org.partnerprogram.testkit.contract.AuditTrailContractTest;
import org.partnerprogram.testkit.contract.CorrectionsContractTest;
import org.partnerprogram.testkit.contract.PartnerErasureContractTest;
import org.partnerprogram.testkit.contract.PartnerExportContractTest;
import org.partnerprogram.testkit.contract.PayoutContractTest;
import org.partnerprogram.testkit.contract.ProgramStorageContractTest;
import org.partnerprogram.testkit.contract.QueriesContractTest;
import org.partnerprogram.testkit.contract.ReattributionContractTest;
import org.partnerprogram.testkit.contract.ReportsContractTest;
import org.partnerprogram.testkit.contract.RetentionContractTest;

/**
 * The storage contracts of partner-core's test kit, each written once there, bound here to one
 * database in one {@link TransactionMode}. Each database has one class ({@link H2ContractTest},
 * {@link MariaDbContractTest}, {@link PostgresContractTest}) with an {@code Owned}, a {@code
 * Joined} and a {@code JoinedOrOwned} {@code @Nested} subclass of this one, and in each a one-line
 * {@code @Nested} class per suite:
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
 * #newStorage()} (as {@link PayoutSuite} does), then one line in each mode's class of each
 * database's class: {@code @Nested class QueriesContract extends QueriesSuite {}}.
 *
 * <p>After every test, every connection the storage (or the test host) took from the data source
 * must be closed again, in every mode: a leak fails the test that caused it.
 */
abstract class JdbcContractMatrix {
  private final TestDatabase database;
  private final TransactionMode mode;

  /** The data sources of the storages this test opened: none may keep a connection open. */
  private final List<CountingDataSource> opened = new ArrayList<>();

  JdbcContractMatrix(TestDatabase database, TransactionMode mode) {
    this.database = database;
    this.mode = mode;
  }

  /**
   * After every test of every suite, the host's check: the partners' totals and the open entries
   * agree with the ledger ({@link JdbcProgramStorage#reconcile()}).
   */
  @AfterEach
  void everyConnectionTakenWasClosed() {
    for (CountingDataSource counted : opened) {
      assertThat(counted.open())
          .as("connections of %s taken in %s and never closed", database, mode)
          .isZero();
    }
  }

  @AfterEach
  void totalsAndOpenEntriesReconcileWithTheLedger() {
    assertThat(JdbcProgramStorage.create(database.dataSource()).reconcile())
        .as("JdbcProgramStorage.reconcile() after the test")
        .isEmpty();
  }

  /**
   * Fresh, empty storage on this database in this mode, over a data source that counts the
   * connections taken and not closed. On PostgreSQL the connections come from a pool, as a host's
   * would (a new PostgreSQL connection costs some 4 ms, a test takes a dozen: the suites ran in 61
   * s unpooled, 33 s pooled); on MariaDB and H2, where a connection is cheap, each is a new
   * physical one, so the contracts are proven over both.
   */
  final ProgramStorage newStorage() {
    CountingDataSource counted =
        new CountingDataSource(database.isPostgres() ? database.emptiedPool() : database.emptied());
    opened.add(counted);
    return mode.open(counted.dataSource());
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

  /** {@link ReportsContractTest} on this database in this mode. */
  abstract class ReportsSuite extends ReportsContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link RetentionContractTest} on this database in this mode. */
  abstract class RetentionSuite extends RetentionContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link ReattributionContractTest} on this database in this mode. */
  abstract class ReattributionSuite extends ReattributionContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link CorrectionsContractTest} on this database in this mode. */
  abstract class CorrectionsSuite extends CorrectionsContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link AuditTrailContractTest} on this database in this mode. */
  abstract class AuditTrailSuite extends AuditTrailContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link PartnerErasureContractTest} on this database in this mode. */
  abstract class PartnerErasureSuite extends PartnerErasureContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }

  /** {@link PartnerExportContractTest} on this database in this mode. */
  abstract class PartnerExportSuite extends PartnerExportContractTest<ProgramStorage> {
    @Override
    protected ProgramStorage newStorage() {
      return JdbcContractMatrix.this.newStorage();
    }
  }
}
