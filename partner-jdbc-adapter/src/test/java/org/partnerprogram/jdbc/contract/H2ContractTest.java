package org.partnerprogram.jdbc.contract;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The JDBC adapter passes every storage contract on H2, owning its transactions, joining the
 * host's, and joining or owning per call ({@link JdbcContractMatrix} says how the matrix is built).
 */
class H2ContractTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  @Nested
  class Owned extends JdbcContractMatrix {
    Owned() {
      super(DB, TransactionMode.OWNED);
    }

    @Nested
    class StorageContract extends StorageSuite {}

    @Nested
    class AttributionAndCommissionContract extends AttributionAndCommissionSuite {}

    @Nested
    class PayoutContract extends PayoutSuite {}

    @Nested
    class QueriesContract extends QueriesSuite {}

    @Nested
    class RetentionContract extends RetentionSuite {}

    @Nested
    class PartnerExportContract extends PartnerExportSuite {}

    @Nested
    class PartnerErasureContract extends PartnerErasureSuite {}

    @Nested
    class CorrectionsContract extends CorrectionsSuite {}

    @Nested
    class ReportsContract extends ReportsSuite {}

    @Nested
    class AuditTrailContract extends AuditTrailSuite {}

    @Nested
    class ReattributionContract extends ReattributionSuite {}
  }

  @Nested
  class Joined extends JdbcContractMatrix {
    Joined() {
      super(DB, TransactionMode.JOINED);
    }

    @Nested
    class StorageContract extends StorageSuite {}

    @Nested
    class AttributionAndCommissionContract extends AttributionAndCommissionSuite {}

    @Nested
    class PayoutContract extends PayoutSuite {}

    @Nested
    class QueriesContract extends QueriesSuite {}

    @Nested
    class RetentionContract extends RetentionSuite {}

    @Nested
    class PartnerExportContract extends PartnerExportSuite {}

    @Nested
    class PartnerErasureContract extends PartnerErasureSuite {}

    @Nested
    class CorrectionsContract extends CorrectionsSuite {}

    @Nested
    class ReportsContract extends ReportsSuite {}

    @Nested
    class AuditTrailContract extends AuditTrailSuite {}

    @Nested
    class ReattributionContract extends ReattributionSuite {}
  }

  @Nested
  class JoinedOrOwned extends JdbcContractMatrix {
    JoinedOrOwned() {
      super(DB, TransactionMode.JOINED_OR_OWNED);
    }

    @Nested
    class StorageContract extends StorageSuite {}

    @Nested
    class AttributionAndCommissionContract extends AttributionAndCommissionSuite {}

    @Nested
    class PayoutContract extends PayoutSuite {}

    @Nested
    class QueriesContract extends QueriesSuite {}

    @Nested
    class RetentionContract extends RetentionSuite {}

    @Nested
    class PartnerExportContract extends PartnerExportSuite {}

    @Nested
    class PartnerErasureContract extends PartnerErasureSuite {}

    @Nested
    class CorrectionsContract extends CorrectionsSuite {}

    @Nested
    class ReportsContract extends ReportsSuite {}

    @Nested
    class AuditTrailContract extends AuditTrailSuite {}

    @Nested
    class ReattributionContract extends ReattributionSuite {}
  }
}
