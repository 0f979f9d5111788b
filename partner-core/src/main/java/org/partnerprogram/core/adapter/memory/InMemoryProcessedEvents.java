package org.partnerprogram.core.adapter.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.port.out.ProcessedEventStore;

/** Processed host events, in memory. */
final class InMemoryProcessedEvents implements ProcessedEventStore {
  private final MemoryUnits units;
  private final Map<EventId, ProcessedEvent> processed = new HashMap<>();

  InMemoryProcessedEvents(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean claim(ProcessedEvent event) {
    units.unit();
    if (processed.containsKey(event.eventId())) {
      return false;
    }
    units.put(processed, event.eventId(), event);
    return true;
  }

  @Override
  public Optional<ProcessedEvent> find(EventId eventId) {
    units.unit();
    return Optional.ofNullable(processed.get(eventId));
  }
}
