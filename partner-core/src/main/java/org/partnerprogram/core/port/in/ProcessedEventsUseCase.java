package org.partnerprogram.core.port.in;

import java.util.Set;
import org.partnerprogram.core.domain.EventId;

/**
 * Which host events (orders, payments, refunds) the programme has processed, so a host can
 * redeliver lost webhooks safely.
 */
@FunctionalInterface
public interface ProcessedEventsUseCase {

  /**
   * Which of the given events were processed.
   *
   * @param query the ids; never null
   * @return the processed ones among them, in the query's order; never null
   */
  Set<EventId> processed(ProcessedEventsQuery query);
}
