package org.partnerprogram.core.port.out;

import java.util.List;
import org.partnerprogram.core.domain.event.ProgramEvent;

/**
 * Where events go. Called inside the transaction of the change that caused the event: an
 * implementation must make the event visible if and only if that transaction commits (an in-memory
 * list that is appended on commit, a JDBC outbox table written in the same transaction).
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Publishes an event as part of the current transaction.
   *
   * @param event the event; never null
   */
  void publish(ProgramEvent event);

  /**
   * Publishes several events, in list order, as part of the current transaction: a period close
   * publishes a page of payouts' events this way. The default calls {@link #publish} for each; an
   * outbox table should write them in one batch.
   *
   * @param events the events; never null, no null element; may be empty
   */
  default void publishAll(List<? extends ProgramEvent> events) {
    events.forEach(this::publish);
  }
}
