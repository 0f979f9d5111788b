package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * An audit record before it is appended: everything but its place in the trail. The store that
 * appends it gives it the next sequence and the hash after the trail's head ({@link
 * #chainedAfter}), under a lock that serialises appenders.
 *
 * @param recordedAt when the act was done; truncated to the microsecond
 * @param act who acted and why; never null
 * @param action what was done; never null
 * @param partnerId the partner the act concerns, or empty; never null
 * @param subject what the act was about, by id, or empty (see {@link AuditRecord#subject()})
 */
public record AuditDraft(
    Instant recordedAt,
    Act act,
    AuditAction action,
    Optional<PartnerId> partnerId,
    String subject) {

  /**
   * Checks the parts.
   *
   * @throws InvalidInputException if a part is null, the instant is out of range or the subject
   *     malformed
   */
  public AuditDraft {
    recordedAt = Instants.check("recordedAt", recordedAt);
    if (act == null || action == null || partnerId == null) {
      throw new InvalidInputException("audit", "act, action and partnerId must not be null");
    }
    AuditRecord.checkSubject(subject);
  }

  /**
   * This draft as the record after a trail's head.
   *
   * @param head the trail's last record (sequence and hash), {@link AuditHead#EMPTY} if none
   * @return the record, with sequence {@code head.sequence() + 1} and its hash
   */
  public AuditRecord chainedAfter(AuditHead head) {
    long sequence = head.sequence() + 1;
    return new AuditRecord(
        sequence,
        recordedAt,
        act.actor(),
        action,
        partnerId,
        subject,
        act.reason(),
        AuditRecord.hashOf(
            head.hash(),
            sequence,
            recordedAt,
            act.actor(),
            action,
            partnerId,
            subject,
            act.reason()));
  }
}
