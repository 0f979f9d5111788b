package org.partnerprogram.core.adapter.memory;

import org.partnerprogram.core.port.out.contract.QueriesContractTest;

/** The in-memory adapter passes the queries contract. */
class InMemoryQueriesContractTest extends QueriesContractTest<InMemoryStorage> {
  @Override
  protected InMemoryStorage newStorage() {
    return new InMemoryStorage();
  }
}
