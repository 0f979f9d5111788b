package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.InvalidInputException;

/**
 * The audit trail of administrative acts: who suspended, reinstated or removed a partner, changed a
 * rate, closed a month, exported or settled payouts, and why. Every such act writes one record in
 * its own unit of work; records are never changed, and each is chained to the one before by a hash,
 * so that {@link #verify()} finds a record changed or removed behind the SDK's back. Handed out by
 * {@code PartnerProgram.audit()}; safe for concurrent use.
 */
public interface Audit {

  /**
   * A page of the trail.
   *
   * @param query which records, and which page; never null
   * @return the page, newest first; empty for a partner or actor without records (a partner who
   *     left or was erased keeps its records, so the query does not ask whether it exists)
   * @throws InvalidInputException if the query is null or its position is not one an audit query of
   *     the same kind returned
   */
  Page<AuditRecord> records(AuditQuery query);

  /**
   * Checks the whole trail, oldest first, in pages (memory stays flat however long it is): every
   * sequence follows the one before, every hash is the hash of its record after the previous one,
   * and the stored head names the last record. Records appended while it runs are left for the next
   * verification.
   *
   * @return how many records were checked, and the first break if any
   */
  AuditVerification verify();
}
