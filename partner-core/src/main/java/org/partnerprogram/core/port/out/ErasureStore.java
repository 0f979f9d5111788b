package org.partnerprogram.core.port.out;

import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;

/**
 * The record of erasures, keyed by the erased person's pseudonym, so that an erasure runs once and
 * erasing again returns what the first one did. An adapter enforces a unique key on the pseudonym.
 */
public interface ErasureStore {

  /**
   * Records a customer's erasure unless one is recorded for the pseudonym.
   *
   * @param erasure the erasure; never null
   * @return true if stored; false, writing nothing, if an erasure with the same pseudonym exists
   *     (also when stored concurrently: the adapter must not fail then)
   */
  boolean insertCustomerErasure(CustomerErasure erasure);

  /**
   * The recorded erasure of a customer.
   *
   * @param pseudonym the customer's pseudonym; never null
   * @return the erasure, or empty if none was recorded under the pseudonym
   */
  Optional<CustomerErasure> findCustomerErasure(CustomerAccountId pseudonym);
}
