package org.partnerprogram.jdbc.reliability;

import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * Lost webhooks found by reconciliation and redelivered end as a clean run, in memory (the same
 * scenario as the database adapters, for comparison).
 */
class InMemoryReconciliationTest extends AbstractReconciliationTest {
  @Override
  ProgramStorage freshStorage() {
    return new InMemoryStorage();
  }
}
