package org.partnerprogram.core;

import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;

/**
 * What the services write to the audit trail: one record per administrative act, appended in the
 * act's own unit of work, so that the record commits with the act or not at all.
 */
final class AuditTrail {
  private final ServiceContext ctx;

  AuditTrail(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Appends the record of an act; call it inside the act's unit of work.
   *
   * @param act who and why
   * @param action what was done
   * @param partnerId the partner concerned, or empty
   * @param subject what it was about, by id, or empty
   * @return the record as stored
   */
  AuditRecord record(Act act, AuditAction action, Optional<PartnerId> partnerId, String subject) {
    return ctx.storage.audit().append(new AuditDraft(ctx.now(), act, action, partnerId, subject));
  }
}
