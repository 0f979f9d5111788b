package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;

/**
 * The audit trail: append-only records of administrative acts, each chained to the one before by
 * its hash (computed by the core, {@link AuditDraft#chainedAfter}), with the trail's head (last
 * sequence and hash) kept beside them. Reads are keyset-paged and newest first, except {@link
 * #chain}, which reads oldest first for verification. Every method runs in the caller's unit of
 * work.
 */
public interface AuditStore {

  /**
   * Appends a record after the head: reads the head under a lock that serialises every appender
   * (across host instances, for a store over a database: a row lock on the head, held until the
   * unit of work ends), stores {@code draft.chainedAfter(head)} and moves the head to it. Two
   * concurrent appends thus make one gapless chain.
   *
   * @param draft the record to append; never null
   * @return the record as stored, with its sequence and hash
   */
  AuditRecord append(AuditDraft draft);

  /**
   * The trail's head as stored.
   *
   * @return the last sequence and hash, {@link AuditHead#EMPTY} if nothing was appended
   */
  AuditHead head();

  /**
   * A page of the records concerning a partner, newest (highest sequence) first.
   *
   * @param partnerId the partner; never null
   * @param beforeSequence only records with a lower sequence (keyset paging), or empty from the
   *     newest
   * @param limit the most records to return, at least 1
   * @return the records by sequence descending; empty if none
   */
  List<AuditRecord> ofPartner(PartnerId partnerId, OptionalLong beforeSequence, int limit);

  /**
   * A page of one actor's records, newest (highest sequence) first.
   *
   * @param actor the actor, compared exactly; never null
   * @param beforeSequence only records with a lower sequence, or empty from the newest
   * @param limit the most records to return, at least 1
   * @return the records by sequence descending; empty if none
   */
  List<AuditRecord> ofActor(String actor, OptionalLong beforeSequence, int limit);

  /**
   * A page of the records of a time range {@code [from, to)}, newest first: by recording time
   * descending, then sequence descending.
   *
   * @param from the earliest instant, inclusive; never null
   * @param to the end, exclusive; never null
   * @param before only records before this key in that order (recorded earlier, or at the same
   *     instant with a lower sequence), or empty from the newest
   * @param limit the most records to return, at least 1
   * @return the records in that order; empty if none
   */
  List<AuditRecord> inPeriod(Instant from, Instant to, Optional<AuditKey> before, int limit);

  /**
   * A page of the whole trail, oldest first, for verification.
   *
   * @param afterSequence only records with a greater sequence (0 from the first)
   * @param limit the most records to return, at least 1
   * @return the records by sequence ascending; empty if none
   */
  List<AuditRecord> chain(long afterSequence, int limit);

  /**
   * Where a page of {@link #inPeriod} ended.
   *
   * @param recordedAt the last record's time; never null
   * @param sequence the last record's sequence
   */
  record AuditKey(Instant recordedAt, long sequence) {
    /**
     * The key of a record.
     *
     * @param record the record; never null
     * @return its time and sequence
     */
    public static AuditKey of(AuditRecord record) {
      return new AuditKey(record.recordedAt(), record.sequence());
    }
  }
}
