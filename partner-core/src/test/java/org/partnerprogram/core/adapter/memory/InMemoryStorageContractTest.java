package org.partnerprogram.core.adapter.memory;

import java.util.List;
import java.util.UUID;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.out.contract.ProgramStorageContractTest;

/** The in-memory adapter passes the storage contract. */
class InMemoryStorageContractTest extends ProgramStorageContractTest<InMemoryStorage> {
  @Override
  protected InMemoryStorage newStorage() {
    return new InMemoryStorage();
  }

  @Override
  protected List<UUID> publishedEventIds(InMemoryStorage storage) {
    return storage.publishedEvents().stream().map(ProgramEvent::eventId).toList();
  }
}
