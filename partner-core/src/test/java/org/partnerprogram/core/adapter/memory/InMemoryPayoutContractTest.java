package org.partnerprogram.core.adapter.memory;

import org.partnerprogram.core.port.out.contract.PayoutContractTest;

/** The in-memory adapter passes the payout contract. */
class InMemoryPayoutContractTest extends PayoutContractTest<InMemoryStorage> {
  @Override
  protected InMemoryStorage newStorage() {
    return new InMemoryStorage();
  }
}
