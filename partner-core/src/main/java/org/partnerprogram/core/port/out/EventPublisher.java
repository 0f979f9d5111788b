package org.partnerprogram.core.port.out;

import java.util.List;
import java.util.Map;
import org.partnerprogram.core.domain.PartnerId;
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

  /**
   * Rewrites the events this publisher still holds (an outbox keeps what it wrote, delivered or
   * not), replacing every field whose value is exactly one of the keys by that key's value: how an
   * erasure replaces a person's identifier by its pseudonym in events already published. A value
   * that merely contains a key (a longer id, free text) is left alone; a field holds one value, so
   * replacements do not chain.
   *
   * <p>The default rewrites nothing and returns 0: a publisher that hands events on and keeps none
   * (a host's message broker) holds nothing the SDK can reach; what its consumers keep is the
   * host's to erase.
   *
   * @param replacements each exact value to replace, with the value that takes its place; never
   *     null, no null key or value; may be empty
   * @return how many events changed
   */
  default int replaceValues(Map<String, String> replacements) {
    return 0;
  }

  /**
   * As {@link #replaceValues}, but only in the events of one partner (those whose {@link
   * ProgramEvent#partner()} is it): a partner's erasure replaces values that other partners' events
   * may hold as well, such as a masked IBAN.
   *
   * @param partnerId the partner whose events are rewritten; never null
   * @param replacements each exact value to replace, with the value that takes its place; never
   *     null, no null key or value; may be empty
   * @return how many events changed
   */
  default int replaceValuesOfPartner(PartnerId partnerId, Map<String, String> replacements) {
    return 0;
  }
}
