package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;

/**
 * Storage of clicks on referral links. Touches are never changed; they are deleted only once they
 * have expired, through {@link #deleteTouchedBetween}, in bounded batches. An adapter indexes them
 * by (visitor, time), so that {@link #findByVisitor} stays fast with millions of touches, and by
 * time, so that {@link #deleteTouchedBetween} finds a batch's touches without a scan.
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

  /**
   * Deletes up to {@code limit} touches made at or after {@code fromInclusive} and strictly before
   * {@code cutoff}, the oldest first, in the caller's unit of work. A touch at exactly {@code
   * cutoff} is kept. The lower bound is the purge's keyset: each batch starts at the latest instant
   * the previous one deleted, so that it reads the time index from there and never again over the
   * entries of rows deleted before (which a database such as PostgreSQL keeps in the index until it
   * is vacuumed); {@link org.partnerprogram.core.domain.Instants#MIN} starts at the oldest touch.
   *
   * <p>Safe while another instance deletes the same range: a touch deleted by the other is simply
   * not counted here (no touch counted twice), and an adapter may skip touches another unit of work
   * holds, even ones older than the latest it deletes (the SDK's purge ends with a batch from the
   * oldest touch, which takes what was skipped and then released). A database may refuse one of two
   * such units with a {@link org.partnerprogram.core.domain.RetryableException} (a deadlock); it is
   * rolled back whole and may simply run again, which the SDK's purge does.
   *
   * @param fromInclusive the earliest instant deleted; never null ({@link
   *     org.partnerprogram.core.domain.Instants#MIN} or earlier for no lower bound)
   * @param cutoff the first instant kept; never null (an instant not after {@code fromInclusive},
   *     or before every storable one, deletes nothing)
   * @param limit the most touches deleted; at least 1
   * @return how many touches this call deleted, 0 to {@code limit} (fewer than {@code limit} when
   *     no other touch of the range was left to it), and the time of the latest of them
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  PurgedTouches deleteTouchedBetween(Instant fromInclusive, Instant cutoff, int limit);

  /**
   * Replaces a visitor id in all the visitor's touches by another id (its pseudonym, when a
   * customer who signed up with it is erased); code, partner, time and landing path are unchanged,
   * and the touches are found under the new id from then on.
   *
   * @param visitor the visitor id to replace; never null
   * @param replacement the id that takes its place; never null
   * @return how many touches changed, zero if the visitor has none
   */
  int replaceVisitor(VisitorId visitor, VisitorId replacement);

  /**
   * Replaces a referral code in every touch of its partner made with it (an erased partner's vanity
   * code, replaced by its pseudonym); visitor, partner, time and landing path are unchanged. An
   * adapter finds them through the partner's index.
   *
   * @param partnerId the code's partner; never null
   * @param code the code to replace; never null
   * @param replacement the code that takes its place; never null
   * @return how many touches changed, zero if none
   */
  int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement);
}
