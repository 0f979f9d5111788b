package org.partnerprogram.examples;

import java.util.List;
import java.util.function.Consumer;
import org.partnerprogram.jdbc.JdbcOutbox;
import org.partnerprogram.jdbc.OutboxEntry;

/**
 * Wiring example: drain the SDK's outbox into the host's notifications (an e-mail to the partner
 * "you earned EUR 12.50", a message on a broker). Events were written in the same transaction as
 * their change, so a crash loses none; delivery is at least once, so consumers deduplicate by the
 * event id. Run it on a schedule, one instance at a time or with partitioned consumers.
 *
 * <p>Payloads name customer accounts by {@code customerPseudonym} (layout {@code schemaVersion} 2;
 * rows written before carry {@code customerAccountId} instead, version 1): a consumer that must
 * find its customer computes {@code key.pseudonymOf(accountId)} with the programme's {@code
 * PseudonymKey}. What goes to a partner must carry neither: the partner has no relationship with
 * the customers they referred.
 */
public final class OutboxRelay {
  private final JdbcOutbox outbox;
  private final Consumer<OutboxEntry> notify;

  /**
   * Creates the relay.
   *
   * @param outbox the storage's outbox ({@code JdbcProgramStorage.outboxReader()})
   * @param notify hands one event to the host's notification system; throwing stops the batch, and
   *     the event is delivered again next time
   */
  public OutboxRelay(JdbcOutbox outbox, Consumer<OutboxEntry> notify) {
    this.outbox = outbox;
    this.notify = notify;
  }

  /**
   * Delivers everything pending, in order, acknowledging each batch after it was handed over.
   *
   * @return how many events were delivered
   */
  public int drain() {
    int delivered = 0;
    while (true) {
      List<OutboxEntry> batch = outbox.unacknowledged(100);
      if (batch.isEmpty()) {
        return delivered;
      }
      for (OutboxEntry entry : batch) {
        notify.accept(entry);
      }
      outbox.acknowledge(batch.stream().map(OutboxEntry::sequence).toList());
      delivered += batch.size();
    }
  }
}
