package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;

/**
 * Support asks: why was (or was not) this customer attributed?
 *
 * @param customer the customer account; never null
 */
public record ExplainAttributionQuery(CustomerAccountId customer) {
  /**
   * Checks for null.
   *
   * @throws InvalidInputException if null
   */
  public ExplainAttributionQuery {
    if (customer == null) {
      throw new InvalidInputException("customerAccountId", "must not be null");
    }
  }
}
