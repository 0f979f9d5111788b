package org.partnerprogram.core.port.in;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;

/**
 * Which of these host events has the programme processed? For reconciliation: redeliver the others
 * (redelivering a processed one is harmless too, just wasted).
 *
 * @param eventIds 1 to {@value #MAX_IDS} event ids; never null
 */
public record ProcessedEventsQuery(Set<EventId> eventIds) {
  /** The most ids one query may ask about. */
  public static final int MAX_IDS = 1000;

  /**
   * Validates and copies the ids.
   *
   * @throws InvalidInputException if null, empty, too many or containing null
   */
  public ProcessedEventsQuery {
    if (eventIds == null || eventIds.isEmpty() || eventIds.size() > MAX_IDS) {
      throw new InvalidInputException("eventIds", "give 1 to " + MAX_IDS + " event ids");
    }
    if (eventIds.contains(null)) {
      throw new InvalidInputException("eventIds", "must not contain null");
    }
    eventIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(eventIds));
  }

  /**
   * A query for ids as text.
   *
   * @param ids the event ids
   * @return the query
   * @throws InvalidInputException if an id is malformed or the list is empty or too long
   */
  public static ProcessedEventsQuery of(List<String> ids) {
    if (ids == null) {
      throw new InvalidInputException("eventIds", "must not be null");
    }
    Set<EventId> set = new LinkedHashSet<>();
    for (String id : ids) {
      set.add(EventId.of(id));
    }
    return new ProcessedEventsQuery(set);
  }
}
