package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.AttributionRecord;

/** The stored attribution decision of a customer with the inputs it was made from, for support. */
@FunctionalInterface
public interface ExplainAttributionUseCase {

  /**
   * The stored attribution decision of a customer with the inputs it was made from, for support.
   *
   * @param command the command; never null
   * @return the record, or empty if the customer's signup was never attributed
   */
  Optional<AttributionRecord> explain(ExplainAttributionQuery command);
}
