package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;

/**
 * Storage of clicks on referral links. Append-only: touches are never changed or deleted by the
 * SDK. An adapter indexes them by (visitor, time), so that {@link #findByVisitor} stays fast with
 * millions of touches.
 */
public interface TouchStore {

  /**
   * Appends a touch. Two equal touches (same visitor, code and instant) may both be stored.
   *
   * @param touch the touch; never null
   */
  void insert(Touch touch);

  /**
   * A visitor's touches in a time range.
   *
   * @param visitorId the visitor; never null
   * @param fromInclusive the earliest instant; never null
   * @param toInclusive the latest instant; never null
   * @return the touches with {@code fromInclusive <= at <= toInclusive}, ordered by time and then
   *     by code; empty if none
   */
  List<Touch> findByVisitor(VisitorId visitorId, Instant fromInclusive, Instant toInclusive);

  /**
   * How many touches a partner's codes received.
   *
   * @param partnerId the partner; never null
   * @return the count, zero if none
   */
  long countByPartner(PartnerId partnerId);
}
