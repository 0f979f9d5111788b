package org.partnerprogram.core.port.out;

import java.util.Optional;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.ProcessedEvent;

/**
 * The host events already processed. Claiming an event id is the first write of every event's unit
 * of work, so two deliveries of one event, even concurrent ones on two instances, have effect once.
 * An adapter enforces a unique key on the event id.
 */
public interface ProcessedEventStore {

  /**
   * Claims an event id.
   *
   * @param event the event; never null
   * @return true if claimed; false, writing nothing, if the id was claimed before (also
   *     concurrently: the adapter waits for or observes the other transaction and must not fail)
   */
  boolean claim(ProcessedEvent event);

  /**
   * Looks a processed event up.
   *
   * @param eventId the id; never null
   * @return the event, or empty if never processed
   */
  Optional<ProcessedEvent> find(EventId eventId);
}
