package org.partnerprogram.core.adapter.memory;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.partnerprogram.core.domain.event.ProgramEvent;
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
 * The in-memory adapter passes every storage contract of the kit: one {@code @Nested} class per
 * suite, each handing out fresh storage. A new suite is one more nested class of the same shape.
 */
class InMemoryContractTest {

  @Nested
  class StorageContract extends ProgramStorageContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }

    @Override
    protected List<UUID> publishedEventIds(InMemoryStorage storage) {
      return storage.publishedEvents().stream().map(ProgramEvent::eventId).toList();
    }
  }

  @Nested
  class AttributionAndCommissionContract
      extends AttributionAndCommissionContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class PayoutContract extends PayoutContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class QueriesContract extends QueriesContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class ReportsContract extends ReportsContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class RetentionContract extends RetentionContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class ReattributionContract extends ReattributionContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class CorrectionsContract extends CorrectionsContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class AuditTrailContract extends AuditTrailContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class PartnerErasureContract extends PartnerErasureContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }

  @Nested
  class PartnerExportContract extends PartnerExportContractTest<InMemoryStorage> {
    @Override
    protected InMemoryStorage newStorage() {
      return new InMemoryStorage();
    }
  }
}
