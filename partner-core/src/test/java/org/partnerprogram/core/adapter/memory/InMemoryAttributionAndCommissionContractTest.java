package org.partnerprogram.core.adapter.memory;

import org.partnerprogram.core.port.out.contract.AttributionAndCommissionContractTest;

/** The in-memory adapter passes the attribution and commission contract. */
class InMemoryAttributionAndCommissionContractTest
    extends AttributionAndCommissionContractTest<InMemoryStorage> {
  @Override
  protected InMemoryStorage newStorage() {
    return new InMemoryStorage();
  }
}
