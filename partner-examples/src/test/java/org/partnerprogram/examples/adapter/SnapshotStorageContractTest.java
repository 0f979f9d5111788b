package org.partnerprogram.examples.adapter;

import java.util.List;
import java.util.UUID;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.testkit.contract.ProgramStorageContractTest;

/**
 * Step 1 of proving an adapter: the storage contract (partners, codes, rates, the transaction
 * boundary and the outbox, and races on one storage). Hand out fresh, empty storage and the ids of
 * the events it committed.
 */
class SnapshotStorageContractTest extends ProgramStorageContractTest<SnapshotStorage> {
  @Override
  protected SnapshotStorage newStorage() {
    return new SnapshotStorage();
  }

  @Override
  protected List<UUID> publishedEventIds(SnapshotStorage storage) {
    return storage.committedEvents().stream().map(ProgramEvent::eventId).toList();
  }
}
