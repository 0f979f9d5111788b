package org.partnerprogram.core.adapter.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.port.out.ErasureStore;

/** The record of erasures, in memory. */
final class InMemoryErasures implements ErasureStore {
  private final MemoryUnits units;
  private final Map<CustomerAccountId, CustomerErasure> customers = new HashMap<>();

  InMemoryErasures(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insertCustomerErasure(CustomerErasure erasure) {
    units.unit();
    if (customers.containsKey(erasure.pseudonym())) {
      return false;
    }
    units.put(customers, erasure.pseudonym(), erasure);
    return true;
  }

  @Override
  public Optional<CustomerErasure> findCustomerErasure(CustomerAccountId pseudonym) {
    units.unit();
    return Optional.ofNullable(customers.get(pseudonym));
  }
}
